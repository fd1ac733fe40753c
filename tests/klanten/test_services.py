import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kcc.audit.models import Verwerking
from klanten import services, validators
from klanten.models import DigitaalAdres, DigitaalAdresWijziging, Klant, KlantSamenvoeging
from klanten.selectors import toestemmingen_actueel
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.factories import VRIJE_BSNS, DigitaalAdresFactory, KlantFactory

pytestmark = pytest.mark.django_db


def test_telefoon_wordt_e164_en_eerste_is_voorkeur(kim_kcc):
    klant = KlantFactory()
    adres = services.digitaal_adres_toevoegen(
        klant=klant, soort="telefoon", waarde="06-12345678", medewerker=kim_kcc
    )
    assert (adres.waarde, adres.voorkeur) == ("+31612345678", True)
    tweede = services.digitaal_adres_toevoegen(
        klant=klant, soort="telefoon", waarde="020 123 4567", medewerker=kim_kcc
    )
    assert tweede.voorkeur is False
    assert DigitaalAdresWijziging.objects.filter(klant=klant, actie="toegevoegd").count() == 2
    assert (
        Verwerking.objects.filter(klant=klant, actie="gewijzigd", medewerker=kim_kcc).count() == 2
    )


def test_ongeldig_nummer_en_dubbel_adres_geweigerd(kim_kcc):
    klant = KlantFactory()
    with pytest.raises(ValidationError) as exc:
        services.digitaal_adres_toevoegen(
            klant=klant, soort="telefoon", waarde="12345", medewerker=kim_kcc
        )
    assert exc.value.message_dict["waarde"] == [validators.TELEFOON_ONGELDIG]
    services.digitaal_adres_toevoegen(
        klant=klant, soort="email", waarde="a@voorbeeld.nl", medewerker=kim_kcc
    )
    with pytest.raises(ValidationError) as exc:
        services.digitaal_adres_toevoegen(
            klant=klant, soort="email", waarde="a@VOORBEELD.nl", medewerker=kim_kcc
        )
    assert exc.value.message_dict["waarde"] == [services.ADRES_BESTAAT_AL]


def test_een_voorkeur_per_soort(kim_kcc):
    klant = KlantFactory()
    eerste = DigitaalAdresFactory(klant=klant)
    tweede = DigitaalAdresFactory(klant=klant, voorkeur=False)
    services.digitaal_adres_voorkeur_zetten(adres=tweede, medewerker=kim_kcc)
    eerste.refresh_from_db()
    assert (eerste.voorkeur, DigitaalAdres.objects.get(pk=tweede.pk).voorkeur) == (False, True)


def test_wijzigen_bewaart_historie_en_reset_verificatie(kim_kcc):
    adres = DigitaalAdresFactory()
    services.digitaal_adres_verifieren(adres=adres, medewerker=kim_kcc)
    services.digitaal_adres_wijzigen(adres=adres, waarde="0687654321", medewerker=kim_kcc)
    adres.refresh_from_db()
    assert (adres.waarde, adres.geverifieerd_op) == ("+31687654321", None)
    wijziging = DigitaalAdresWijziging.objects.get(actie="gewijzigd")
    assert wijziging.nieuwe_waarde == "+31687654321" and wijziging.oude_waarde.startswith("+316")


def test_verwijderen_voorkeur_gaat_naar_volgende(kim_kcc):
    klant = KlantFactory()
    eerste = DigitaalAdresFactory(klant=klant)
    tweede = DigitaalAdresFactory(klant=klant, voorkeur=False)
    services.digitaal_adres_verwijderen(adres=eerste, medewerker=kim_kcc)
    assert DigitaalAdres.objects.get(pk=tweede.pk).voorkeur is True


def test_toestemming_is_append_only_met_historie(kim_kcc):
    klant = KlantFactory()
    services.toestemming_vastleggen(
        klant=klant,
        soort="gegevens_delen_met",
        derde_partij="SVB",
        verleend=True,
        medewerker=kim_kcc,
    )
    services.toestemming_vastleggen(
        klant=klant,
        soort="gegevens_delen_met",
        derde_partij="SVB",
        verleend=False,
        medewerker=kim_kcc,
    )
    actueel = toestemmingen_actueel(klant=klant)
    assert [(t.derde_partij, t.verleend) for t in actueel] == [("SVB", False)]
    assert klant.toestemmingen.count() == 2
    with pytest.raises(ValidationError):
        services.toestemming_vastleggen(
            klant=klant, soort="gegevens_delen_met", verleend=True, medewerker=kim_kcc
        )


def test_bsn_uniek_wanneer_gevuld():
    KlantFactory(bsn=VRIJE_BSNS[0])
    KlantFactory(bsn="")
    KlantFactory(bsn="")
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        KlantFactory(bsn=VRIJE_BSNS[0])


def test_samenvoegen_verplaatst_alles(tom_teamleider):
    behouden = KlantFactory(bsn="")
    opheffen = KlantFactory(bsn=VRIJE_BSNS[1])
    DigitaalAdresFactory(klant=behouden, waarde="+31611111111")
    DigitaalAdresFactory(klant=opheffen, waarde="+31611111111")  # same number: dropped
    DigitaalAdresFactory(klant=opheffen, soort="email", waarde="x@voorbeeld.nl")
    cm = ContactmomentFactory(klant=opheffen)
    cv = ContactverzoekFactory(
        klant=opheffen, contactmoment=cm, afdeling=None, behandelaar=tom_teamleider
    )
    samenvoeging = services.klant_samenvoegen(
        behouden=behouden, opheffen=opheffen, medewerker=tom_teamleider
    )

    behouden.refresh_from_db()
    opheffen.refresh_from_db()
    assert behouden.bsn == VRIJE_BSNS[1] and opheffen.bsn == ""
    assert opheffen.samengevoegd_in == behouden
    assert sorted(behouden.digitale_adressen.values_list("waarde", flat=True)) == [
        "+31611111111",
        "x@voorbeeld.nl",
    ]
    cm.refresh_from_db()
    cv.refresh_from_db()
    assert cm.klant == behouden and cv.klant == behouden
    assert samenvoeging.opgeheven_gegevens["bsn"] == VRIJE_BSNS[1]
    assert KlantSamenvoeging.objects.count() == 1
    assert Verwerking.objects.filter(actie="samengevoegd").count() == 2


def test_samenvoegen_weigert(tom_teamleider, kim_kcc):
    a, b = KlantFactory(bsn=VRIJE_BSNS[2]), KlantFactory(bsn=VRIJE_BSNS[3])
    with pytest.raises(PermissionDenied):
        services.klant_samenvoegen(behouden=a, opheffen=b, medewerker=kim_kcc)
    with pytest.raises(ValidationError, match="verschillend BSN"):
        services.klant_samenvoegen(behouden=a, opheffen=b, medewerker=tom_teamleider)
    with pytest.raises(ValidationError, match=services.SAMENVOEGEN_ZELFDE):
        services.klant_samenvoegen(behouden=a, opheffen=a, medewerker=tom_teamleider)
    with pytest.raises(ValidationError, match=services.SAMENVOEGEN_ANDERE_SOORT):
        services.klant_samenvoegen(
            behouden=a, opheffen=KlantFactory(organisatie=True), medewerker=tom_teamleider
        )
    assert not Klant.objects.filter(samengevoegd_in__isnull=False).exists()
