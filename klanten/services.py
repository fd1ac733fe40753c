"""Writes on the customer record. Every change of personal data writes a Verwerking."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.permissions import GEEN_TOEGANG
from klanten import brp, kvk, validators
from klanten.models import (
    DigitaalAdres,
    DigitaalAdresWijziging,
    Klant,
    KlantSamenvoeging,
    Toestemming,
    VoorkeurWijziging,
)
from klanten.zoeken import naamdelen

BSN_NIET_IN_BRP = "Dit BSN komt niet voor in de BRP. Controleer het nummer met de klant."
KVK_NIET_GEVONDEN = "Dit KVK-nummer komt niet voor in het Handelsregister."
ADRES_BESTAAT_AL = "De klant heeft dit adres of nummer al."
SAMENVOEGEN_ZELFDE = "Een klant kan niet met zichzelf worden samengevoegd."
SAMENVOEGEN_AL_OPGEHEVEN = "Deze klant is al samengevoegd met een andere klant."
SAMENVOEGEN_ANDERE_SOORT = "Een persoon en een organisatie kunnen niet worden samengevoegd."
SAMENVOEGEN_ANDER_NUMMER = (
    "Deze klanten hebben een verschillend {veld}: het zijn verschillende klanten."
)
WIJZIGEN_KLANTEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


def klant_zoeknaam(*, klant: Klant) -> str:
    """The normalised name the search uses: surname first, without prefixes."""
    if klant.soort == Klant.Soort.ORGANISATIE:
        return " ".join(naamdelen(klant.bedrijfsnaam))[:250]
    return " ".join(naamdelen(klant.geslachtsnaam) + naamdelen(klant.voornamen))[:250]


def _check_mag_wijzigen(medewerker: User) -> None:
    if not medewerker.has_role(*WIJZIGEN_KLANTEN):
        raise PermissionDenied(GEEN_TOEGANG)


def _brp_velden(persoon: brp.BrpPersoon) -> dict:
    postcode = ""
    if persoon.postcode:
        try:
            postcode = validators.normaliseer_postcode(persoon.postcode)
        except ValidationError:
            postcode = ""
    return {
        "voornamen": persoon.voornamen,
        "voorvoegsel": persoon.voorvoegsel,
        "geslachtsnaam": persoon.geslachtsnaam,
        "geboortedatum": persoon.geboortedatum,
        "straat": persoon.straat,
        "huisnummer": persoon.huisnummer,
        "huisletter": persoon.huisletter,
        "huisnummertoevoeging": persoon.huisnummertoevoeging,
        "postcode": postcode,
        "woonplaats": persoon.woonplaats,
        "geheimhouding": persoon.geheimhouding,
        "brp_gegevens": persoon.ruw,
        "brp_opgehaald_op": timezone.now(),
    }


def klant_create_from_brp(*, bsn: str, medewerker: User | None, scherm: str = "console") -> Klant:
    """The Klant with this BSN; fetched from the BRP only if the KCC does not know it yet.

    Raises ValidationError (invalid BSN, unknown in BRP) or brp.BrpFout (BRP down). The
    BRP is asked before the transaction starts: nothing is saved when it fails.
    """
    if medewerker is not None:
        _check_mag_wijzigen(medewerker)
    bsn = validators.normaliseer_bsn(bsn)
    bestaand = Klant.objects.filter(bsn=bsn).first()
    if bestaand is not None:
        return bestaand
    persoon = brp.persoon_raadplegen(bsn=bsn)
    if persoon is None:
        raise ValidationError({"bsn": BSN_NIET_IN_BRP})
    klant = Klant(soort=Klant.Soort.PERSOON, bsn=bsn, **_brp_velden(persoon))
    klant.zoeknaam = klant_zoeknaam(klant=klant)
    try:
        with transaction.atomic():
            klant.save()
            verwerking_vastleggen(
                klant_ids=[klant.pk],
                medewerker=medewerker,
                actie=Verwerking.Actie.AANGEMAAKT,
                scherm=scherm,
                toelichting="Aangemaakt met gegevens uit de BRP",
            )
    except IntegrityError:
        # Someone else created this BSN a moment ago: theirs is the one.
        return Klant.objects.get(bsn=bsn)
    return klant


def klant_create_from_kvk(
    *, kvk_nummer: str, medewerker: User | None, scherm: str = "console"
) -> Klant:
    """The organisation (hoofdvestiging) with this KVK number, fetched once from the KVK."""
    if medewerker is not None:
        _check_mag_wijzigen(medewerker)
    kvk_nummer = validators.normaliseer_kvk_nummer(kvk_nummer)
    profiel = kvk.basisprofiel(kvk_nummer=kvk_nummer)
    if profiel is None:
        raise ValidationError({"kvk_nummer": KVK_NIET_GEVONDEN})
    bestaand = Klant.objects.filter(
        kvk_nummer=kvk_nummer, vestigingsnummer=profiel.vestigingsnummer
    ).first()
    if bestaand is not None:
        return bestaand
    postcode = ""
    if profiel.postcode:
        try:
            postcode = validators.normaliseer_postcode(profiel.postcode)
        except ValidationError:
            postcode = ""
    rsin = (
        profiel.rsin
        if profiel.rsin and validators_ok(validators.normaliseer_rsin, profiel.rsin)
        else ""
    )
    klant = Klant(
        soort=Klant.Soort.ORGANISATIE,
        kvk_nummer=kvk_nummer,
        vestigingsnummer=profiel.vestigingsnummer,
        rsin=rsin,
        bedrijfsnaam=profiel.naam,
        straat=profiel.straat,
        huisnummer=profiel.huisnummer,
        huisletter=profiel.huisletter,
        huisnummertoevoeging=profiel.huisnummertoevoeging,
        postcode=postcode,
        woonplaats=profiel.plaats,
        kvk_gegevens=profiel.ruw,
        kvk_opgehaald_op=timezone.now(),
    )
    klant.zoeknaam = klant_zoeknaam(klant=klant)
    try:
        with transaction.atomic():
            klant.save()
            verwerking_vastleggen(
                klant_ids=[klant.pk],
                medewerker=medewerker,
                actie=Verwerking.Actie.AANGEMAAKT,
                scherm=scherm,
                toelichting="Aangemaakt met gegevens uit het Handelsregister",
            )
    except IntegrityError:
        return Klant.objects.get(kvk_nummer=kvk_nummer, vestigingsnummer=profiel.vestigingsnummer)
    return klant


def validators_ok(normaliseer, value: str) -> bool:
    try:
        normaliseer(value)
    except ValidationError:
        return False
    return True


def _normaliseer_adres(soort: str, waarde: str) -> str:
    if soort == DigitaalAdres.Soort.TELEFOON:
        try:
            return validators.normaliseer_telefoon(waarde)
        except ValidationError as exc:
            raise ValidationError({"waarde": exc.messages}) from None
    if soort == DigitaalAdres.Soort.EMAIL:
        try:
            return validators.normaliseer_email(waarde)
        except ValidationError as exc:
            raise ValidationError({"waarde": exc.messages}) from None
    raise ValidationError({"soort": "Kies e-mail of telefoon."})


def _historie(
    adres: DigitaalAdres, actie: str, medewerker: User | None, oud: str = "", nieuw: str = ""
) -> None:
    DigitaalAdresWijziging.objects.create(
        klant_id=adres.klant_id,
        digitaal_adres=adres if adres.pk else None,
        soort=adres.soort,
        actie=actie,
        oude_waarde=oud,
        nieuwe_waarde=nieuw,
        medewerker=medewerker,
    )


def _gewijzigd(klant_id: int, medewerker: User | None, scherm: str, toelichting: str) -> None:
    verwerking_vastleggen(
        klant_ids=[klant_id],
        medewerker=medewerker,
        actie=Verwerking.Actie.GEWIJZIGD,
        scherm=scherm,
        toelichting=toelichting,
    )


@transaction.atomic
def digitaal_adres_toevoegen(
    *,
    klant: Klant,
    soort: str,
    waarde: str,
    medewerker: User | None,
    voorkeur: bool = False,
    omschrijving: str = "",
    scherm: str = "console",
) -> DigitaalAdres:
    """Add an e-mail address or phone number; ``voorkeur`` moves the preference to it."""
    waarde = _normaliseer_adres(soort, waarde)
    if klant.digitale_adressen.filter(soort=soort, waarde=waarde).exists():
        raise ValidationError({"waarde": ADRES_BESTAAT_AL})
    eerste = not klant.digitale_adressen.filter(soort=soort).exists()
    if voorkeur:
        klant.digitale_adressen.filter(soort=soort, voorkeur=True).update(voorkeur=False)
    adres = DigitaalAdres.objects.create(
        klant=klant,
        soort=soort,
        waarde=waarde,
        voorkeur=voorkeur or eerste,
        omschrijving=omschrijving,
    )
    _historie(adres, DigitaalAdresWijziging.Actie.TOEGEVOEGD, medewerker, nieuw=waarde)
    _gewijzigd(klant.pk, medewerker, scherm, f"{adres.get_soort_display()} toegevoegd")
    return adres


@transaction.atomic
def digitaal_adres_wijzigen(
    *, adres: DigitaalAdres, waarde: str, medewerker: User | None, scherm: str = "console"
) -> DigitaalAdres:
    nieuw = _normaliseer_adres(adres.soort, waarde)
    if nieuw == adres.waarde:
        return adres
    if DigitaalAdres.objects.filter(
        klant_id=adres.klant_id, soort=adres.soort, waarde=nieuw
    ).exists():
        raise ValidationError({"waarde": ADRES_BESTAAT_AL})
    oud = adres.waarde
    adres.waarde = nieuw
    adres.geverifieerd_op = None  # a new value has not been verified
    adres.save(update_fields=["waarde", "geverifieerd_op"])
    _historie(adres, DigitaalAdresWijziging.Actie.GEWIJZIGD, medewerker, oud=oud, nieuw=nieuw)
    _gewijzigd(adres.klant_id, medewerker, scherm, f"{adres.get_soort_display()} gewijzigd")
    return adres


@transaction.atomic
def digitaal_adres_voorkeur_zetten(
    *, adres: DigitaalAdres, medewerker: User | None, scherm: str = "console"
) -> DigitaalAdres:
    DigitaalAdres.objects.filter(klant_id=adres.klant_id, soort=adres.soort, voorkeur=True).exclude(
        pk=adres.pk
    ).update(voorkeur=False)
    if not adres.voorkeur:
        adres.voorkeur = True
        adres.save(update_fields=["voorkeur"])
        _historie(adres, DigitaalAdresWijziging.Actie.VOORKEUR, medewerker, nieuw=adres.waarde)
        _gewijzigd(adres.klant_id, medewerker, scherm, "Voorkeursadres gewijzigd")
    return adres


@transaction.atomic
def digitaal_adres_verifieren(
    *, adres: DigitaalAdres, medewerker: User | None, scherm: str = "console"
) -> DigitaalAdres:
    adres.geverifieerd_op = timezone.now()
    adres.save(update_fields=["geverifieerd_op"])
    _historie(adres, DigitaalAdresWijziging.Actie.GEVERIFIEERD, medewerker, nieuw=adres.waarde)
    _gewijzigd(adres.klant_id, medewerker, scherm, f"{adres.get_soort_display()} geverifieerd")
    return adres


@transaction.atomic
def digitaal_adres_verwijderen(
    *, adres: DigitaalAdres, medewerker: User | None, scherm: str = "console"
) -> None:
    """Remove an address; if it was preferred, the oldest remaining one becomes preferred."""
    klant_id, soort, was_voorkeur = adres.klant_id, adres.soort, adres.voorkeur
    _historie(adres, DigitaalAdresWijziging.Actie.VERWIJDERD, medewerker, oud=adres.waarde)
    adres.delete()
    if was_voorkeur:
        opvolger = (
            DigitaalAdres.objects.filter(klant_id=klant_id, soort=soort).order_by("id").first()
        )
        if opvolger is not None:
            opvolger.voorkeur = True
            opvolger.save(update_fields=["voorkeur"])
    _gewijzigd(klant_id, medewerker, scherm, "Adres of nummer verwijderd")


@transaction.atomic
def klant_voorkeuren_wijzigen(
    *,
    klant: Klant,
    voorkeurskanaal: str,
    voorkeurstaal: str,
    medewerker: User | None,
    scherm: str = "console",
) -> Klant:
    """Change the preferred channel and language; each changed value is kept in the history
    with its old and new value (like the digital addresses)."""
    nieuw = {
        VoorkeurWijziging.Veld.VOORKEURSKANAAL: voorkeurskanaal,
        VoorkeurWijziging.Veld.VOORKEURSTAAL: voorkeurstaal,
    }
    oud = {veld: getattr(klant, veld) for veld in nieuw}
    for veld, waarde in nieuw.items():
        setattr(klant, veld, waarde)
    klant.full_clean(validate_unique=False, validate_constraints=False)
    wijzigingen = [
        VoorkeurWijziging(
            klant=klant,
            veld=veld,
            oude_waarde=oud[veld],
            nieuwe_waarde=waarde,
            medewerker=medewerker,
        )
        for veld, waarde in nieuw.items()
        if waarde != oud[veld]
    ]
    if not wijzigingen:
        return klant
    klant.save(update_fields=[*nieuw, "gewijzigd_op"])
    VoorkeurWijziging.objects.bulk_create(wijzigingen)
    _gewijzigd(
        klant.pk,
        medewerker,
        scherm,
        "Voorkeuren gewijzigd: "
        + "; ".join(
            f"{w.get_veld_display()} {w.oude_weergave} → {w.nieuwe_weergave}" for w in wijzigingen
        ),
    )
    return klant


@transaction.atomic
def toestemming_vastleggen(
    *,
    klant: Klant,
    soort: str,
    verleend: bool,
    medewerker: User | None,
    derde_partij: str = "",
    bron: str = "",
    toelichting: str = "",
    datum: datetime.datetime | None = None,
    scherm: str = "console",
) -> Toestemming:
    """Append a consent row (given or withdrawn); earlier rows stay as history."""
    if soort not in Toestemming.Soort.values:
        raise ValidationError({"soort": "Kies een soort toestemming uit de lijst."})
    if soort == Toestemming.Soort.GEGEVENS_DELEN and not derde_partij.strip():
        raise ValidationError({"derde_partij": "Vul in met wie de gegevens gedeeld mogen worden."})
    toestemming = Toestemming.objects.create(
        klant=klant,
        soort=soort,
        derde_partij=derde_partij.strip() if soort == Toestemming.Soort.GEGEVENS_DELEN else "",
        verleend=verleend,
        datum=datum or timezone.now(),
        vastgelegd_door=medewerker,
        bron=bron,
        toelichting=toelichting,
    )
    _gewijzigd(
        klant.pk, medewerker, scherm, f"Toestemming {'gegeven' if verleend else 'ingetrokken'}"
    )
    return toestemming


def _identificatie(klant: Klant) -> dict:
    return {
        "id": klant.pk,
        "soort": klant.soort,
        "naam": klant.naam,
        "bsn": klant.bsn,
        "kvk_nummer": klant.kvk_nummer,
        "vestigingsnummer": klant.vestigingsnummer,
        "rsin": klant.rsin,
        "geboortedatum": klant.geboortedatum.isoformat() if klant.geboortedatum else None,
        "adres": klant.adresregel,
    }


# Relations that are history of the record itself, not things the customer "has".
_NIET_VERPLAATSEN = {
    ("audit", "verwerking"),
    ("klanten", "klantsamenvoeging"),
    ("klanten", "klant"),
}
_IDENTIFICATIE_VELDEN = ("bsn", "kvk_nummer", "vestigingsnummer", "rsin")


@transaction.atomic
def klant_samenvoegen(*, behouden: Klant, opheffen: Klant, medewerker: User) -> KlantSamenvoeging:
    """Move everything of a duplicate to the survivor and close the duplicate.

    Contactmomenten, contactverzoeken, consents, address history and whatever other app
    hangs off a Klant move along (found through the model relations, so zaken come too).
    Digital addresses move unless the survivor already has them. Identifiers the
    survivor lacks are taken over; different identifiers mean different customers.
    The duplicate stays as an empty record pointing to the survivor, with its
    Verwerkingen, so the audit trail stays true. Teamleiders only.
    """
    if not medewerker.has_role(roles.TEAMLEIDER):
        raise PermissionDenied(GEEN_TOEGANG)
    if behouden.pk == opheffen.pk:
        raise ValidationError(SAMENVOEGEN_ZELFDE)
    # Lock both rows in a fixed order so two merges cannot interleave.
    locked = {
        k.pk: k
        for k in Klant.objects.select_for_update()
        .filter(pk__in=[behouden.pk, opheffen.pk])
        .order_by("pk")
    }
    behouden, opheffen = locked[behouden.pk], locked[opheffen.pk]
    if behouden.samengevoegd_in_id or opheffen.samengevoegd_in_id:
        raise ValidationError(SAMENVOEGEN_AL_OPGEHEVEN)
    if behouden.soort != opheffen.soort:
        raise ValidationError(SAMENVOEGEN_ANDERE_SOORT)
    for veld in _IDENTIFICATIE_VELDEN:
        a, b = getattr(behouden, veld), getattr(opheffen, veld)
        if a and b and a != b:
            label = Klant._meta.get_field(veld).verbose_name
            raise ValidationError(SAMENVOEGEN_ANDER_NUMMER.format(veld=label))

    snapshot = _identificatie(opheffen)
    verplaatst: dict[str, int] = {}

    # Digital addresses: the survivor's preference wins; duplicates are dropped.
    bestaande = set(behouden.digitale_adressen.values_list("soort", "waarde"))
    met_voorkeur = set(
        behouden.digitale_adressen.filter(voorkeur=True).values_list("soort", flat=True)
    )
    n_adressen = 0
    for adres in list(opheffen.digitale_adressen.all()):
        if (adres.soort, adres.waarde) in bestaande:
            adres.delete()
            continue
        adres.klant = behouden
        if adres.voorkeur and adres.soort in met_voorkeur:
            adres.voorkeur = False
        elif adres.voorkeur:
            met_voorkeur.add(adres.soort)
        adres.save(update_fields=["klant", "voorkeur"])
        DigitaalAdresWijziging.objects.create(
            klant=behouden,
            digitaal_adres=adres,
            soort=adres.soort,
            actie=DigitaalAdresWijziging.Actie.VERPLAATST,
            nieuwe_waarde=adres.waarde,
            medewerker=medewerker,
        )
        n_adressen += 1
    verplaatst["digitale adressen"] = n_adressen

    for relatie in Klant._meta.related_objects:
        model = relatie.related_model
        if (model._meta.app_label, model._meta.model_name) in _NIET_VERPLAATSEN:
            continue
        if model is DigitaalAdres or not relatie.one_to_many:
            continue
        n = model._default_manager.filter(**{relatie.field.name: opheffen}).update(
            **{relatie.field.name: behouden}
        )
        if n:
            verplaatst[str(model._meta.verbose_name_plural)] = n

    # Take over identifiers and registry data the survivor lacks.
    overnemen = {}
    for veld in (
        *_IDENTIFICATIE_VELDEN,
        "geboortedatum",
        "brp_gegevens",
        "brp_opgehaald_op",
        "kvk_gegevens",
        "kvk_opgehaald_op",
        "voorkeurskanaal",
    ):
        if not getattr(behouden, veld) and getattr(opheffen, veld):
            overnemen[veld] = getattr(opheffen, veld)
    if overnemen.get("brp_gegevens") and not behouden.brp_gegevens:
        for veld in (
            "voornamen",
            "voorvoegsel",
            "geslachtsnaam",
            "straat",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "postcode",
            "woonplaats",
            "geheimhouding",
        ):
            overnemen[veld] = getattr(opheffen, veld)

    for veld in _IDENTIFICATIE_VELDEN:
        setattr(opheffen, veld, "")
    opheffen.samengevoegd_in = behouden
    opheffen.save(update_fields=[*_IDENTIFICATIE_VELDEN, "samengevoegd_in", "gewijzigd_op"])
    if overnemen:
        for veld, waarde in overnemen.items():
            setattr(behouden, veld, waarde)
        behouden.zoeknaam = klant_zoeknaam(klant=behouden)
        behouden.save(update_fields=[*overnemen, "zoeknaam", "gewijzigd_op"])

    samenvoeging = KlantSamenvoeging.objects.create(
        behouden=behouden,
        opgeheven=opheffen,
        medewerker=medewerker,
        opgeheven_gegevens=snapshot,
        verplaatst=verplaatst,
    )
    verwerking_vastleggen(
        klant_ids=[behouden.pk, opheffen.pk],
        medewerker=medewerker,
        actie=Verwerking.Actie.SAMENGEVOEGD,
        scherm="console/samenvoegen",
        toelichting=f"Klant {opheffen.pk} samengevoegd in klant {behouden.pk}",
    )
    return samenvoeging


def klant_aanmaken(*, medewerker: User | None, scherm: str = "console", **velden) -> Klant:
    """Create a Klant from data typed in (no registry), e.g. a person without BSN."""
    klant = Klant(**velden)
    for veld, normaliseer in (
        ("bsn", validators.normaliseer_bsn),
        ("postcode", validators.normaliseer_postcode),
    ):
        if getattr(klant, veld):
            try:
                setattr(klant, veld, normaliseer(getattr(klant, veld)))
            except ValidationError as exc:
                raise ValidationError({veld: exc.messages}) from None
    klant.zoeknaam = klant_zoeknaam(klant=klant)
    klant.full_clean()
    with transaction.atomic():
        klant.save()
        verwerking_vastleggen(
            klant_ids=[klant.pk],
            medewerker=medewerker,
            actie=Verwerking.Actie.AANGEMAAKT,
            scherm=scherm,
        )
    return klant
