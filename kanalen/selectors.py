"""Reads of channels, contactmomenten and contactverzoeken, scoped by role.

The KPIs over them (first-contact resolution, handling time) are in kcc.kpi.selectors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

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
from kcc.core.keuzes import Bewaard
from kcc.core.permissions import GEEN_TOEGANG
from klanten.models import Klant
from zaken.models import Aanvraag

OPEN_STATUSSEN = (Contactverzoek.Status.OPEN, Contactverzoek.Status.IN_BEHANDELING)


def _vragen_prefetch() -> Prefetch:
    return Prefetch(
        "vragen",
        queryset=ContactmomentVraag.objects.select_related("product", "vac").order_by("volgnummer"),
    )


def contactmomenten_voor_klant(*, klant: Klant, kanaal_code: str = "") -> QuerySet[Contactmoment]:
    """Every contact of this klant on every channel, newest first (the timeline).

    The caller has read the klant through klant_get_for_medewerker (which logs it).
    """
    return (
        _contacten_van(klant, kanaal_code)
        .select_related("kanaal", "medewerker", "doorverwezen_naar")
        .prefetch_related(_vragen_prefetch())
    )


def _contacten_van(klant: Klant, kanaal_code: str) -> QuerySet[Contactmoment]:
    """The klant's contacts, on one channel when ``kanaal_code`` is given, newest first."""
    qs = Contactmoment.objects.filter(klant=klant).order_by("-gestart_op", "-id")
    return qs.filter(kanaal__code=kanaal_code) if kanaal_code else qs


@dataclass
class TijdlijnVraag:
    vraag: str
    antwoord: str
    kennisbank: bool
    product: str


@dataclass
class TijdlijnRegel:
    """One contact on the klantbeeld's timeline, as the row shows it."""

    gestart_op: datetime
    kanaal: str
    richting: str
    resultaat: str
    doorverwezen_naar: str
    medewerker: str
    duur_seconden: int | None
    vragen: list[TijdlijnVraag] = field(default_factory=list)


_TIJDLIJN_VELDEN = (
    "id",
    "gestart_op",
    "kanaal__naam",
    "richting",
    "resultaat",
    "doorverwezen_naar__naam",
    "medewerker__first_name",
    "medewerker__last_name",
    "medewerker__username",
    "duur_seconden",
)


def tijdlijn_voor_klant(*, klant: Klant, kanaal_code: str = "") -> QuerySet:
    """The timeline of contactmomenten_voor_klant, as plain values for ``tijdlijn_regels``.

    Only the columns a row shows: model instances of the contact, its medewerker, its
    organisation and every question's product and VAC (with their full texts and search
    vectors) cost 20 ms for a page of ten. The caller read the klant (and logged it).
    """
    return _contacten_van(klant, kanaal_code).values(*_TIJDLIJN_VELDEN)


def tijdlijn_aantal(*, klant: Klant, kanaal_code: str = "") -> int:
    """How many contacts ``tijdlijn_voor_klant`` lists, counted without its joins."""
    return _contacten_van(klant, kanaal_code).order_by().count()


def tijdlijn_regels(rijen: Iterable[dict]) -> list[TijdlijnRegel]:
    """One page of ``tijdlijn_voor_klant`` with its questions: one query for the page."""
    richtingen = dict(Contactmoment.Richting.choices)
    resultaten = dict(Contactmoment.Resultaat.choices)
    regels: dict[int, TijdlijnRegel] = {}
    for rij in rijen:
        naam = f"{rij['medewerker__first_name']} {rij['medewerker__last_name']}".strip()
        regels[rij["id"]] = TijdlijnRegel(
            gestart_op=rij["gestart_op"],
            kanaal=rij["kanaal__naam"],
            richting=richtingen.get(rij["richting"], rij["richting"]),
            resultaat=resultaten.get(rij["resultaat"], rij["resultaat"]),
            doorverwezen_naar=rij["doorverwezen_naar__naam"] or "",
            medewerker=naam or rij["medewerker__username"] or "",
            duur_seconden=rij["duur_seconden"],
        )
    if regels:
        vragen = (
            ContactmomentVraag.objects.filter(contactmoment_id__in=list(regels))
            .order_by("volgnummer", "id")
            .values_list("contactmoment_id", "vraag", "antwoord", "vac_id", "product__naam")
        )
        for contactmoment_id, vraag, antwoord, vac_id, product in vragen:
            regels[contactmoment_id].vragen.append(
                TijdlijnVraag(
                    vraag=vraag,
                    antwoord=antwoord,
                    kennisbank=vac_id is not None,
                    product=product or "",
                )
            )
    return list(regels.values())


def aanvragen_voor_contact(*, klant: Klant) -> QuerySet[Aanvraag]:
    """The klant's aanvragen a contact being registered now may have started: made within
    the longest a contact may last and not yet linked to another contact."""
    from kanalen.services import MAX_DUUR

    return (
        Aanvraag.objects.filter(
            klant=klant,
            aangemaakt_op__gte=timezone.now() - MAX_DUUR,
            contactmomenten__isnull=True,
        )
        .select_related("product", "levensgebeurtenis")
        .order_by("-aangemaakt_op", "-id")
    )


def aanvraag_voor_contact_get(*, klant: Klant, aanvraag_id: int) -> Aanvraag | None:
    return aanvragen_voor_contact(klant=klant).filter(pk=aanvraag_id).first()


def _kanalen_per_code() -> dict[str, Kanaal]:
    return {kanaal.code: kanaal for kanaal in Kanaal.objects.all()}


# The kanalen (a handful of rows), kept until one is saved (kcc.core.keuzes).
_kanalen = Bewaard("kanalen-per-code", _kanalen_per_code, modellen=(Kanaal,))


def kanaal_get(*, code: str) -> Kanaal | None:
    """The kanaal with this code, from the kept list: every contact registered through the
    API names its kanaal, which changes a few times a year."""
    return _kanalen().get(code)


def kanalen_op_volgorde() -> list[Kanaal]:
    """Every kanaal, active or not, in the model's order, from the kept list."""
    return sorted(_kanalen().values(), key=lambda kanaal: (kanaal.volgorde, kanaal.naam))


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
