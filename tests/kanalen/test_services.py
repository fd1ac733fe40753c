import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kanalen import services
from kanalen.models import Contactmoment, Contactverzoek
from kanalen.services import ContactverzoekInvoer, VraagInvoer
from kcc.audit.models import Verwerking
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory
from tests.productcatalogus.factories import ProductFactory, VACFactory

pytestmark = pytest.mark.django_db


def _registreer(kim, kanalen, **kwargs):
    args = {
        "medewerker": kim,
        "kanaal": kanalen["telefoon"],
        "vragen": [VraagInvoer(vraag="Vraag", antwoord="Antwoord")],
        "resultaat": "beantwoord",
        "gestart_op": timezone.now() - datetime.timedelta(seconds=90),
    }
    args.update(kwargs)
    return services.contactmoment_registreren(**args)


def test_duur_door_server_berekend_en_verwerking(kim_kcc, kanalen):
    klant = KlantFactory()
    cm = _registreer(kim_kcc, kanalen, klant=klant)
    assert 89 <= cm.duur_seconden <= 100
    assert cm.vragen.count() == 1
    assert Verwerking.objects.filter(klant=klant, actie="gewijzigd").exists()


def test_meerdere_vragen_en_kennisbank_vult_aan(kim_kcc, kanalen):
    product = ProductFactory()
    vac = VACFactory(
        vraag="Hoe vraag ik een paspoort aan?",
        antwoord="<p>Maak een <b>afspraak</b>.</p>",
        producten=[product],
    )
    cm = _registreer(
        kim_kcc,
        kanalen,
        klant=KlantFactory(),
        vragen=[
            VraagInvoer(vraag="", vac_id=vac.pk),
            VraagInvoer(vraag="Tweede vraag", antwoord="Tweede antwoord"),
        ],
    )
    eerste, tweede = cm.vragen.all()
    assert (eerste.vraag, eerste.antwoord, eerste.product) == (
        "Hoe vraag ik een paspoort aan?",
        "Maak een afspraak.",
        product,
    )
    assert tweede.volgnummer == 2


@pytest.mark.parametrize(
    ("kwargs", "veld", "melding"),
    [
        ({"vragen": []}, "vraag", services.GEEN_VRAAG),
        ({"vragen": [VraagInvoer(vraag="x")]}, "antwoord", services.ANTWOORD_NODIG),
        ({"resultaat": "doorverwezen"}, "doorverwezen_naar", services.DOORVERWEZEN_NODIG),
        (
            {"resultaat": "contactverzoek", "contactverzoek": ContactverzoekInvoer()},
            "afdeling",
            services.CONTACTVERZOEK_NODIG,
        ),
        (
            {"gestart_op": timezone.now() + datetime.timedelta(hours=1)},
            "gestart_op",
            services.START_ONGELDIG,
        ),
    ],
)
def test_weigert_onvolledig_contact(kim_kcc, kanalen, kwargs, veld, melding):
    with pytest.raises(ValidationError) as exc:
        _registreer(kim_kcc, kanalen, **kwargs)
    assert melding in exc.value.message_dict[veld]
    assert not Contactmoment.objects.exists()


def test_contactverzoek_in_dezelfde_transactie(kim_kcc, kanalen, afdeling_burgerzaken):
    klant = KlantFactory()
    DigitaalAdresFactory(klant=klant, waarde="+31612345678")
    cm = _registreer(
        kim_kcc,
        kanalen,
        klant=klant,
        resultaat="contactverzoek",
        contactverzoek=ContactverzoekInvoer(
            afdeling_id=afdeling_burgerzaken.pk, bereikbaar="ochtend"
        ),
    )
    cv = Contactverzoek.objects.get()
    assert (cv.contactmoment, cv.klant, cv.afdeling, cv.telefoonnummer) == (
        cm,
        klant,
        afdeling_burgerzaken,
        "+31612345678",
    )
    assert cv.deadline > cm.beeindigd_op and cv.deadline.weekday() < 5


def test_contactverzoek_zonder_bereikbaarheid_slaat_niets_op(
    kim_kcc, kanalen, afdeling_burgerzaken
):
    with pytest.raises(ValidationError) as exc:
        _registreer(
            kim_kcc,
            kanalen,
            klant=KlantFactory(),
            resultaat="contactverzoek",
            contactverzoek=ContactverzoekInvoer(afdeling_id=afdeling_burgerzaken.pk),
        )
    assert exc.value.message_dict["telefoonnummer"] == [services.BEREIKBAAR_NODIG]
    assert not Contactmoment.objects.exists() and not Contactverzoek.objects.exists()


def test_vervolg_moet_bij_zelfde_klant_horen(kim_kcc, kanalen):
    eerder = _registreer(kim_kcc, kanalen, klant=KlantFactory())
    with pytest.raises(ValidationError) as exc:
        _registreer(kim_kcc, kanalen, klant=KlantFactory(), vorig_contactmoment=eerder)
    assert exc.value.message_dict["vorig_contactmoment"] == [services.VORIG_ANDERE_KLANT]


def test_anoniem_contact(kim_kcc, kanalen):
    cm = _registreer(kim_kcc, kanalen, anoniem_naam="Onbekend", anoniem_telefoon="06 12345678")
    assert cm.is_anoniem and cm.anoniem_telefoon == "+31612345678"


def test_pogingen_en_afhandelen(
    kim_kcc, bo_burgerzaken, vera_vergunningen, kanalen, afdeling_burgerzaken
):
    klant = KlantFactory()
    cm = _registreer(
        kim_kcc,
        kanalen,
        klant=klant,
        resultaat="contactverzoek",
        contactverzoek=ContactverzoekInvoer(
            afdeling_id=afdeling_burgerzaken.pk, telefoonnummer="0612345678"
        ),
    )
    cv = Contactverzoek.objects.get()
    services.contactverzoek_poging_registreren(
        contactverzoek=cv, medewerker=bo_burgerzaken, uitkomst="niet_bereikt"
    )
    assert cv.status == "in_behandeling"
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.contactverzoek_poging_registreren(
            contactverzoek=cv, medewerker=vera_vergunningen, uitkomst="bereikt"
        )
    services.contactverzoek_afhandelen(
        contactverzoek=cv, medewerker=bo_burgerzaken, antwoord="Uitgelegd."
    )
    assert cv.status == "afgehandeld"
    uitgaand = cv.afhandeling
    assert (uitgaand.richting, uitgaand.klant, uitgaand.vorig_contactmoment) == (
        "uitgaand",
        klant,
        cm,
    )
    with pytest.raises(ValidationError, match=services.AL_AFGEHANDELD):
        services.contactverzoek_afhandelen(
            contactverzoek=cv, medewerker=bo_burgerzaken, antwoord="Nog eens"
        )
