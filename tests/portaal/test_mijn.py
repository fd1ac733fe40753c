"""Mijn overzicht, zaak detail, answering an informatieverzoek, aanvragen: own data only."""

import io

import pytest

from kcc.audit.models import Verwerking
from kcc.portaal.intake import PREFIX
from tests.factories import UserFactory
from tests.portaal.factories import verhuizen_aanvragen
from zaken.errors import FOUT_DOCUMENT_TYPE, FOUT_VERPLICHT
from zaken.models import Aanvraag, Informatieverzoek, Zaak
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.zaken import zaak_claim, zaak_informatie_vragen, zaak_status_zetten


@pytest.fixture
def bo(roles_ready, catalogus):
    from kcc.accounts import roles

    return UserFactory(
        username="bo-parkeren",
        rol=roles.BACKOFFICE_MEDEWERKER,
        afdelingen=[catalogus["parkeren"]],
        functie="Vergunningverlener",
    )


def test_overzicht_shows_hoofdzaak_with_deelzaken_in_public_words(jan_client, jan, catalogus, bo):
    aanvraag = verhuizen_aanvragen(jan.klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    zaak_status_zetten(
        zaak=deel,
        statustype=catalogus["parkeervergunning"].statustypen.get(volgnummer=2),
        medewerker=bo,
        toelichting="interne opmerking: buurman klaagt",
    )
    page = jan_client.get("/mijn/").content.decode()
    assert "Verhuizen" in page and "Parkeervergunning" in page
    assert "0 van 2 onderdelen afgerond" in page
    assert "Wij controleren uw gegevens" in page
    assert "Intern" not in page and "buurman" not in page
    hoofd = aanvraag.nieuwe_zaken[0]
    detail = jan_client.get(f"/mijn/zaken/{hoofd.identificatie}/").content.decode()
    assert deel.identificatie in detail and "buurman" not in detail
    assert Verwerking.objects.filter(klant=jan.klant, medewerker=jan, actie="gelezen").exists()


def test_other_citizen_gets_404(client, jan, maria, catalogus, bo):
    aanvraag = verhuizen_aanvragen(jan.klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    verzoek = zaak_informatie_vragen(zaak=deel, vraag="Stuur uw kentekenbewijs.", medewerker=bo)
    concept = Aanvraag.objects.create(
        klant=jan.klant, product=catalogus["verhuizing"], kanaal="webformulier"
    )
    client.force_login(maria)
    for url in (
        f"/mijn/zaken/{aanvraag.nieuwe_zaken[0].identificatie}/",
        f"/mijn/zaken/{deel.identificatie}/",
        f"/mijn/informatieverzoeken/{verzoek.pk}/",
        f"/mijn/aanvragen/concept/{concept.pk}/",
        f"/mijn/aanvragen/{aanvraag.pk}/ontvangen/",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/mijn/informatieverzoeken/{verzoek.pk}/", {"antwoord": "x"}).status_code
        == 404
    )
    assert "Stuur uw kentekenbewijs" not in client.get("/mijn/").content.decode()


def test_citizen_answers_informatieverzoek(jan_client, jan, catalogus, bo):
    aanvraag = verhuizen_aanvragen(jan.klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    verzoek = zaak_informatie_vragen(zaak=deel, vraag="Stuur uw kentekenbewijs.", medewerker=bo)
    assert "Stuur uw kentekenbewijs" in jan_client.get("/mijn/").content.decode()
    response = jan_client.post(f"/mijn/informatieverzoeken/{verzoek.pk}/", {"antwoord": ""})
    assert response.status_code == 400
    response = jan_client.post(
        f"/mijn/informatieverzoeken/{verzoek.pk}/", {"antwoord": "Kenteken AB-123-C"}
    )
    assert response.status_code == 302
    verzoek = Informatieverzoek.objects.get(pk=verzoek.pk)
    assert (
        verzoek.antwoord == "Kenteken AB-123-C" and verzoek.beantwoord_via == "de klant (portaal)"
    )
    deel.refresh_from_db()
    assert deel.opgeschort_sinds is None


def test_aanvraag_verhuizen_through_portal(jan_client, jan, catalogus):
    page = jan_client.get("/mijn/aanvragen/levensgebeurtenis/verhuizen/").content.decode()
    assert "Heeft u een auto?" in page
    assert "Zo ja, dan vragen wij ook &#x27;Parkeervergunning&#x27; voor u aan." in page
    assert "Dit weten wij al" in page and "14-3-1968" in page
    assert f'name="{PREFIX}geboortedatum"' not in page
    response = jan_client.post(
        "/mijn/aanvragen/levensgebeurtenis/verhuizen/",
        {f"{PREFIX}heeft_auto": "ja", f"{PREFIX}nieuw_adres": "Kerkplein 3", "actie": "indienen"},
    )
    assert response.status_code == 400
    assert FOUT_VERPLICHT in response.content.decode()
    # Save as concept, then finish later.
    jan_client.post(
        "/mijn/aanvragen/levensgebeurtenis/verhuizen/",
        {f"{PREFIX}heeft_auto": "ja", f"{PREFIX}nieuw_adres": "Kerkplein 3", "actie": "concept"},
    )
    concept = Aanvraag.objects.get(klant=jan.klant, status=Aanvraag.Status.CONCEPT)
    page = jan_client.get(f"/mijn/aanvragen/concept/{concept.pk}/").content.decode()
    assert "Kerkplein 3" in page
    pdf = io.BytesIO(b"%PDF-1.4 test")
    pdf.name = "kenteken.pdf"
    response = jan_client.post(
        f"/mijn/aanvragen/concept/{concept.pk}/",
        {
            f"{PREFIX}heeft_auto": "ja",
            f"{PREFIX}nieuw_adres": "Kerkplein 3",
            f"{PREFIX}verhuisdatum": "2026-04-01",
            f"{PREFIX}kenteken": "AB-123-C",
            "bijlagen": [pdf],
            "actie": "indienen",
        },
    )
    assert response.status_code == 302, response.content.decode()
    concept.refresh_from_db()
    assert concept.status == Aanvraag.Status.INGEDIEND
    zaken = list(concept.zaken.all())
    assert len(zaken) == 3
    page = jan_client.get(response["Location"]).content.decode()
    for zaak in zaken:
        assert zaak.identificatie in page
    assert sum(z.documenten.count() for z in zaken) == 1


def test_upload_checked_by_content(jan_client, jan, catalogus):
    nep = io.BytesIO(b"MZ\x90\x00 dit is geen pdf")
    nep.name = "virus.pdf"
    response = jan_client.post(
        "/mijn/aanvragen/product/verhuizing-doorgeven/",
        {
            f"{PREFIX}nieuw_adres": "Kerkplein 3",
            f"{PREFIX}verhuisdatum": "2026-04-01",
            "bijlagen": [nep],
            "actie": "indienen",
        },
    )
    assert response.status_code == 400
    assert FOUT_DOCUMENT_TYPE in response.content.decode()
    assert not Zaak.objects.exists()


def test_zaak_page_shows_aanspreekpunt_by_first_name_function_and_afdeling(
    jan_client, jan, catalogus, roles_ready
):
    from kcc.accounts import roles

    kim = UserFactory(
        username="kim-a",
        first_name="Kim",
        last_name="Geheimnaam",
        functie="Klantadviseur",
        rol=roles.KCC_MEDEWERKER,
    )
    catalogus["gemeente"].telefoonnummer = "14 000"
    catalogus["gemeente"].save()
    aanvraag = aanvraag_indienen(
        klant=jan.klant,
        levensgebeurtenis=catalogus["verhuizen"],
        antwoorden={
            "heeft_auto": "nee",
            "nieuw_adres": "Kerkplein 3",
            "verhuisdatum": "2026-04-01",
        },
        kanaal="balie",
        medewerker=kim,
    )
    hoofd, deel = aanvraag.nieuwe_zaken
    assert hoofd.aanspreekpunt == kim
    for zaak in (hoofd, deel):
        page = jan_client.get(f"/mijn/zaken/{zaak.identificatie}/").content.decode()
        assert "Uw aanspreekpunt" in page
        assert "<strong>Kim, Klantadviseur</strong> bij Klantcontactcentrum" in page
        assert "Geheimnaam" not in page
        assert f"noem uw kenmerk {hoofd.identificatie}" in page and "Bel 14 000" in page
    kim.first_name = ""
    kim.save()
    page = jan_client.get(f"/mijn/zaken/{hoofd.identificatie}/").content.decode()
    assert "<strong>Klantadviseur</strong>" in page and "Geheimnaam" not in page


def test_zaak_without_aanspreekpunt_shows_none(jan_client, jan, catalogus):
    hoofd = verhuizen_aanvragen(jan.klant, catalogus).nieuwe_zaken[0]
    assert hoofd.aanspreekpunt is None
    page = jan_client.get(f"/mijn/zaken/{hoofd.identificatie}/").content.decode()
    assert "Uw aanspreekpunt" not in page
