"""Reads of channels, contactmomenten and contactverzoeken, scoped by role; the KPIs."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Case,
    Count,
    DateTimeField,
    Exists,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from kanalen import termijnen
from kanalen.models import (
    Contactmoment,
    ContactmomentVraag,
    Contactverzoek,
    ContactverzoekPoging,
    Kanaal,
)
from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.permissions import GEEN_TOEGANG
from klanten.models import Klant

FCR_NORM = 80  # percent, DESIGN.md
OPEN_STATUSSEN = (Contactverzoek.Status.OPEN, Contactverzoek.Status.IN_BEHANDELING)


def kanaal_list(*, alleen_actief: bool = True) -> QuerySet[Kanaal]:
    qs = Kanaal.objects.all()
    return qs.filter(actief=True) if alleen_actief else qs


def _vragen_prefetch() -> Prefetch:
    return Prefetch(
        "vragen",
        queryset=ContactmomentVraag.objects.select_related("product", "vac").order_by("volgnummer"),
    )


def contactmomenten_voor_klant(*, klant: Klant, kanaal_code: str = "") -> QuerySet[Contactmoment]:
    """Every contact of this klant on every channel, newest first (the timeline).

    The caller has read the klant through klant_get_for_medewerker (which logs it).
    """
    qs = (
        Contactmoment.objects.filter(klant=klant)
        .select_related("kanaal", "medewerker", "doorverwezen_naar")
        .prefetch_related(_vragen_prefetch())
        .order_by("-gestart_op", "-id")
    )
    if kanaal_code:
        qs = qs.filter(kanaal__code=kanaal_code)
    return qs


def kanaal_get(*, code: str) -> Kanaal | None:
    return Kanaal.objects.filter(code=code).first()


def contactmoment_get(*, contactmoment_id: int, medewerker: User) -> Contactmoment:
    if not medewerker.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        raise PermissionDenied(GEEN_TOEGANG)
    cm = (
        Contactmoment.objects.select_related("kanaal", "medewerker", "klant")
        .prefetch_related(_vragen_prefetch())
        .filter(pk=contactmoment_id)
        .first()
    )
    if cm is None:
        raise Http404("Contactmoment niet gevonden.")
    return cm


def contactverzoeken_open_voor_klant(*, klant: Klant) -> QuerySet[Contactverzoek]:
    return (
        Contactverzoek.objects.filter(klant=klant, status__in=OPEN_STATUSSEN)
        .select_related("afdeling__organisatie", "behandelaar")
        .order_by("deadline", "id")
    )


def _scope(medewerker: User) -> Q:
    """Which contactverzoeken one may see: KCC/teamleider all, backoffice their afdelingen."""
    if medewerker.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        return Q()
    if medewerker.has_role(roles.BACKOFFICE_MEDEWERKER):
        afdelingen = list(medewerker.afdelingen.values_list("pk", flat=True))
        return Q(afdeling_id__in=afdelingen) | Q(behandelaar=medewerker)
    raise PermissionDenied(GEEN_TOEGANG)


def contactverzoeken_voor_medewerker(
    *, medewerker: User, status: str = "open", alleen_eigen_afdelingen: bool = False
) -> QuerySet[Contactverzoek]:
    """Contactverzoeken the medewerker may handle; ``status='open'``: open or in behandeling."""
    scope = _scope(medewerker)
    if alleen_eigen_afdelingen:
        afdelingen = list(medewerker.afdelingen.values_list("pk", flat=True))
        scope = Q(afdeling_id__in=afdelingen) | Q(behandelaar=medewerker)
    qs = Contactverzoek.objects.filter(scope).select_related(
        "klant", "afdeling__organisatie", "behandelaar"
    )
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSSEN)
    elif status:
        qs = qs.filter(status=status)
    return qs.annotate(aantal_pogingen=Count("pogingen")).order_by("deadline", "id")


def contactverzoeken_tonen(
    *, verzoeken: Iterable[Contactverzoek], medewerker: User, scherm: str
) -> list[Contactverzoek]:
    """The contactverzoeken a list shows (name, phone, e-mail): logged, one insert per page.

    ``verzoeken`` comes from contactverzoeken_voor_medewerker (scope checked), already
    sliced or paginated to what is shown.
    """
    verzoeken = list(verzoeken)
    verwerking_vastleggen(
        klant_ids=[cv.klant_id for cv in verzoeken if cv.klant_id],
        medewerker=medewerker,
        actie=Verwerking.Actie.GELEZEN,
        scherm=scherm,
        toelichting="Lijst van contactverzoeken",
    )
    return verzoeken


def contactverzoek_get_for_medewerker(
    *, contactverzoek_id: int, medewerker: User, scherm: str
) -> Contactverzoek:
    """One contactverzoek in the medewerker's scope, logged as read; another afdeling's
    gives 404."""
    cv = (
        Contactverzoek.objects.filter(_scope(medewerker), pk=contactverzoek_id)
        .select_related(
            "klant", "afdeling__organisatie", "behandelaar", "contactmoment__kanaal", "afhandeling"
        )
        .prefetch_related(
            Prefetch(
                "pogingen", queryset=ContactverzoekPoging.objects.select_related("medewerker")
            ),
            Prefetch(
                "contactmoment__vragen", queryset=ContactmomentVraag.objects.order_by("volgnummer")
            ),
        )
        .first()
    )
    if cv is None:
        raise Http404("Contactverzoek niet gevonden.")
    if cv.klant_id:
        verwerking_vastleggen(
            klant_ids=[cv.klant_id],
            medewerker=medewerker,
            actie=Verwerking.Actie.GELEZEN,
            scherm=scherm,
            toelichting=f"Contactverzoek {cv.pk}",
        )
    return cv


# --- KPIs (DESIGN.md, "KPI definitions") -------------------------------------------------


def _periode(van: datetime.date, tot: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[van 00:00, tot+1 00:00) in local time: both days count."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(van, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(tot + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz),
    )


@dataclass
class FcrUitkomst:
    totaal: int
    opgelost: int
    norm: int = FCR_NORM

    @property
    def percentage(self) -> float | None:
        return round(100 * self.opgelost / self.totaal, 1) if self.totaal else None

    @property
    def gehaald(self) -> bool | None:
        return None if self.percentage is None else self.percentage >= self.norm


def kpi_eerste_contactoplossing(*, van: datetime.date, tot: datetime.date) -> FcrUitkomst:
    """First-contact resolution over inbound contacts with a Klant from ``van`` to ``tot``.

    Resolved = result 'beantwoord' or 'aanvraag gestart', no contactverzoek made from it,
    not transferred, and no new inbound contact by the same Klant about the same product
    or VAC within 5 working days. One aggregate query; the per-day window ends come from
    the working-day calendar (kanalen.termijnen).
    """
    start, eind = _periode(van, tot)
    dagen = [van + datetime.timedelta(days=i) for i in range((tot - van).days + 1)]
    einden = termijnen.fcr_venster_einden(dagen)
    venster = Case(
        *[When(dag=dag, then=Value(einde)) for dag, einde in einden.items()],
        output_field=DateTimeField(),
    )
    basis = (
        Contactmoment.objects.filter(
            richting=Contactmoment.Richting.INKOMEND,
            klant__isnull=False,
            gestart_op__gte=start,
            gestart_op__lt=eind,
        )
        .annotate(dag=TruncDate("gestart_op", tzinfo=timezone.get_current_timezone()))
        .annotate(venster_einde=venster)
    )
    eigen_vragen = ContactmomentVraag.objects.filter(contactmoment_id=OuterRef(OuterRef("pk")))
    herhaling = ContactmomentVraag.objects.filter(
        contactmoment__klant_id=OuterRef("klant_id"),
        contactmoment__richting=Contactmoment.Richting.INKOMEND,
        contactmoment__gestart_op__gt=OuterRef("gestart_op"),
        contactmoment__gestart_op__lt=OuterRef("venster_einde"),
    ).filter(
        Q(product_id__in=eigen_vragen.filter(product_id__isnull=False).values("product_id"))
        | Q(vac_id__in=eigen_vragen.filter(vac_id__isnull=False).values("vac_id"))
    )
    opgelost_filter = Q(
        resultaat__in=[
            Contactmoment.Resultaat.BEANTWOORD,
            Contactmoment.Resultaat.AANVRAAG_GESTART,
        ],
        heeft_verzoek=False,
        herhaald=False,
    )
    uitkomst = basis.annotate(
        heeft_verzoek=Exists(Contactverzoek.objects.filter(contactmoment_id=OuterRef("pk"))),
        herhaald=Exists(herhaling),
    ).aggregate(totaal=Count("pk"), opgelost=Count("pk", filter=opgelost_filter))
    return FcrUitkomst(totaal=uitkomst["totaal"], opgelost=uitkomst["opgelost"])


class _Percentiel90(Aggregate):
    """PostgreSQL: the nearest-rank 90th percentile (percentile_disc)."""

    function = "percentile_disc"
    template = "%(function)s(0.9) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


@dataclass
class Afhandeltijd:
    kanaal: str
    naam: str
    aantal: int
    gemiddeld_seconden: float | None
    p90_seconden: float | None


def kpi_afhandeltijd_per_kanaal(*, van: datetime.date, tot: datetime.date) -> list[Afhandeltijd]:
    """Mean and p90 (nearest rank) contact duration per channel, contacts from van to tot.

    PostgreSQL computes both in one aggregate query. SQLite has no percentile function:
    there the p90 is one indexed OFFSET query per channel that had contacts.
    """
    start, eind = _periode(van, tot)
    periode = Q(contactmomenten__gestart_op__gte=start, contactmomenten__gestart_op__lt=eind)
    annotaties = {
        "aantal": Count("contactmomenten", filter=periode),
        "gemiddeld": Avg("contactmomenten__duur_seconden", filter=periode),
    }
    postgres = connection.vendor == "postgresql"
    if postgres:
        annotaties["p90"] = _Percentiel90("contactmomenten__duur_seconden", filter=periode)
    rijen = list(Kanaal.objects.annotate(**annotaties).order_by("volgorde", "naam"))
    uitkomst = []
    for k in rijen:
        p90 = getattr(k, "p90", None) if postgres else None
        if not postgres and k.aantal:
            index = math.ceil(0.9 * k.aantal) - 1
            p90 = (
                Contactmoment.objects.filter(kanaal=k, gestart_op__gte=start, gestart_op__lt=eind)
                .order_by("duur_seconden")
                .values_list("duur_seconden", flat=True)[index]
            )
        uitkomst.append(
            Afhandeltijd(
                kanaal=k.code,
                naam=k.naam,
                aantal=k.aantal,
                gemiddeld_seconden=round(k.gemiddeld, 1) if k.gemiddeld is not None else None,
                p90_seconden=float(p90) if p90 is not None else None,
            )
        )
    return uitkomst
