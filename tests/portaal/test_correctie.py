"""Mijn gegevens: a correction request becomes a zaak for the afdeling that keeps the data."""

import io

from kcc.portaal.intake import CORRECTIE_PREFIX, PREFIX
from kcc.portaal.views.gegevens import CORRECTIE_NIET_ONLINE
from tests.portaal.factories import maak_demoproduct
from zaken.errors import FOUT_DOCUMENT_TYPE, FOUT_VERPLICHT
from zaken.models import Zaak

URL = "/mijn/gegevens/correctie/"


def _veld(code: str) -> str:
    return f"{CORRECTIE_PREFIX}-{PREFIX}{code}"


def _bestand(inhoud: bytes, naam: str) -> io.BytesIO:
    bestand = io.BytesIO(inhoud)
    bestand.name = naam
    return bestand


def _verzoek(**extra) -> dict:
    return {
        _veld("gegeven"): "Naam",
        _veld("nu"): "Jan Willem Jansen",
        _veld("juist"): "Jan-Willem Jansen",
        **extra,
    }


def test_gegevens_page_offers_correction_and_explains_brp(jan_client, correctie):
    page = jan_client.get("/mijn/gegevens/").content.decode()
    assert "Vraag een correctie aan" in page
    assert "Basisregistratie Personen (BRP)" in page
    assert "Alleen de afdeling Burgerzaken kan de BRP verbeteren" in page
    assert f'name="{_veld("juist")}"' in page and f'name="{CORRECTIE_PREFIX}-bijlagen"' in page


def test_correction_becomes_zaak_for_burgerzaken_and_shows_in_mijn(
    jan_client, jan, correctie, catalogus
):
    response = jan_client.post(
        URL,
        _verzoek(**{f"{CORRECTIE_PREFIX}-bijlagen": [_bestand(b"%PDF-1.4 akte", "akte.pdf")]}),
    )
    assert response.status_code == 302, response.content.decode()
    zaak = Zaak.objects.get(klant=jan.klant)
    assert zaak.product == correctie and zaak.afdeling == catalogus["burgerzaken"]
    assert zaak.soort == Zaak.Soort.ENKELVOUDIG
    assert zaak.aanvraag.antwoorden == {
        "gegeven": "Naam",
        "nu": "Jan Willem Jansen",
        "juist": "Jan-Willem Jansen",
    }
    assert [d.naam for d in zaak.documenten.all()] == ["akte.pdf"]
    ontvangen = jan_client.get(response["Location"]).content.decode()
    assert zaak.identificatie in ontvangen
    mijn = jan_client.get("/mijn/").content.decode()
    assert "Correctie persoonsgegevens" in mijn
    assert "We hebben uw verzoek om correctie ontvangen." in mijn


def test_correction_errors_show_on_gegevens_page(jan_client, jan, correctie):
    response = jan_client.post(URL, _verzoek(**{_veld("juist"): ""}))
    assert response.status_code == 400
    page = response.content.decode()
    assert FOUT_VERPLICHT in page and "Mijn gegevens" in page
    response = jan_client.post(
        URL, _verzoek(**{f"{CORRECTIE_PREFIX}-bijlagen": [_bestand(b"MZ\x90\x00", "akte.pdf")]})
    )
    assert response.status_code == 400 and FOUT_DOCUMENT_TYPE in response.content.decode()
    assert not Zaak.objects.exists()


def test_correction_only_for_own_record(client, jan, maria, correctie, kim_kcc):
    assert client.post(URL, _verzoek()).status_code == 302
    assert "/inloggen/" in client.post(URL, _verzoek())["Location"]
    client.force_login(kim_kcc)
    assert client.post(URL, _verzoek()).status_code == 403
    client.force_login(maria)
    assert client.post(URL, _verzoek()).status_code == 302
    zaak = Zaak.objects.get()
    assert zaak.klant == maria.klant
    client.force_login(jan)
    assert client.get(f"/mijn/zaken/{zaak.identificatie}/").status_code == 404
    assert "Correctie persoonsgegevens" not in client.get("/mijn/").content.decode()


def test_correction_needs_post(jan_client, correctie):
    assert jan_client.get(URL).status_code == 405


def test_without_correction_product_citizen_is_told_to_call(jan_client, jan, catalogus):
    page = jan_client.get("/mijn/gegevens/").content.decode()
    assert "Bel ons op 14 000" in page and f'action="{URL}"' not in page
    response = jan_client.post(URL, _verzoek(), follow=True)
    assert CORRECTIE_NIET_ONLINE in response.content.decode()
    assert not Zaak.objects.exists()


def test_inactive_correction_product_is_not_offered(jan_client, correctie):
    correctie.actief = False
    correctie.save()
    assert f'action="{URL}"' not in jan_client.get("/mijn/gegevens/").content.decode()


def test_business_correction_goes_to_kvk(client, bakkerij, catalogus):
    from tests.factories import AfdelingFactory, OrganisatieFactory

    kvk = OrganisatieFactory(code="kvk", naam="Kamer van Koophandel")
    inschrijvingen = AfdelingFactory(organisatie=kvk, code="inschrijvingen", naam="Inschrijvingen")
    maak_demoproduct("wijziging-handelsregister", inschrijvingen)
    client.force_login(bakkerij)
    page = client.get("/mijn/gegevens/").content.decode()
    assert "Handelsregister" in page and "Kamer van Koophandel" in page
    response = client.post(
        URL, {_veld("gegeven"): "Adres", _veld("juist"): "Marktplein 2, Voorbeeldstad"}
    )
    assert response.status_code == 302, response.content.decode()
    zaak = Zaak.objects.get(klant=bakkerij.klant)
    assert zaak.afdeling == inschrijvingen and zaak.organisatie == kvk
