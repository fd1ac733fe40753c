import re

import pytest
from django.test import Client

from kcc.audit.models import Verwerking
from klanten import brp
from klanten.models import Klant
from klanten.selectors import ADRES_AFGESCHERMD
from tests.factories import OrganisatieFactory
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_console_start_heeft_zoekveld(kim_kcc):
    html = _client(kim_kcc).get("/console/").content.decode()
    assert re.search(r'<input id="id_q"[^>]*autofocus[^>]*data-kcc-zoek', html, re.S)


@pytest.mark.parametrize("q", ["06-12345678", "+31 6 1234 5678", "0031612345678"])
def test_zoeken_op_telefoon_vindt_klant_en_logt(kim_kcc, q):
    klant = KlantFactory(geslachtsnaam="Jansen")
    DigitaalAdresFactory(klant=klant, waarde="+31612345678")
    response = _client(kim_kcc).get("/console/klanten/zoeken/", {"q": q})
    assert f"/console/klanten/{klant.pk}/" in response.content.decode()
    assert Verwerking.objects.filter(klant=klant, actie="gezocht", medewerker=kim_kcc).exists()


def test_zoeken_htmx_geeft_alleen_resultaten(kim_kcc):
    KlantFactory(geslachtsnaam="Pietersen", voornamen="Piet")
    response = _client(kim_kcc).get(
        "/console/klanten/zoeken/", {"q": "piet pietersen"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "Piet Pietersen" in html


def test_ongeldig_bsn_melding_bij_het_veld(kim_kcc):
    html = _client(kim_kcc).get("/console/klanten/zoeken/", {"q": "999993009"}).content.decode()
    assert 'id="id_q-fout"' in html and "elfproef" in html
    assert 'aria-invalid="true"' in html


def test_niets_lokaal_dan_brp_en_aanmaken(kim_kcc, registers):
    client = _client(kim_kcc)
    html = client.get("/console/klanten/zoeken/", {"q": "999993008"}).content.decode()
    assert "Klant aanmaken uit BRP" in html
    response = client.post(
        "/console/klanten/uit-register/", {"bron": "brp", "sleutel": "999993008"}
    )
    klant = Klant.objects.get(bsn="999993008")
    assert response["Location"] == f"/console/klanten/{klant.pk}/"


def test_brp_plat_console_werkt_door(kim_kcc, brp_plat):
    KlantFactory(geslachtsnaam="Lokaal")
    client = _client(kim_kcc)
    html = client.get("/console/klanten/zoeken/", {"q": "999993008"}).content.decode()
    assert brp.BRP_NIET_BEREIKBAAR in html
    response = client.post(
        "/console/klanten/uit-register/", {"bron": "brp", "sleutel": "999993008"}, follow=True
    )
    assert brp.BRP_NIET_BEREIKBAAR in response.content.decode()
    assert not Klant.objects.filter(bsn="999993008").exists()
    assert "Lokaal" in client.get("/console/klanten/zoeken/", {"q": "lokaal"}).content.decode()


def test_klantbeeld_logt_verwerking_en_toont_tijdlijn(kim_kcc, kanalen):
    klant = KlantFactory()
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["email"], vragen=[("Vraag per mail", "Antwoord", None, None)]
    )
    html = _client(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    assert "Vraag per mail" in html
    v = Verwerking.objects.get(klant=klant, actie="gelezen")
    assert (v.medewerker, v.scherm_of_endpoint) == (kim_kcc, "console/klantbeeld")


def test_tijdlijn_regel_toont_wat_er_gebeurde(kim_kcc, kanalen):
    """Each row: when, channel, direction, result, who, how long, and every question with
    its answer (escaped, line breaks kept), product and whether it came from the
    kennisbank; newest first."""
    import datetime

    from django.utils import timezone

    from tests.productcatalogus.factories import ProductFactory, VACFactory

    klant = KlantFactory()
    product = ProductFactory(naam="Paspoort aanvragen")
    vac = VACFactory()
    ContactmomentFactory(
        klant=klant,
        kanaal=kanalen["telefoon"],
        gestart_op=timezone.now() - datetime.timedelta(days=2),
        medewerker=kim_kcc,
        duur_seconden=95,
        resultaat="doorverwezen",
        doorverwezen_naar=OrganisatieFactory(naam="SVB"),
        vragen=[
            ("Hoe lang duurt het?", "Vijf dagen.\nOphalen <b>aan</b> de balie.", product, vac),
            ("Kosten?", "", None, None),
        ],
    )
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["email"], vragen=[("Nieuwste", "", None, None)]
    )
    html = _client(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    tijdlijn = html[html.index('id="tijdlijn-inhoud"') :]
    assert tijdlijn.index("Nieuwste") < tijdlijn.index("Hoe lang duurt het?")
    assert "· Telefoon · inkomend · Doorverwezen naar andere organisatie (SVB)" in tijdlijn
    assert f"{kim_kcc.get_full_name()} · 95 s" in tijdlijn
    assert "Vijf dagen.<br>Ophalen &lt;b&gt;aan&lt;/b&gt; de balie." in tijdlijn
    assert '<span class="kcc-label">kennisbank</span>' in tijdlijn
    assert '<span class="kcc-label">Paspoort aanvragen</span>' in tijdlijn
    assert tijdlijn.count("<strong>Antwoord:</strong>") == 1  # an empty answer is not shown


def test_tijdlijn_filter_op_kanaal(kim_kcc, kanalen):
    klant = KlantFactory()
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["email"], vragen=[("Per mail", "a", None, None)]
    )
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["balie"], vragen=[("Aan de balie", "a", None, None)]
    )
    html = (
        _client(kim_kcc).get(f"/console/klanten/{klant.pk}/", {"kanaal": "balie"}).content.decode()
    )
    assert "Aan de balie" in html and "Per mail" not in html


def test_geheimhouding_verbergt_adres_voor_kcc(kim_kcc, tom_teamleider):
    klant = KlantFactory(geheim=True, straat="Geheimstraat")
    assert (
        ADRES_AFGESCHERMD in _client(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    )
    assert (
        "Geheimstraat" not in _client(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    )
    assert (
        "Geheimstraat"
        in _client(tom_teamleider).get(f"/console/klanten/{klant.pk}/").content.decode()
    )


def test_klantbeeld_constant_aantal_queries(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _client(kim_kcc)

    def grow():
        for _ in range(3):
            cm = ContactmomentFactory(
                klant=klant, vragen=[("a", "b", None, None), ("c", "d", None, None)]
            )
            ContactverzoekFactory(klant=klant, contactmoment=cm, afdeling=None, behandelaar=kim_kcc)
            DigitaalAdresFactory(klant=klant, voorkeur=False)

    grow()  # one of everything first: then only the amounts differ
    assert_constant_queries(
        lambda: client.get(f"/console/klanten/{klant.pk}/"), grow, label="klantbeeld"
    )


def test_zoekresultaten_constant_aantal_queries(kim_kcc):
    client = _client(kim_kcc)
    KlantFactory(geslachtsnaam="Vos")

    def grow():
        for _ in range(5):
            KlantFactory(geslachtsnaam="Vos")

    assert_constant_queries(
        lambda: client.get("/console/klanten/zoeken/", {"q": "vos"}), grow, label="zoeken"
    )


@pytest.mark.parametrize(
    ("pad", "toegestaan"),
    [
        ("/console/klanten/{id}/", {"kcc_medewerker", "teamleider"}),
        ("/console/klanten/{id}/gegevens/", {"kcc_medewerker", "teamleider"}),
        ("/console/klanten/{id}/samenvoegen/", {"teamleider"}),
    ],
)
def test_autorisatie_klantpaginas(personas, pad, toegestaan):
    klant = KlantFactory()
    url = pad.format(id=klant.pk)
    anoniem = Client().get(url)
    assert anoniem.status_code == 302 and "/accounts/login/" in anoniem["Location"]
    for naam, user in personas.items():
        status = _client(user).get(url).status_code
        assert (status == 200) == (naam in toegestaan), (naam, status)
        if naam not in toegestaan:
            assert status == 403


def test_onbekende_klant_404(kim_kcc):
    assert _client(kim_kcc).get("/console/klanten/999999/").status_code == 404


def test_gegevens_wijzigen_via_pagina(kim_kcc):
    klant = KlantFactory()
    client = _client(kim_kcc)
    response = client.post(
        f"/console/klanten/{klant.pk}/gegevens/",
        {"actie": "adres_toevoegen", "adres-soort": "telefoon", "adres-waarde": "06 1234 5678"},
    )
    assert response.status_code == 302
    assert klant.digitale_adressen.get().waarde == "+31612345678"
    response = client.post(
        f"/console/klanten/{klant.pk}/gegevens/",
        {"actie": "adres_toevoegen", "adres-soort": "telefoon", "adres-waarde": "123"},
    )
    assert "Dit is geen geldig telefoonnummer" in response.content.decode()


def test_samenvoegen_via_pagina(tom_teamleider):
    behouden, opheffen = KlantFactory(), KlantFactory()
    client = _client(tom_teamleider)
    bevestig = client.get(f"/console/klanten/{behouden.pk}/samenvoegen/", {"opheffen": opheffen.pk})
    assert "Ja, samenvoegen" in bevestig.content.decode()
    response = client.post(
        f"/console/klanten/{behouden.pk}/samenvoegen/", {"opheffen": opheffen.pk, "bevestigd": "ja"}
    )
    assert response.status_code == 302
    opheffen.refresh_from_db()
    assert opheffen.samengevoegd_in == behouden
    # The old klantbeeld leads to the survivor.
    assert (
        client.get(f"/console/klanten/{opheffen.pk}/")["Location"]
        == f"/console/klanten/{behouden.pk}/"
    )
