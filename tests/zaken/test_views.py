"""Backoffice and console pages of zaken: who may see what, constant queries, 409 page."""

import pytest
from django.test import Client

from kcc.audit.models import Verwerking
from tests.queries import assert_constant_queries
from tests.zaken.factories import ZaakFactory
from zaken import errors
from zaken.models import Aanvraag, Zaak
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.zaken import zaak_claim

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def aanvraag(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    return aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden_verhuizen,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )


@pytest.fixture
def deel_burgerzaken(aanvraag):
    return aanvraag.zaken.get(product__slug="verhuizing-doorgeven")


def test_werkvoorraad_shows_only_own_afdeling(
    aanvraag, deel_burgerzaken, bo_burgerzaken, vera_vergunningen
):
    response = _client(bo_burgerzaken).get("/backoffice/")
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert deel_burgerzaken.identificatie in inhoud
    parkeren = aanvraag.zaken.get(product__slug="parkeervergunning")
    assert parkeren.identificatie not in inhoud
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    assert hoofdzaak.identificatie not in inhoud
    assert parkeren.identificatie in _client(vera_vergunningen).get("/backoffice/").content.decode()


def test_werkvoorraad_tabs_and_filters(verhuizing, bo_burgerzaken, afdeling_burgerzaken):
    from tests.productcatalogus.factories import ProductFactory

    paspoort = ProductFactory(naam="Paspoort", afdeling=afdeling_burgerzaken)
    open_ = ZaakFactory(product=verhuizing)
    mijn = ZaakFactory(product=verhuizing, behandelaar=bo_burgerzaken)
    laat = ZaakFactory(product=verhuizing, te_laat=True)
    klaar = ZaakFactory(product=verhuizing, afgehandeld=True)
    client = _client(bo_burgerzaken)

    def ids(query):
        inhoud = client.get("/backoffice/" + query).content.decode()
        return {z.identificatie for z in (open_, mijn, laat, klaar) if z.identificatie in inhoud}

    assert ids("") == {open_.identificatie, laat.identificatie}
    assert ids("?tab=mijn") == {mijn.identificatie}
    assert ids("?tab=open") == {open_.identificatie, mijn.identificatie, laat.identificatie}
    assert ids("?tab=te-laat") == {laat.identificatie}
    assert ids(f"?tab=open&product={paspoort.pk}") == set()
    assert ids(f"?tab=open&product={verhuizing.pk}") == ids("?tab=open")
    assert ids("?tab=onzin&product=abc") == {open_.identificatie, laat.identificatie}


def test_werkvoorraad_tellingen_per_tab(
    verhuizing, bo_burgerzaken, vera_vergunningen, afdeling_burgerzaken
):
    """Each tab's count is the number of zaken its list holds (one counting statement)."""
    from django.utils import timezone

    from kcc.normen.models import Signalering
    from tests.zaken.factories import zaak_signaleren
    from zaken import selectors

    ZaakFactory(product=verhuizing)
    ZaakFactory(product=verhuizing, behandelaar=bo_burgerzaken)
    laat = ZaakFactory(product=verhuizing, te_laat=True)
    ZaakFactory(product=verhuizing, te_laat=True, opgeschort_sinds=timezone.now())
    ZaakFactory(product=verhuizing, afgehandeld=True)
    ZaakFactory(product=verhuizing, behandelaar=vera_vergunningen)
    zaak_signaleren(laat, Signalering.Soort.OVERSCHRIJDING, afdeling=afdeling_burgerzaken)
    aantallen = selectors.werkvoorraad_aantallen(medewerker=bo_burgerzaken)
    assert aantallen == {
        code: selectors.werkvoorraad(medewerker=bo_burgerzaken, tab=code).count()
        for code, _naam in selectors.TABS
    }
    assert aantallen == {
        "ongeclaimd": 3,
        "mijn": 1,
        "open": 5,
        "te-laat": 1,
        "signaleringen": 1,
    }
    # A medewerker of another afdeling counts none of them; an empty tab is an empty page.
    assert set(selectors.werkvoorraad_aantallen(medewerker=vera_vergunningen).values()) == {0}
    for code, _naam in selectors.TABS:
        leeg = selectors.werkvoorraad_pagina(medewerker=vera_vergunningen, tab=code, aantal=0)
        assert leeg.object_list == []
    response = _client(vera_vergunningen).get("/backoffice/?tab=mijn")
    assert response.status_code == 200 and "Er zijn hier geen zaken." in response.content.decode()


def test_werkvoorraad_access(kim_kcc, fenna_beheer):
    assert _client(kim_kcc).get("/backoffice/").status_code == 403
    assert _client(fenna_beheer).get("/backoffice/").status_code == 403
    response = _client().get("/backoffice/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_werkvoorraad_constant_queries(verhuizing, bo_burgerzaken):
    # Names are read per kind only when a row has one (a list of unclaimed zaken has no
    # behandelaar to look up): start with one of each, then grow.
    ZaakFactory(product=verhuizing, behandelaar=bo_burgerzaken)
    client = _client(bo_burgerzaken)
    client.get("/backoffice/")
    assert_constant_queries(
        lambda: client.get("/backoffice/?tab=open"),
        lambda: [ZaakFactory(product=verhuizing, behandelaar=bo_burgerzaken) for _ in range(4)],
        label="werkvoorraad",
    )


def test_detail_scope_and_verwerking(
    deel_burgerzaken, bo_burgerzaken, vera_vergunningen, kim_kcc, klant
):
    url = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/"
    response = _client(bo_burgerzaken).get(url)
    assert response.status_code == 200
    assert "Jan Jansen" in response.content.decode()
    assert "jan@example.nl" in response.content.decode()
    assert Verwerking.objects.filter(klant=klant, medewerker=bo_burgerzaken).exists()
    assert _client(vera_vergunningen).get(url).status_code == 404
    assert _client(kim_kcc).get(url).status_code == 403
    assert _client().get(url).status_code == 302
    assert _client(bo_burgerzaken).get("/backoffice/zaken/ZAAK-1900-000001/").status_code == 404


def test_detail_constant_queries(verhuizing, bo_burgerzaken, settings, tmp_path):
    from zaken.services.zaken import zaak_notitie_toevoegen

    settings.MEDIA_ROOT = tmp_path
    zaak = ZaakFactory(product=verhuizing, behandelaar=bo_burgerzaken)
    client = _client(bo_burgerzaken)
    url = f"/backoffice/zaken/{zaak.identificatie}/"
    client.get(url)

    def groei():
        for i in range(3):
            zaak_notitie_toevoegen(zaak=zaak, tekst=f"notitie {i}", medewerker=bo_burgerzaken)
            zaak.statussen.create(omschrijving=f"stap {i}", door="test")

    assert_constant_queries(lambda: client.get(url), groei, label="zaakdetail")


def test_claim_page_flow_and_409(
    deel_burgerzaken, bo_burgerzaken, roles_ready, afdeling_burgerzaken, vera_vergunningen
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    url = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/claimen/"
    response = _client(bo_burgerzaken).post(url)
    assert response.status_code == 302
    response = _client(collega).post(url)
    assert response.status_code == 409
    assert errors.FOUT_AL_GECLAIMD in response.content.decode()
    assert _client(vera_vergunningen).post(url).status_code == 404
    assert _client(bo_burgerzaken).get(url).status_code == 405


def test_status_and_resolve_forms(deel_burgerzaken, bo_burgerzaken):
    zaak_claim(zaak=deel_burgerzaken, medewerker=bo_burgerzaken)
    client = _client(bo_burgerzaken)
    base = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/"
    statustype = deel_burgerzaken.product.statustypen.get(volgnummer=2)
    response = client.post(base + "status/", {"status-statustype": statustype.pk})
    assert response.status_code == 302
    response = client.post(base + "status/", {"status-statustype": "abc"})
    assert response.status_code == 400
    response = client.post(base + "afsluiten/", {"afsluiten-resultaat": ""})
    assert response.status_code == 400
    response = client.post(base + "notitie/", {"notitie-tekst": "Gebeld met klant"})
    assert response.status_code == 302
    response = client.post(base + "informatie/", {"info-vraag": "Stuur uw huurcontract"})
    assert response.status_code == 302
    deel_burgerzaken.refresh_from_db()
    assert deel_burgerzaken.opgeschort_sinds is not None
    verzoek = deel_burgerzaken.informatieverzoeken.get()
    response = client.post(
        base + f"informatie/{verzoek.pk}/antwoord/", {"antwoord-antwoord": "Ontvangen"}
    )
    assert response.status_code == 302
    response = client.post(base + "afsluiten/", {"afsluiten-resultaat": "Adres gewijzigd"})
    assert response.status_code == 302
    deel_burgerzaken.refresh_from_db()
    assert deel_burgerzaken.afgesloten_op is not None


def test_document_upload_and_download(
    deel_burgerzaken, bo_burgerzaken, vera_vergunningen, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client = _client(bo_burgerzaken)
    base = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/"
    slecht = SimpleUploadedFile("virus.exe", b"MZ....")
    response = client.post(base + "documenten/", {"document-bestand": slecht})
    assert response.status_code == 400
    assert errors.FOUT_DOCUMENT_TYPE in response.content.decode()
    goed = SimpleUploadedFile("huurcontract.pdf", b"%PDF-1.4 inhoud")
    assert client.post(base + "documenten/", {"document-bestand": goed}).status_code == 302
    document = deel_burgerzaken.documenten.get()
    response = client.get(base + f"documenten/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 inhoud"
    assert _client(vera_vergunningen).get(base + f"documenten/{document.pk}/").status_code == 404


def test_transfer_form(deel_burgerzaken, bo_burgerzaken, afdeling_vergunningen):
    base = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/"
    client = _client(bo_burgerzaken)
    response = client.post(base + "overdragen/", {"overdragen-afdeling": afdeling_vergunningen.pk})
    assert response.status_code == 400
    response = client.post(
        base + "overdragen/",
        {"overdragen-afdeling": afdeling_vergunningen.pk, "overdragen-reden": "Parkeren"},
    )
    assert response.status_code == 302 and response["Location"] == "/backoffice/"
    assert client.get(base).status_code == 404  # no longer in our afdeling


def test_console_aanvraag_flow(klant, verhuizen, kim_kcc, afdeling_kcc):
    client = _client(kim_kcc)
    response = client.get(f"/console/klanten/{klant.pk}/aanvraag/")
    assert response.status_code == 200
    intake = f"/console/klanten/{klant.pk}/aanvraag/intake/?levensgebeurtenis={verhuizen.pk}"
    response = client.get(intake)
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Jan Jansen" in inhoud  # known from the BRP, shown ...
    assert 'name="naam"' not in inhoud  # ... and not asked
    response = client.post(
        intake, {"kanaal": "telefoon", "heeft_auto": "ja", "heeft_toeslagen": "nee"}
    )
    assert response.status_code == 400
    assert errors.FOUT_VERPLICHT in response.content.decode()
    assert not Zaak.objects.exists()
    response = client.post(
        intake,
        {
            "kanaal": "telefoon",
            "verhuisdatum": "2026-12-15",
            "nieuwe_postcode": "1234 CD",
            "heeft_auto": "ja",
            "heeft_toeslagen": "nee",
            "kenteken": "AB-123-C",
            "soort_vergunning": "bewoner",
        },
    )
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get()
    bevestiging = client.get(response["Location"])
    assert bevestiging.status_code == 200
    for zaak in aanvraag.zaken.all():
        assert zaak.identificatie in bevestiging.content.decode()
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    regie = client.get(f"/console/zaken/{hoofdzaak.identificatie}/")
    assert regie.status_code == 200
    assert "0 van 2 afgerond" in regie.content.decode()


def test_console_concept(klant, verhuizing, kim_kcc):
    client = _client(kim_kcc)
    intake = f"/console/klanten/{klant.pk}/aanvraag/intake/?product={verhuizing.pk}"
    response = client.post(
        intake, {"kanaal": "balie", "verhuisdatum": "2026-12-15", "concept": "1"}
    )
    assert response.status_code == 302
    concept = Aanvraag.objects.get(status=Aanvraag.Status.CONCEPT)
    kiezen = client.get(f"/console/klanten/{klant.pk}/aanvraag/")
    assert f"?concept={concept.pk}" in kiezen.content.decode()
    response = client.get(f"/console/klanten/{klant.pk}/aanvraag/intake/?concept={concept.pk}")
    assert 'value="2026-12-15"' in response.content.decode()


def test_console_pages_access(klant, aanvraag, bo_burgerzaken, tom_teamleider, fenna_beheer):
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    paginas = [
        f"/console/klanten/{klant.pk}/aanvraag/",
        f"/console/zaken/{hoofdzaak.identificatie}/",
        f"/console/aanvragen/{aanvraag.pk}/",
    ]
    for url in paginas:
        assert _client(bo_burgerzaken).get(url).status_code == 403, url
        assert _client(fenna_beheer).get(url).status_code == 403, url
        assert _client().get(url).status_code == 302, url
    assert _client(tom_teamleider).get(paginas[1]).status_code == 200
    assert _client(tom_teamleider).get(paginas[0]).status_code == 403  # only KCC starts aanvragen


def test_zaken_open_voor_klant(aanvraag, klant, kim_kcc, bo_burgerzaken):
    from zaken.selectors import zaken_open_voor_klant

    alle = zaken_open_voor_klant(klant=klant, medewerker=kim_kcc)
    assert len(alle) == 4
    hoofdzaak = next(z for z in alle if z.is_hoofdzaak)
    assert hoofdzaak.voortgang.tekst == "0 van 3 afgerond"
    eigen = zaken_open_voor_klant(klant=klant, medewerker=bo_burgerzaken)
    assert [z.product.slug for z in eigen] == ["verhuizing-doorgeven"]


@pytest.mark.parametrize("getal", ["1e5000", "1e999999999"])
def test_console_intake_te_groot_getal_geeft_veldfout(klant, verhuizing, kim_kcc, getal):
    intake = f"/console/klanten/{klant.pk}/aanvraag/intake/?product={verhuizing.pk}"
    response = _client(kim_kcc).post(
        intake,
        {
            "kanaal": "telefoon",
            "verhuisdatum": "2026-12-15",
            "nieuwe_postcode": "1234 CD",
            "aantal_personen": getal,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["aantal_personen"] == [errors.FOUT_GETAL_TE_GROOT]
    assert not Zaak.objects.exists()


@pytest.mark.parametrize("query", ["?product=²", "?levensgebeurtenis=٣", "?concept=²", "?product="])
def test_console_intake_geen_ascii_id_is_404(klant, verhuizing, kim_kcc, query):
    url = f"/console/klanten/{klant.pk}/aanvraag/intake/{query}"
    assert _client(kim_kcc).get(url).status_code == 404


def test_werkvoorraad_te_laat_telt_opgeschorte_zaken_niet(verhuizing, bo_burgerzaken):
    from django.utils import timezone

    laat = ZaakFactory(product=verhuizing, te_laat=True)
    wacht = ZaakFactory(product=verhuizing, te_laat=True, opgeschort_sinds=timezone.now())
    client = _client(bo_burgerzaken)
    response = client.get("/backoffice/?tab=te-laat")
    html = response.content.decode()
    assert laat.identificatie in html and wacht.identificatie not in html
    assert ("te-laat", "Te laat", 1) in response.context["tabs"]
    html = client.get("/backoffice/?tab=open").content.decode()
    rij = html[html.index(wacht.identificatie) :]
    rij = rij[: rij.index("</tr>")]
    assert "wacht op klant" in rij and ">te laat<" not in rij


def test_werkvoorraad_legt_de_verwerking_van_de_klantnamen_vast(verhuizing, bo_burgerzaken):
    zaken = [ZaakFactory(product=verhuizing) for _ in range(3)]
    _client(bo_burgerzaken).get("/backoffice/?tab=open")
    gelezen = Verwerking.objects.filter(
        medewerker=bo_burgerzaken, scherm_of_endpoint="backoffice werkvoorraad"
    )
    assert set(gelezen.values_list("klant_id", flat=True)) == {z.klant_id for z in zaken}


def test_overdragen_van_een_geclaimde_zaak_door_een_collega(
    deel_burgerzaken, bo_burgerzaken, afdeling_burgerzaken, afdeling_vergunningen, roles_ready
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak_claim(zaak=deel_burgerzaken, medewerker=bo_burgerzaken)
    base = f"/backoffice/zaken/{deel_burgerzaken.identificatie}/"
    assert "overdragen-reden" not in _client(collega).get(base).content.decode()
    assert "overdragen-reden" in _client(bo_burgerzaken).get(base).content.decode()
    response = _client(collega).post(
        base + "overdragen/",
        {"overdragen-afdeling": afdeling_vergunningen.pk, "overdragen-reden": "Parkeren"},
    )
    assert response.status_code == 403
    assert errors.FOUT_OVERDRAGEN_GECLAIMD in response.content.decode()
    deel_burgerzaken.refresh_from_db()
    assert deel_burgerzaken.afdeling == afdeling_burgerzaken


def test_console_aanvraag_voor_meer_producten(
    klant, verhuizing, parkeervergunning, kim_kcc, afdeling_kcc
):
    client = _client(kim_kcc)
    kiezen = f"/console/klanten/{klant.pk}/aanvraag/"
    response = client.get(kiezen + f"?zoek=parkeer&product={verhuizing.pk}")
    assert response.status_code == 200
    assert [p.pk for p in response.context["gekozen"]] == [verhuizing.pk]
    assert [p.pk for p in response.context["producten"]] == [parkeervergunning.pk]
    intake = (
        f"/console/klanten/{klant.pk}/aanvraag/intake/"
        f"?product={verhuizing.pk}&product={parkeervergunning.pk}"
    )
    pagina = client.get(intake)
    assert pagina.status_code == 200
    assert 'name="kenteken"' in pagina.content.decode()
    assert 'name="verhuisdatum"' in pagina.content.decode()
    response = client.post(
        intake,
        {
            "kanaal": "telefoon",
            "verhuisdatum": "2026-12-15",
            "nieuwe_postcode": "1234 CD",
            "kenteken": "AB-123-C",
            "soort_vergunning": "bewoner",
        },
    )
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.meer_producten
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    assert hoofdzaak.aanspreekpunt == kim_kcc
    assert hoofdzaak.deelzaken.count() == 2
    bevestiging = client.get(response["Location"]).content.decode()
    assert "Aanvraag voor meer producten" in bevestiging
    regie = client.get(f"/console/zaken/{hoofdzaak.identificatie}/").content.decode()
    assert "0 van 2 afgerond" in regie


def test_aanvraag_kiezen_is_gepagineerd_met_constante_queries(klant, kim_kcc, afdeling_burgerzaken):
    from tests.productcatalogus.factories import ProductFactory

    client = _client(kim_kcc)
    url = f"/console/klanten/{klant.pk}/aanvraag/"
    gekozen = ProductFactory(afdeling=afdeling_burgerzaken, naam="Aaa gekozen")
    ProductFactory(afdeling=afdeling_burgerzaken)
    client.get(url)
    assert_constant_queries(
        lambda: client.get(f"{url}?product={gekozen.pk}"),
        lambda: [ProductFactory(afdeling=afdeling_burgerzaken) for _ in range(30)],
        label="aanvraag kiezen",
    )
    response = client.get(f"{url}?product={gekozen.pk}")
    assert len(response.context["producten"]) == 25  # one page, never the whole catalogue
    assert response.context["pagina"].paginator.count == 31


@pytest.mark.parametrize("query", ["?product=²", "?product=abc", "?product=1&product=x"])
def test_aanvraag_kiezen_ongeldige_product_is_400(klant, kim_kcc, query):
    response = _client(kim_kcc).get(f"/console/klanten/{klant.pk}/aanvraag/{query}")
    assert response.status_code == 400
    assert errors.FOUT_PRODUCT_KEUZE in response.content.decode()


def test_intake_met_onbekend_product_in_de_lijst_is_404(klant, verhuizing, kim_kcc):
    url = f"/console/klanten/{klant.pk}/aanvraag/intake/?product={verhuizing.pk}&product=999999"
    assert _client(kim_kcc).get(url).status_code == 404


def test_aanspreekpunt_wijzigen_op_de_console(
    aanvraag, tom_teamleider, kim_kcc, bo_burgerzaken, roles_ready
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    anna = UserFactory(username="anna", rol=roles.KCC_MEDEWERKER)
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    pagina = f"/console/zaken/{hoofdzaak.identificatie}/"
    url = pagina + "aanspreekpunt/"
    assert 'name="aanspreekpunt"' in _client(tom_teamleider).get(pagina).content.decode()
    assert 'name="aanspreekpunt"' not in _client(kim_kcc).get(pagina).content.decode()
    assert _client(kim_kcc).post(url, {"aanspreekpunt": anna.pk}).status_code == 403
    assert _client(bo_burgerzaken).post(url, {"aanspreekpunt": anna.pk}).status_code == 403
    anoniem = _client().post(url, {"aanspreekpunt": anna.pk})
    assert anoniem.status_code == 302 and "/accounts/login/" in anoniem["Location"]
    assert _client(tom_teamleider).post(url, {"aanspreekpunt": "²"}).status_code == 400
    assert _client(tom_teamleider).get(url).status_code == 405
    response = _client(tom_teamleider).post(url, {"aanspreekpunt": anna.pk})
    assert response.status_code == 302
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.aanspreekpunt == anna
    deelzaak = hoofdzaak.deelzaken.first()
    response = _client(tom_teamleider).post(
        f"/console/zaken/{deelzaak.identificatie}/aanspreekpunt/", {"aanspreekpunt": anna.pk}
    )
    assert response.status_code == 400
    assert errors.FOUT_AANSPREEKPUNT_ALLEEN_HOOFDZAAK in response.content.decode()


def test_backoffice_detail_toont_alleen_de_eigen_antwoorden(aanvraag, vera_vergunningen):
    parkeren = aanvraag.zaken.get(product__slug="parkeervergunning")
    html = _client(vera_vergunningen).get(f"/backoffice/zaken/{parkeren.identificatie}/")
    html = html.content.decode()
    assert "AB-123-C" in html and "Wat is het kenteken?" in html
    assert "1234 CD" not in html  # the verhuizing's new postcode is not theirs to see
    assert "2026-12-15" not in html


def test_bevestiging_legt_de_verwerking_vast(aanvraag, kim_kcc, klant):
    response = _client(kim_kcc).get(f"/console/aanvragen/{aanvraag.pk}/")
    assert response.status_code == 200
    assert Verwerking.objects.filter(
        klant=klant, medewerker=kim_kcc, scherm_of_endpoint="console aanvraag ingediend"
    ).exists()
    assert _client(kim_kcc).get("/console/aanvragen/999999/").status_code == 404
