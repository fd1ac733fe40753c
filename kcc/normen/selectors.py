"""Reads of the norm monitor's results: for a medewerker's queue and the regie dashboard.

No personal data is read here (zaaknummers, products, afdelingen, dates and counts
only), so no Verwerking is written. Every function runs a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kcc.accounts import roles
from kcc.normen.calendar import als_datum
from kcc.normen.models import Signalering

LIJST_LIMIET = 50
OVERSCHRIJDINGEN = (Signalering.Soort.OVERSCHRIJDING, Signalering.Soort.OVERSCHRIJDING_WETTELIJK)
# Most serious first: how signals of one object are ordered on a page.
ERNST = (
    Signalering.Soort.OVERSCHRIJDING_WETTELIJK,
    Signalering.Soort.OVERSCHRIJDING,
    Signalering.Soort.WAARSCHUWING,
)
FOUT_GEEN_TEAMLEIDER = "Alleen een teamleider ziet het regieoverzicht."
DIGEST_ERGSTE = 5


def _open_zaken() -> QuerySet:
    from zaken.models import Zaak

    return Zaak.objects.filter(afgesloten_op__isnull=True)


def _open_contactverzoeken() -> QuerySet:
    from kanalen.models import Contactverzoek

    return Contactverzoek.objects.exclude(status=Contactverzoek.Status.AFGEHANDELD)


def _open_inbox() -> QuerySet | None:
    from django.apps import apps

    if not apps.is_installed("kanalen.inbox"):
        return None
    from kanalen.inbox.models import InkomendBericht

    return InkomendBericht.objects.filter(status__in=InkomendBericht.OPEN, is_vervolg=False)


def _zonder_vervangen_waarschuwing(qs: QuerySet) -> QuerySet:
    """Drop a warning once the same object has a breach: show only the latest state."""
    return qs.exclude(
        Q(soort=Signalering.Soort.WAARSCHUWING)
        & Exists(
            Signalering.objects.filter(
                content_type=OuterRef("content_type"),
                object_id=OuterRef("object_id"),
                soort__in=OVERSCHRIJDINGEN,
            )
        )
    )


def signaleringen_voor_medewerker(
    *, medewerker, limiet: int = LIJST_LIMIET, zaken: bool = True
) -> list[Signalering]:
    """Warnings and breaches of open objects the medewerker handles or their afdelingen own.

    Scoped on the objects' current behandelaar and afdeling (not on the values at the
    moment of signalling), so a transferred zaak shows up in the new queue.
    ``zaken=False``: only contactverzoeken and inbox items (the werkvoorraad shows the
    zaken' signals in its own table).
    """
    from kanalen.models import Contactverzoek
    from zaken.models import Zaak

    afdeling_ids = medewerker.afdelingen.values("pk")
    eigen = Q(behandelaar=medewerker) | Q(afdeling__in=afdeling_ids)
    zaak_ct = ContentType.objects.get_for_model(Zaak)
    cv_ct = ContentType.objects.get_for_model(Contactverzoek)
    scope = Q(content_type=cv_ct, object_id__in=_open_contactverzoeken().filter(eigen).values("pk"))
    if zaken:
        scope |= Q(content_type=zaak_ct, object_id__in=_open_zaken().filter(eigen).values("pk"))
    inbox = _open_inbox()
    if inbox is not None:
        # The KCC inbox has no afdeling: a medewerker sees the items they picked up.
        inbox_ct = ContentType.objects.get_for_model(inbox.model)
        scope |= Q(
            content_type=inbox_ct,
            object_id__in=inbox.filter(behandelaar=medewerker).values("pk"),
        )
    qs = Signalering.objects.filter(scope)
    return list(_zonder_vervangen_waarschuwing(qs).order_by("deadline", "id")[:limiet])


def signaleringen_voor_zaak(*, zaak) -> list[Signalering]:
    """The norm monitor's signals on one zaak, most serious first (one query).

    The caller fetched ``zaak`` through a scoped selector. A warning that became a breach
    is left out; a closed zaak has none to show.
    """
    from zaken.models import Zaak

    if zaak.afgesloten_op is not None:
        return []
    volgorde = {soort: i for i, soort in enumerate(ERNST)}
    qs = Signalering.objects.filter(
        content_type=ContentType.objects.get_for_model(Zaak), object_id=zaak.pk
    )
    return sorted(_zonder_vervangen_waarschuwing(qs), key=lambda s: volgorde[s.soort])


@dataclass
class Groep:
    """One row of a 'te laat per ...' table; ``filter`` is the query string of its list."""

    naam: str
    aantal: int
    filter: str = ""


@dataclass
class RegieOverzicht:
    peildatum: date
    hoofdzaken_risico: list = field(default_factory=list)
    per_organisatie: list[Groep] = field(default_factory=list)
    per_afdeling: list[Groep] = field(default_factory=list)
    per_product: list[Groep] = field(default_factory=list)
    zaken_te_laat: list = field(default_factory=list)
    contactverzoeken_te_laat: list = field(default_factory=list)
    inbox_te_laat: list = field(default_factory=list)
    inbox_beschikbaar: bool = False
    aantal_inbox_te_laat: int = 0
    aantal_zaken_te_laat: int = 0
    aantal_contactverzoeken_te_laat: int = 0
    aantal_waarschuwingen: int = 0
    aantal_hoofdzaken_risico: int = 0
    escalaties: list[Signalering] = field(default_factory=list)


# The filters of the late-zaken list: query parameter -> the zaak's field.
TE_LAAT_FILTERS = {
    "organisatie": "organisatie_id",
    "afdeling": "afdeling_id",
    "product": "product_id",
}


def _groepen(qs: QuerySet, parameter: str) -> list[Groep]:
    veld = TE_LAAT_FILTERS[parameter]
    naam = veld.removesuffix("_id") + "__naam"
    rijen = qs.order_by().values(veld, naam).annotate(aantal=Count("pk")).order_by("-aantal", naam)
    return [
        Groep(naam=rij[naam], aantal=rij["aantal"], filter=f"{parameter}={rij[veld]}")
        for rij in rijen
    ]


def _zaken_te_laat(vandaag: date) -> QuerySet:
    """Deelzaken and single zaken past their streefdatum.

    Suspended zaken are waiting for the citizen: their deadline moves, they are not late.
    A hoofdzaak is not counted: its streefdatum is its latest deelzaak's, which is
    counted already; the regie shows hoofdzaken at risk in their own list.
    """
    from zaken.models import Zaak

    return (
        _open_zaken()
        .filter(streefdatum__lt=vandaag, opgeschort_sinds__isnull=True)
        .exclude(soort=Zaak.Soort.HOOFDZAAK)
    )


def _check_teamleider(medewerker) -> None:
    if not medewerker.has_role(roles.TEAMLEIDER):
        raise PermissionError(FOUT_GEEN_TEAMLEIDER)


def signalering_get_for_teamleider(*, medewerker, pk: int) -> Signalering:
    """One Signalering for the regie; raises Signalering.DoesNotExist."""
    _check_teamleider(medewerker)
    return Signalering.objects.get(pk=pk)


def contactverzoek_klant_id(*, medewerker, signalering: Signalering) -> int | None:
    """The klant of a signalled contactverzoek (to open the klantbeeld); None if anonymous."""
    _check_teamleider(medewerker)
    from kanalen.models import Contactverzoek

    return (
        Contactverzoek.objects.filter(pk=signalering.object_id)
        .values_list("klant_id", flat=True)
        .first()
    )


def zaken_te_laat_voor_regie(
    *, medewerker, filters: dict[str, int], nu: datetime | None = None
) -> QuerySet:
    """The late zaken of the regie's 'te laat per ...' rows, longest late first.

    ``filters``: parameter of TE_LAAT_FILTERS -> id (unknown parameters are ignored).
    """
    _check_teamleider(medewerker)
    vandaag = als_datum(nu or timezone.now())
    qs = _zaken_te_laat(vandaag).filter(
        **{TE_LAAT_FILTERS[k]: v for k, v in filters.items() if k in TE_LAAT_FILTERS}
    )
    return qs.select_related("afdeling", "organisatie", "product", "behandelaar").order_by(
        "streefdatum", "id"
    )


def regie_overzicht(*, medewerker, nu: datetime | None = None) -> RegieOverzicht:
    """The teamleider's view of the norms over all organisations: a fixed number of queries.

    Breaches are taken from the live state (open zaken past their streefdatum), so a zaak
    that was resumed or extended drops off at once; warnings come from the Signaleringen.
    """
    _check_teamleider(medewerker)
    from zaken.models import Zaak

    nu = nu or timezone.now()
    vandaag = als_datum(nu)
    zaak_ct = ContentType.objects.get_for_model(Zaak)
    te_laat = _zaken_te_laat(vandaag)

    deelzaken_risico = _open_zaken().filter(
        hoofdzaak=OuterRef("pk"),
        pk__in=Signalering.objects.filter(content_type=zaak_ct).values("object_id"),
    )
    hoofdzaken = (
        _open_zaken()
        .filter(soort=Zaak.Soort.HOOFDZAAK)
        .filter(Exists(deelzaken_risico))
        .select_related("afdeling", "aanvraag__levensgebeurtenis", "aanvraag__product")
        .annotate(
            deelzaken_te_laat=Count(
                "deelzaken",
                filter=Q(
                    deelzaken__afgesloten_op__isnull=True,
                    deelzaken__opgeschort_sinds__isnull=True,
                    deelzaken__streefdatum__lt=vandaag,
                ),
            ),
            deelzaken_open=Count("deelzaken", filter=Q(deelzaken__afgesloten_op__isnull=True)),
        )
        .order_by("streefdatum", "id")[:LIJST_LIMIET]
    )
    overzicht = RegieOverzicht(peildatum=vandaag)
    overzicht.hoofdzaken_risico = list(hoofdzaken)
    overzicht.aantal_hoofdzaken_risico = (
        _open_zaken()
        .filter(soort=Zaak.Soort.HOOFDZAAK)
        .filter(Exists(deelzaken_risico))
        .order_by()
        .count()
    )
    overzicht.per_organisatie = _groepen(te_laat, "organisatie")
    overzicht.per_afdeling = _groepen(te_laat, "afdeling")
    overzicht.per_product = _groepen(te_laat, "product")
    overzicht.aantal_zaken_te_laat = sum(g.aantal for g in overzicht.per_organisatie)
    overzicht.zaken_te_laat = list(
        te_laat.select_related("afdeling", "organisatie", "product", "behandelaar").order_by(
            "streefdatum", "id"
        )[:LIJST_LIMIET]
    )
    cv_te_laat = _open_contactverzoeken().filter(deadline__lt=nu)
    overzicht.contactverzoeken_te_laat = list(
        cv_te_laat.select_related("afdeling", "behandelaar").order_by("deadline", "id")[
            :LIJST_LIMIET
        ]
    )
    overzicht.aantal_contactverzoeken_te_laat = cv_te_laat.count()
    inbox = _open_inbox()
    if inbox is not None:
        inbox_te_laat = inbox.filter(deadline__lt=nu)
        overzicht.inbox_beschikbaar = True
        overzicht.inbox_te_laat = list(
            inbox_te_laat.select_related("behandelaar").order_by("deadline", "id")[:LIJST_LIMIET]
        )
        overzicht.aantal_inbox_te_laat = inbox_te_laat.count()
    overzicht.aantal_waarschuwingen = (
        _zonder_vervangen_waarschuwing(
            Signalering.objects.filter(
                soort=Signalering.Soort.WAARSCHUWING,
                content_type=zaak_ct,
                object_id__in=_open_zaken().filter(opgeschort_sinds__isnull=True).values("pk"),
            )
        )
        .order_by()
        .count()
    )
    # Escalations: breaches nobody has acknowledged yet, oldest deadline first.
    overzicht.escalaties = list(
        Signalering.objects.filter(soort__in=OVERSCHRIJDINGEN, gezien_op__isnull=True)
        .select_related("afdeling", "organisatie")
        .order_by("deadline", "id")[:LIJST_LIMIET]
    )
    return overzicht
