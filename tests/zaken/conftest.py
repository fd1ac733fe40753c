"""A small federation with the Verhuizen life event, as the zaken tests need it."""

import pytest

from kcc.accounts import roles
from productcatalogus.models import Organisatie
from tests.factories import AfdelingFactory, OrganisatieFactory, UserFactory
from tests.productcatalogus.factories import (
    ComponentFactory,
    LevensgebeurtenisFactory,
    ProductFactory,
    StatustypeFactory,
)
from tests.zaken.factories import DigitaalAdresFactory, KlantFactory
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.koppelingen import externe_koppeling_instellen

EXTERN_TOKEN = "token-van-de-belastingdienst-voor-tests"
EXTERN_SECRET = "geheim-van-de-belastingdienst"
WEBHOOK_URL = "http://127.0.0.1:9/webhook"

INTAKE_VERHUIZING = [
    {
        "code": "naam",
        "vraag": "Wat is uw naam?",
        "type": "tekst",
        "verplicht": True,
        "brp_veld": "naam.volledigeNaam",
    },
    {
        "code": "verhuisdatum",
        "vraag": "Op welke datum verhuist u?",
        "type": "datum",
        "verplicht": True,
    },
    {
        "code": "nieuwe_postcode",
        "vraag": "Wat is de postcode van uw nieuwe adres?",
        "type": "tekst",
        "verplicht": True,
    },
    {"code": "aantal_personen", "vraag": "Met hoeveel personen verhuist u?", "type": "getal"},
]
INTAKE_PARKEREN = [
    {"code": "kenteken", "vraag": "Wat is het kenteken?", "type": "tekst", "verplicht": True},
    {
        "code": "soort_vergunning",
        "vraag": "Welke vergunning?",
        "type": "keuze",
        "keuzes": ["bewoner", "bezoeker"],
        "verplicht": True,
    },
]


@pytest.fixture
def afdeling_kcc(gemeente):
    return AfdelingFactory(organisatie=gemeente, code="kcc", naam="Klantcontactcentrum")


@pytest.fixture
def belastingdienst(db):
    org = OrganisatieFactory(
        code="belastingdienst",
        naam="Belastingdienst",
        integratie_modus=Organisatie.IntegratieModus.EXTERN,
        webhook_url=WEBHOOK_URL,
    )
    externe_koppeling_instellen(organisatie=org, token=EXTERN_TOKEN, webhook_secret=EXTERN_SECRET)
    return org


@pytest.fixture
def afdeling_toeslagen(belastingdienst):
    return AfdelingFactory(organisatie=belastingdienst, code="toeslagen", naam="Toeslagen")


@pytest.fixture
def verhuizing(afdeling_burgerzaken):
    product = ProductFactory(
        naam="Verhuizing doorgeven",
        slug="verhuizing-doorgeven",
        afdeling=afdeling_burgerzaken,
        servicenorm_werkdagen=5,
        doorlooptijd_werkdagen=20,
        intake=INTAKE_VERHUIZING,
        opschorting_toegestaan=True,
    )
    StatustypeFactory(product=product, volgnummer=1, naam="Ontvangen")
    StatustypeFactory(
        product=product,
        volgnummer=2,
        naam="In behandeling",
        publieke_tekst="Wij behandelen uw verhuizing.",
        informeren=True,
    )
    StatustypeFactory(
        product=product,
        volgnummer=3,
        naam="Verwerkt",
        publieke_tekst="Uw nieuwe adres staat in de BRP.",
        informeren=True,
        is_eindstatus=True,
    )
    return product


@pytest.fixture
def parkeervergunning(afdeling_vergunningen):
    product = ProductFactory(
        naam="Parkeervergunning",
        slug="parkeervergunning",
        afdeling=afdeling_vergunningen,
        servicenorm_werkdagen=10,
        doorlooptijd_werkdagen=40,
        intake=INTAKE_PARKEREN,
        verlenging_toegestaan=True,
        opschorting_toegestaan=False,
    )
    StatustypeFactory(product=product, volgnummer=1, naam="Ontvangen")
    return product


@pytest.fixture
def toeslagen(afdeling_toeslagen):
    product = ProductFactory(
        naam="Wijziging toeslagen",
        slug="wijziging-toeslagen",
        afdeling=afdeling_toeslagen,
        servicenorm_werkdagen=15,
    )
    StatustypeFactory(product=product, volgnummer=1, naam="Ontvangen")
    StatustypeFactory(
        product=product, volgnummer=2, naam="Verwerkt", is_eindstatus=True, informeren=False
    )
    return product


@pytest.fixture
def verhuizen(afdeling_kcc, verhuizing, parkeervergunning, toeslagen):
    lg = LevensgebeurtenisFactory(naam="Verhuizen", slug="verhuizen")
    ComponentFactory(levensgebeurtenis=lg, product=verhuizing, volgorde=1)
    ComponentFactory(
        levensgebeurtenis=lg,
        product=parkeervergunning,
        volgorde=2,
        voorwaarde_vraag="Heeft u een auto?",
        voorwaarde_code="heeft_auto",
    )
    ComponentFactory(
        levensgebeurtenis=lg,
        product=toeslagen,
        volgorde=3,
        voorwaarde_vraag="Krijgt u toeslagen?",
        voorwaarde_code="heeft_toeslagen",
    )
    return lg


@pytest.fixture
def klant(db):
    klant = KlantFactory(voornamen="Jan", geslachtsnaam="Jansen")
    DigitaalAdresFactory(klant=klant, waarde="jan@example.nl")
    return klant


@pytest.fixture
def antwoorden_verhuizen():
    return {
        "verhuisdatum": "2026-12-15",
        "nieuwe_postcode": "1234 CD",
        "heeft_auto": "ja",
        "heeft_toeslagen": "ja",
        "kenteken": "AB-123-C",
        "soort_vergunning": "bewoner",
    }


@pytest.fixture
def bas_belastingen(roles_ready, afdeling_toeslagen):
    return UserFactory(
        username="bas", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_toeslagen]
    )


@pytest.fixture
def hoofdzaak(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    """The hoofdzaak of 'Verhuizen' that Kim submitted (three deelzaken)."""
    aanvraag = aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden_verhuizen,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    return aanvraag.nieuwe_zaken[0]
