"""Every portal page does the same number of queries however much the citizen has."""

import io

import pytest

from kanalen.inbox import chat, webformulier
from kanalen.inbox.services import antwoord_versturen, bericht_claimen
from kcc.accounts import roles
from kcc.audit.services import verwerking_vastleggen
from klanten.services import digitaal_adres_toevoegen, toestemming_vastleggen
from tests.factories import AfdelingFactory, UserFactory
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.portaal.factories import verhuizen_aanvragen
from tests.queries import assert_constant_queries
from zaken.models import Aanvraag, Zaak
from zaken.services.aanvragen import aanvraag_concept_opslaan
from zaken.services.zaken import zaak_claim, zaak_informatie_vragen, zaak_status_zetten


@pytest.fixture
def bo(roles_ready, catalogus):
    return UserFactory(
        username="bo-q", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[catalogus["parkeren"]]
    )


def _zaak_met_voortgang(klant, catalogus, bo):
    """A Verhuizen with a status change and an open question on its parkeervergunning."""
    aanvraag = verhuizen_aanvragen(klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    zaak_status_zetten(
        zaak=deel,
        statustype=catalogus["parkeervergunning"].statustypen.get(volgnummer=2),
        medewerker=bo,
    )
    zaak_informatie_vragen(zaak=deel, vraag="Stuur uw kentekenbewijs.", medewerker=bo)
    return aanvraag


def _bericht_met_antwoord(klant, kim):
    bericht = webformulier.vraag_stellen(
        naam="Jan", email="jan@example.nl", onderwerp="Afval", vraag="Wanneer?", klant=klant
    )
    bericht_claimen(bericht=bericht, medewerker=kim)
    antwoord_versturen(bericht=bericht, medewerker=kim, tekst="Maandag.", kanaal_code="post")
    item = chat.chat_starten(naam="Jan", vraag="Open?", klant=klant)
    chat.chat_bericht_burger(item=item, tekst="Ook zaterdag?")


def test_mijn_overzicht(jan_client, jan, catalogus, bo, kim_kcc):
    def groei():
        _zaak_met_voortgang(jan.klant, catalogus, bo)
        vragen = [("Vraag", "Antwoord", None, None), ("Nog een vraag", "", None, None)]
        ContactmomentFactory(klant=jan.klant, vragen=vragen)
        ContactverzoekFactory(contactmoment__klant=jan.klant, afdeling=catalogus["parkeren"])
        _bericht_met_antwoord(jan.klant, kim_kcc)

    groei()
    assert_constant_queries(lambda: jan_client.get("/mijn/"), groei, label="mijn overzicht")


def test_zaak_detail(jan_client, jan, catalogus, bo):
    hoofd = _zaak_met_voortgang(jan.klant, catalogus, bo).nieuwe_zaken[0]
    deel = Zaak.objects.get(hoofdzaak=hoofd, product=catalogus["parkeervergunning"])

    def groei():
        zaak_status_zetten(
            zaak=deel,
            statustype=catalogus["parkeervergunning"].statustypen.get(volgnummer=1),
            medewerker=bo,
        )
        _zaak_met_voortgang(jan.klant, catalogus, bo)

    for url in (f"/mijn/zaken/{hoofd.identificatie}/", f"/mijn/zaken/{deel.identificatie}/"):
        assert_constant_queries(lambda url=url: jan_client.get(url), groei, label=url)


def test_informatieverzoek(jan_client, jan, catalogus, bo):
    aanvraag = _zaak_met_voortgang(jan.klant, catalogus, bo)
    verzoek = Zaak.objects.get(
        aanvraag=aanvraag, product=catalogus["parkeervergunning"]
    ).informatieverzoeken.get()
    url = f"/mijn/informatieverzoeken/{verzoek.pk}/"
    assert_constant_queries(
        lambda: jan_client.get(url),
        lambda: _zaak_met_voortgang(jan.klant, catalogus, bo),
        label="informatieverzoek",
    )


def test_aanvragen_keuze_intake_concept_en_ontvangen(jan_client, jan, catalogus):
    def concept():
        return aanvraag_concept_opslaan(
            klant=jan.klant, product=catalogus["verhuizing"], antwoorden={}, kanaal="webformulier"
        )

    concept()
    assert_constant_queries(lambda: jan_client.get("/mijn/aanvragen/"), concept, label="keuze")
    assert_constant_queries(
        lambda: jan_client.get("/mijn/aanvragen/levensgebeurtenis/verhuizen/"),
        concept,
        label="intake",
    )

    bewaard = concept()
    url = f"/mijn/aanvragen/concept/{bewaard.pk}/"

    def bijlage():
        pdf = io.BytesIO(b"%PDF-1.4 x")
        pdf.name = "x.pdf"
        jan_client.post(url, {"bijlagen": [pdf], "actie": "concept"})

    bijlage()
    assert_constant_queries(lambda: jan_client.get(url), bijlage, label="concept")
    assert bewaard.concept_bijlagen.count() == 2

    aanvraag = verhuizen_aanvragen(jan.klant, catalogus)
    url = f"/mijn/aanvragen/{aanvraag.pk}/ontvangen/"
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    assert_constant_queries(
        lambda: jan_client.get(url),
        lambda: verhuizen_aanvragen(jan.klant, catalogus),
        label="ontvangen",
    )


def test_gegevens(jan_client, jan, correctie):
    teller = iter(range(10, 99))

    def groei():
        n = next(teller)
        digitaal_adres_toevoegen(
            klant=jan.klant, soort="email", waarde=f"jan{n}@example.nl", medewerker=jan
        )
        digitaal_adres_toevoegen(
            klant=jan.klant, soort="telefoon", waarde=f"+316123456{n}", medewerker=jan
        )
        for verleend in (True, False):
            toestemming_vastleggen(
                klant=jan.klant,
                soort="digitale_post",
                verleend=verleend,
                medewerker=jan,
                bron="portaal",
            )

    groei()
    assert_constant_queries(lambda: jan_client.get("/mijn/gegevens/"), groei, label="gegevens")


def test_inzage(jan_client, jan, roles_ready, gemeente):
    def groei():
        afdeling = AfdelingFactory(organisatie=gemeente)
        medewerker = UserFactory(
            rol=roles.KCC_MEDEWERKER, functie="Klantadviseur", afdelingen=[afdeling]
        )
        verwerking_vastleggen(
            klant_ids=[jan.klant.pk], medewerker=medewerker, actie="gelezen", scherm="console"
        )

    groei()
    assert_constant_queries(lambda: jan_client.get("/mijn/gegevens/inzage/"), groei, label="inzage")


def test_berichten(jan_client, jan, kim_kcc):
    _bericht_met_antwoord(jan.klant, kim_kcc)
    assert_constant_queries(
        lambda: jan_client.get("/mijn/berichten/"),
        lambda: _bericht_met_antwoord(jan.klant, kim_kcc),
        label="berichten",
    )
