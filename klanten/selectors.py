"""Reads of the customer record, scoped by role, each one written to the Verwerkingenlog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.permissions import GEEN_TOEGANG
from klanten import brp, kvk
from klanten.models import (
    DigitaalAdres,
    DigitaalAdresWijziging,
    Klant,
    Toestemming,
    VoorkeurWijziging,
)
from klanten.zoeken import Soort, Zoekvraag, interpreteer

if TYPE_CHECKING:  # zaken builds on klanten: imported where used, not at module level
    from zaken.models import Zaak

ZOEK_MAX = 25
# Roles that work with the whole customer record.
KLANT_LEZERS = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)
# Who sees the address of a klant with BRP geheimhouding. The KCC-medewerker does not
# need it to help (identity is checked on BSN and birth date); the teamleider handles
# the exceptions (e.g. a letter that must be sent).
ADRES_BIJ_GEHEIMHOUDING = (roles.TEAMLEIDER,)
ADRES_AFGESCHERMD = "Adres afgeschermd: deze persoon heeft geheimhouding in de BRP."


@dataclass
class RegisterTreffer:
    bron: str  # "brp" or "kvk"
    sleutel: str  # BSN or KVK number
    naam: str
    omschrijving: str
    klant_id: int | None = None


@dataclass
class Zoekuitkomst:
    vraag: Zoekvraag
    klanten: list[Klant] = field(default_factory=list)
    meer: bool = False
    registers: list[RegisterTreffer] = field(default_factory=list)
    registerfout: str = ""
    registers_gevraagd: bool = False


def _check_lezer(medewerker: User) -> None:
    if not medewerker.has_role(*KLANT_LEZERS):
        raise PermissionDenied(GEEN_TOEGANG)


def klant_adres_zichtbaar(*, klant: Klant, medewerker: User) -> bool:
    return not klant.geheimhouding or medewerker.has_role(*ADRES_BIJ_GEHEIMHOUDING)


def _naam_filter(vraag: Zoekvraag) -> Q:
    """Prefix match on zoeknaam (surname first) for every rotation of the typed words.

    'jan jansen' -> 'jansen jan', 'fatima el amrani' -> 'el amrani fatima'.
    """
    delen = list(vraag.naamdelen)
    q = Q()
    for k in range(len(delen)):
        q |= Q(zoeknaam__startswith=" ".join(delen[k:] + delen[:k]))
    return q


def _adres_zoeken_toont_geheim(medewerker: User) -> bool:
    """Finding someone by address reveals where they live: with BRP geheimhouding only a
    reader who may see the address finds them that way (anyone may find them by BSN)."""
    return medewerker.has_role(*ADRES_BIJ_GEHEIMHOUDING)


def _lokaal(vraag: Zoekvraag, medewerker: User) -> QuerySet[Klant]:
    qs = Klant.objects.filter(samengevoegd_in__isnull=True)
    if vraag.soort == Soort.BSN:
        return qs.filter(bsn=vraag.waarde)
    if vraag.soort == Soort.KVK:
        return qs.filter(kvk_nummer=vraag.waarde)
    if vraag.soort == Soort.VESTIGING:
        return qs.filter(vestigingsnummer=vraag.waarde)
    if vraag.soort == Soort.POSTCODE:
        qs = qs.filter(postcode=vraag.postcode)
        if not _adres_zoeken_toont_geheim(medewerker):
            qs = qs.filter(geheimhouding=False)
        if vraag.huisnummer is not None:
            qs = qs.filter(huisnummer=vraag.huisnummer)
        if vraag.huisletter:
            qs = qs.filter(huisletter__iexact=vraag.huisletter)
        if vraag.toevoeging:
            qs = qs.filter(huisnummertoevoeging__iexact=vraag.toevoeging)
        return qs
    if vraag.soort in (Soort.TELEFOON, Soort.EMAIL):
        soort = (
            DigitaalAdres.Soort.TELEFOON
            if vraag.soort == Soort.TELEFOON
            else DigitaalAdres.Soort.EMAIL
        )
        ids = DigitaalAdres.objects.filter(soort=soort, waarde__iexact=vraag.waarde).values(
            "klant_id"
        )
        return qs.filter(pk__in=ids)
    qs = qs.filter(_naam_filter(vraag))
    if vraag.geboortedatum:
        qs = qs.filter(geboortedatum=vraag.geboortedatum)
    return qs


def _registers(vraag: Zoekvraag, uitkomst: Zoekuitkomst, medewerker: User) -> None:
    """Ask the BRP/KVK what the KCC does not know yet. Failures become a message."""
    try:
        if vraag.soort == Soort.BSN:
            uitkomst.registers_gevraagd = True
            persoon = brp.persoon_raadplegen(bsn=vraag.waarde)
            personen = [persoon] if persoon else []
        elif vraag.soort == Soort.POSTCODE and vraag.huisnummer is not None:
            uitkomst.registers_gevraagd = True
            personen = brp.personen_zoeken_op_adres(
                postcode=vraag.postcode,
                huisnummer=vraag.huisnummer,
                huisletter=vraag.huisletter,
                huisnummertoevoeging=vraag.toevoeging,
            )
            if not _adres_zoeken_toont_geheim(medewerker):
                personen = [p for p in personen if not p.geheimhouding]
        elif vraag.soort == Soort.NAAM and vraag.geboortedatum:
            uitkomst.registers_gevraagd = True
            delen = list(vraag.naamdelen)
            personen = brp.personen_zoeken_op_naam(
                geslachtsnaam=delen[-1], geboortedatum=vraag.geboortedatum
            )
            if not personen and len(delen) > 1:
                personen = brp.personen_zoeken_op_naam(
                    geslachtsnaam=delen[0], geboortedatum=vraag.geboortedatum
                )
        else:
            personen = []
        for p in personen:
            omschrijving = f"geboren {p.geboortedatum:%d-%m-%Y}" if p.geboortedatum else ""
            uitkomst.registers.append(RegisterTreffer("brp", p.bsn, p.naam, omschrijving))
    except brp.BrpFout as exc:
        uitkomst.registerfout = str(exc)
        return
    try:
        bedrijven = []
        if vraag.soort == Soort.KVK:
            uitkomst.registers_gevraagd = True
            bedrijven = kvk.zoeken(kvk_nummer=vraag.waarde)
        elif vraag.soort == Soort.NAAM and not vraag.geboortedatum and len(vraag.tekst) >= 3:
            uitkomst.registers_gevraagd = True
            bedrijven = kvk.zoeken(naam=vraag.tekst)
        for b in bedrijven:
            omschrijving = " ".join(p for p in (b.straat, str(b.huisnummer or ""), b.plaats) if p)
            uitkomst.registers.append(RegisterTreffer("kvk", b.kvk_nummer, b.naam, omschrijving))
    except kvk.KvkFout as exc:
        uitkomst.registerfout = str(exc)
    if uitkomst.registers:
        bsns = [t.sleutel for t in uitkomst.registers if t.bron == "brp"]
        kvks = [t.sleutel for t in uitkomst.registers if t.bron == "kvk"]
        bekend = dict(
            Klant.objects.filter(Q(bsn__in=bsns) | Q(kvk_nummer__in=kvks)).values_list("bsn", "pk")
        )
        bekend.update(Klant.objects.filter(kvk_nummer__in=kvks).values_list("kvk_nummer", "pk"))
        for treffer in uitkomst.registers:
            treffer.klant_id = bekend.get(treffer.sleutel)


def klant_zoeken(
    *, q: str, medewerker: User, registers: bool = True, scherm: str = "console/zoeken"
) -> Zoekuitkomst:
    """Interpret the search text, search the KCC's own klanten, then (if none) BRP/KVK.

    Every klant shown in the results is logged as a Verwerking ('gezocht'), in one insert.
    """
    _check_lezer(medewerker)
    vraag = interpreteer(q)
    uitkomst = Zoekuitkomst(vraag=vraag)
    if vraag.fout:
        return uitkomst
    gevonden = list(_lokaal(vraag, medewerker).order_by("zoeknaam", "id")[: ZOEK_MAX + 1])
    uitkomst.meer = len(gevonden) > ZOEK_MAX
    uitkomst.klanten = gevonden[:ZOEK_MAX]
    if uitkomst.klanten:
        verwerking_vastleggen(
            klant_ids=[k.pk for k in uitkomst.klanten],
            medewerker=medewerker,
            actie=Verwerking.Actie.GEZOCHT,
            scherm=scherm,
        )
    elif registers:
        _registers(vraag, uitkomst, medewerker)
    return uitkomst


def klant_get_for_medewerker(*, klant_id: int, medewerker: User, scherm: str) -> Klant:
    """The klant with contact details, for a medewerker allowed to see it; logged as read.

    KCC-medewerkers and teamleiders see every klant; a backoffice-medewerker only a klant
    with a contactverzoek for one of their afdelingen. Anyone else: 404 (no hint that
    the klant exists).
    """
    qs = Klant.objects.prefetch_related(
        Prefetch(
            "digitale_adressen", queryset=DigitaalAdres.objects.order_by("soort", "-voorkeur", "id")
        )
    )
    if medewerker.has_role(*KLANT_LEZERS):
        pass
    elif medewerker.has_role(roles.BACKOFFICE_MEDEWERKER):
        qs = qs.filter(contactverzoeken__afdeling__in=medewerker.afdelingen.all()).distinct()
    else:
        raise PermissionDenied(GEEN_TOEGANG)
    klant = qs.filter(pk=klant_id).first()
    if klant is None:
        raise Http404("Klant niet gevonden.")
    verwerking_vastleggen(
        klant_ids=[klant.pk], medewerker=medewerker, actie=Verwerking.Actie.GELEZEN, scherm=scherm
    )
    return klant


def klant_voor_registratie(*, klant_id: int, medewerker: User) -> Klant:
    """The klant a contact is registered for (KCC-medewerker or teamleider), else 404.

    Only its id and whether it was merged are read, nothing is shown: the registration
    records its own Verwerking (gewijzigd), there is no read to log.
    """
    if not medewerker.has_role(*KLANT_LEZERS):
        raise PermissionDenied(GEEN_TOEGANG)
    klant = next(
        iter(Klant.objects.only("id", "samengevoegd_in_id").filter(pk=klant_id).order_by()[:1]),
        None,
    )
    if klant is None:
        raise Http404("Klant niet gevonden.")
    return klant


def toestemmingen_actueel(*, klant: Klant) -> list[Toestemming]:
    """The newest row per (soort, derde partij): the consents as they stand now."""
    actueel: dict[tuple[str, str], Toestemming] = {}
    for t in Toestemming.objects.filter(klant=klant).order_by("-datum", "-id"):
        actueel.setdefault((t.soort, t.derde_partij.lower()), t)
    return sorted(actueel.values(), key=lambda t: (t.soort, t.derde_partij))


def toestemming_historie(*, klant: Klant) -> QuerySet[Toestemming]:
    return (
        Toestemming.objects.filter(klant=klant)
        .select_related("vastgelegd_door")
        .order_by("-datum", "-id")
    )


def digitaal_adres_historie(*, klant: Klant) -> QuerySet[DigitaalAdresWijziging]:
    return (
        DigitaalAdresWijziging.objects.filter(klant=klant)
        .select_related("medewerker")
        .order_by("-tijdstip", "-id")
    )


def voorkeur_historie(*, klant: Klant) -> QuerySet[VoorkeurWijziging]:
    return (
        VoorkeurWijziging.objects.filter(klant=klant)
        .select_related("medewerker")
        .order_by("-tijdstip", "-id")
    )


def digitaal_adres_get(*, klant: Klant, adres_id: int) -> DigitaalAdres:
    adres = DigitaalAdres.objects.filter(klant=klant, pk=adres_id).first()
    if adres is None:
        raise Http404("Adres niet gevonden.")
    return adres


@dataclass
class ZaakInKlantbeeld:
    """An open zaak as the klantbeeld shows it, with its norm status and, for a hoofdzaak,
    its open deelzaken."""

    zaak: Zaak
    normstatus: str
    deelzaken: list[ZaakInKlantbeeld] = field(default_factory=list)

    @property
    def te_laat(self) -> bool:
        return self.normstatus == Normstatus.TE_LAAT

    @property
    def risico(self) -> bool:
        return self.normstatus == Normstatus.RISICO

    @property
    def opgeschort(self) -> bool:
        return self.normstatus == Normstatus.OPGESCHORT


class Normstatus:
    OPGESCHORT = "opgeschort"  # waiting for the customer: the clock stands still
    TE_LAAT = "te_laat"
    RISICO = "risico"  # the norm monitor warned: most of the term has passed
    OP_TIJD = "op_tijd"
    GEEN_NORM = "geen_norm"


def zaken_voor_klantbeeld(*, klant: Klant, medewerker: User) -> list[ZaakInKlantbeeld]:
    """The klant's open zaken (scoped by zaken.selectors), deelzaken under their hoofdzaak.

    Two queries whatever the number of zaken: the zaken with their deelzaken counts, and
    the norm monitor's warnings for them. The caller read the klant through
    klant_get_for_medewerker (logged).
    """
    from django.contrib.contenttypes.models import ContentType

    from kcc.normen.models import Signalering
    from zaken import selectors as zaken_selectors
    from zaken.models import Zaak

    zaken = zaken_selectors.zaken_open_voor_klant(klant=klant, medewerker=medewerker)
    if not zaken:
        return []
    gewaarschuwd = set(
        Signalering.objects.filter(
            content_type=ContentType.objects.get_for_model(Zaak),
            object_id__in=[z.pk for z in zaken],
            soort=Signalering.Soort.WAARSCHUWING,
        ).values_list("object_id", flat=True)
    )
    vandaag = zaken_selectors.vandaag()

    def normstatus(zaak) -> str:
        if zaak.opgeschort_sinds is not None:
            return Normstatus.OPGESCHORT
        if zaak.streefdatum is None:
            return Normstatus.GEEN_NORM
        if zaak.streefdatum < vandaag:
            return Normstatus.TE_LAAT
        return Normstatus.RISICO if zaak.pk in gewaarschuwd else Normstatus.OP_TIJD

    regels = {z.pk: ZaakInKlantbeeld(zaak=z, normstatus=normstatus(z)) for z in zaken}
    bovenaan = []
    for zaak in zaken:
        hoofd = regels.get(zaak.hoofdzaak_id)
        if hoofd is not None:
            hoofd.deelzaken.append(regels[zaak.pk])
        else:
            bovenaan.append(regels[zaak.pk])
    return bovenaan
