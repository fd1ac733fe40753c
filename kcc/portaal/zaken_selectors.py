"""Reads of the citizen's own zaken for the portal (public words only), scoped by Klant.

The zaken app has no portal selector; these read its models, limited to the klanten of
the logged-in account. Internal data (notes, internal status names, who handles the
zaak) is never selected into what the templates get.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from zaken.models import Informatieverzoek, Zaak, ZaakStatus

ONTVANGEN = "Wij hebben uw aanvraag ontvangen."
IN_BEHANDELING = "Wij zijn met uw aanvraag bezig."
AFGEROND = "Afgerond."
WACHT_OP_U = "Wij wachten op informatie van u."


@dataclass
class PubliekeStatus:
    tekst: str
    datum: datetime.datetime


@dataclass
class Aanspreekpunt:
    """The one named contact of a hoofdzaak, as the citizen may see them.

    The first name (what staff also use in the chat) with function and afdeling; never
    the surname. Without a first name: function and afdeling only.
    """

    naam: str
    functie: str
    afdeling: str
    telefoon: str

    @property
    def wie(self) -> str:
        functie = self.functie or "medewerker"
        return f"{self.naam}, {functie}" if self.naam else functie[:1].upper() + functie[1:]


def _aanspreekpunt(zaak: Zaak) -> Aanspreekpunt | None:
    hoofdzaak = zaak.hoofdzaak if zaak.soort == Zaak.Soort.DEELZAAK else zaak
    if hoofdzaak is None or hoofdzaak.aanspreekpunt is None:
        return None
    medewerker = hoofdzaak.aanspreekpunt
    return Aanspreekpunt(
        naam=medewerker.first_name.strip(),
        functie=medewerker.functie.strip(),
        afdeling=hoofdzaak.afdeling.naam,
        telefoon=hoofdzaak.organisatie.telefoonnummer,
    )


@dataclass
class PortaalZaak:
    """A zaak as the citizen sees it."""

    pk: int
    identificatie: str
    omschrijving: str
    status: str
    streefdatum: datetime.date | None
    startdatum: datetime.date
    afgerond: bool
    wacht_op_u: bool
    is_hoofdzaak: bool
    deelzaken: list[PortaalZaak] = field(default_factory=list)
    historie: list[PubliekeStatus] = field(default_factory=list)
    aanspreekpunt: Aanspreekpunt | None = None
    hoofdzaak_identificatie: str = ""

    @property
    def aantal_klaar(self) -> int:
        return sum(1 for d in self.deelzaken if d.afgerond)


def _publieke_historie(zaak: Zaak) -> list[PubliekeStatus]:
    rows = []
    for s in zaak.statussen.all():  # prefetched: publiek only, oldest first
        # A status row's omschrijving holds the internal name and the employee's remark:
        # only its public text is shown. Rows without a status type are written for the
        # customer ("Wij hebben uw informatie ontvangen").
        tekst = s.statustype.publieke_tekst if s.statustype_id else s.omschrijving
        if tekst:
            rows.append(PubliekeStatus(tekst=tekst, datum=s.gezet_op))
    return rows


def _status(zaak: Zaak, historie: list[PubliekeStatus]) -> str:
    if zaak.afgesloten_op is not None:
        tekst = zaak.status.publieke_tekst if zaak.status_id else ""
        return tekst or AFGEROND
    if zaak.opgeschort_sinds is not None:
        return WACHT_OP_U
    if zaak.status_id and zaak.status.publieke_tekst:
        return zaak.status.publieke_tekst
    if historie:
        return historie[-1].tekst
    return ONTVANGEN if zaak.behandelaar_id is None else IN_BEHANDELING


def _portaal_zaak(zaak: Zaak, deelzaken: list[Zaak]) -> PortaalZaak:
    historie = _publieke_historie(zaak)
    omschrijving = zaak.product.naam if zaak.product_id else ""
    if not omschrijving:  # a hoofdzaak: the life event, or "several products"
        omschrijving = zaak.aanvraag.onderwerp.naam
    pz = PortaalZaak(
        pk=zaak.pk,
        identificatie=zaak.identificatie,
        omschrijving=omschrijving,
        status=_status(zaak, historie),
        streefdatum=zaak.streefdatum,
        startdatum=zaak.startdatum,
        afgerond=zaak.afgesloten_op is not None,
        wacht_op_u=zaak.opgeschort_sinds is not None,
        is_hoofdzaak=zaak.soort == Zaak.Soort.HOOFDZAAK,
        historie=historie,
    )
    pz.deelzaken = [_portaal_zaak(d, []) for d in deelzaken]
    if pz.is_hoofdzaak and pz.deelzaken:
        if not pz.afgerond:
            pz.status = f"{pz.aantal_klaar} van {len(pz.deelzaken)} onderdelen afgerond."
        datums = [d.streefdatum for d in pz.deelzaken if d.streefdatum]
        pz.streefdatum = pz.streefdatum or (max(datums) if datums else None)
    return pz


def _met_publieke_historie(qs):
    publiek = ZaakStatus.objects.filter(publiek=True).select_related("statustype")
    return qs.select_related("product", "status", "aanvraag__levensgebeurtenis").prefetch_related(
        Prefetch("statussen", queryset=publiek.order_by("gezet_op", "id"))
    )


def _zaken_qs(klant_ids: list[int]):
    deelzaken = _met_publieke_historie(Zaak.objects.order_by("id"))
    return _met_publieke_historie(Zaak.objects.filter(klant_id__in=klant_ids)).prefetch_related(
        Prefetch("deelzaken", queryset=deelzaken)
    )


def zaken_voor_portaal(*, klant_ids: list[int]) -> list[PortaalZaak]:
    """The citizen's zaken (hoofdzaken and single zaken), open ones first, newest first."""
    zaken = _zaken_qs(klant_ids).filter(~Q(soort=Zaak.Soort.DEELZAAK))
    result = [
        _portaal_zaak(z, list(z.deelzaken.all())) for z in zaken.order_by("-startdatum", "-id")
    ]
    result.sort(key=lambda z: z.afgerond)
    return result


def zaak_voor_portaal(*, klant_ids: list[int], identificatie: str) -> PortaalZaak | None:
    """One zaak of the citizen by its identificatie (a deelzaak shows as itself), with the
    aanspreekpunt of its hoofdzaak when there is one."""
    zaak = (
        _zaken_qs(klant_ids)
        .select_related(
            "afdeling",
            "organisatie",
            "aanspreekpunt",
            "hoofdzaak__afdeling",
            "hoofdzaak__organisatie",
            "hoofdzaak__aanspreekpunt",
        )
        .filter(identificatie=identificatie)
        .first()
    )
    if zaak is None:
        return None
    pz = _portaal_zaak(zaak, list(zaak.deelzaken.all()))
    pz.aanspreekpunt = _aanspreekpunt(zaak)
    if zaak.hoofdzaak_id:
        pz.hoofdzaak_identificatie = zaak.hoofdzaak.identificatie
    return pz


def informatieverzoeken_open(*, klant_ids: list[int]) -> list[Informatieverzoek]:
    return list(
        Informatieverzoek.objects.filter(zaak__klant_id__in=klant_ids, beantwoord_op__isnull=True)
        .select_related("zaak__product")
        .order_by("gevraagd_op", "id")
    )


def informatieverzoek_voor_portaal(*, klant_ids: list[int], pk: int) -> Informatieverzoek | None:
    return (
        Informatieverzoek.objects.filter(zaak__klant_id__in=klant_ids, pk=pk)
        .select_related("zaak__product")
        .first()
    )
