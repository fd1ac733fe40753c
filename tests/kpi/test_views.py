"""Report pages: who may see them, filters, CSV export, constant query count."""

import csv
import io

import pytest
from django.core.cache import cache
from django.urls import reverse

from kcc.kpi import forms, services, views
from kcc.kpi.csv_export import veilige_cel
from tests.kpi.conftest import MA
from tests.kpi.factories import (
    ContactmomentFactory,
    ContactverzoekFactory,
    InkomendBerichtFactory,
    VraagFactory,
    ZaakFactory,
    moment,
)
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db

URL = "/console/rapportages/"
PERIODE = {"van": "2026-03-02", "tot": "2026-03-20"}


def lees_csv(response) -> list[list[str]]:
    tekst = b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


@pytest.fixture
def data(klant, telefoon, balie, product, ander_product):
    for dag in range(3):
        cm = ContactmomentFactory(
            klant=klant, kanaal=telefoon, gestart_op=moment(MA.replace(day=2 + dag))
        )
        VraagFactory(contactmoment=cm, product=product)
    ZaakFactory(product=product, afgesloten_op=moment(MA))
    ZaakFactory(product=ander_product)
    InkomendBerichtFactory(ontvangen_op=moment(MA))


def test_url():
    assert reverse("console:rapportages") == URL
    assert reverse("portaal:prestaties") == "/prestaties/"


class TestToegang:
    def test_teamleider_mag(self, client, tom_teamleider, data):
        client.force_login(tom_teamleider)
        response = client.get(URL, PERIODE)
        assert response.status_code == 200
        assert b"Eerste-contactoplossing" in response.content

    @pytest.mark.parametrize(
        "persona",
        [
            "kcc_medewerker",
            "backoffice_medewerker",
            "backoffice_andere_afdeling",
            "functioneel_beheerder",
        ],
    )
    def test_andere_rollen_niet(self, client, personas, persona):
        client.force_login(personas[persona])
        assert client.get(URL).status_code == 403
        assert client.get(URL, {"formaat": "csv", "tabel": "kerncijfers"}).status_code == 403

    def test_anoniem_naar_inloggen(self, client):
        response = client.get(URL)
        assert response.status_code == 302 and "login" in response["Location"]

    def test_publieke_pagina_anoniem(self, client, data):
        services.kpi_periode_aggregeren(van=MA, tot=MA.replace(day=19))
        response = client.get("/prestaties/")
        assert response.status_code == 200
        inhoud = response.content.decode()
        assert "Onze prestaties" in inhoud
        assert "33,3%" in inhoud  # FCR: 1 of 3 (same product on 3 days running)
        assert "100,0%" in inhoud  # the one closed zaak was on time
        assert "Jansen" not in inhoud and "999993008" not in inhoud


class TestFilters:
    def test_zonder_parameters_laatste_4_weken(self, client, tom_teamleider):
        client.force_login(tom_teamleider)
        response = client.get(URL)
        assert response.status_code == 200
        f = response.context["rapport"].filter
        assert (f.tot - f.van).days == forms.STANDAARD_DAGEN - 1

    def test_filters_worden_toegepast(
        self, client, tom_teamleider, data, telefoon, balie, ander_product
    ):
        client.force_login(tom_teamleider)
        r = client.get(URL, {**PERIODE, "kanaal": balie.pk}).context["rapport"]
        assert r.fcr.totaal == 0
        r = client.get(URL, {**PERIODE, "kanaal": telefoon.pk}).context["rapport"]
        assert r.fcr.totaal == 3
        r = client.get(URL, {**PERIODE, "afdeling": ander_product.afdeling_id}).context["rapport"]
        assert r.fcr.totaal == 0 and r.servicenorm.aantal == 0

    @pytest.mark.parametrize(
        ("params", "fout"),
        [
            ({"van": "2026-03-10", "tot": "2026-03-01"}, forms.FOUT_VAN_NA_TOT),
            ({"van": "2024-01-01", "tot": "2026-03-01"}, forms.FOUT_PERIODE_TE_LANG),
        ],
    )
    def test_ongeldige_periode(self, client, tom_teamleider, params, fout):
        client.force_login(tom_teamleider)
        response = client.get(URL, params)
        assert response.status_code == 400
        assert fout in response.content.decode()
        csv_response = client.get(URL, {**params, "formaat": "csv", "tabel": "kerncijfers"})
        assert csv_response.status_code == 400 and fout in csv_response.content.decode()

    @pytest.mark.parametrize(
        "params",
        [
            {"van": "9999-12-01", "tot": "9999-12-31"},
            {"van": "0001-01-01", "tot": "0001-01-10"},
            {"van": "1999-12-31", "tot": "2000-01-10"},
            {"van": "2026-03-01", "tot": "2027-12-31"},
        ],
    )
    def test_datum_buiten_bereik(self, client, tom_teamleider, params):
        client.force_login(tom_teamleider)
        response = client.get(URL, params)
        assert response.status_code == 400
        assert forms.FOUT_DATUM_BUITEN_BEREIK in response.content.decode()
        csv_response = client.get(URL, {**params, "formaat": "csv", "tabel": "kerncijfers"})
        assert csv_response.status_code == 400
        assert forms.FOUT_DATUM_BUITEN_BEREIK in csv_response.content.decode()

    def test_onzin_invoer_geeft_formulierfout(
        self, client, tom_teamleider, gemeente, afdeling_vergunningen
    ):
        client.force_login(tom_teamleider)
        assert client.get(URL, {"van": "gisteren", "kanaal": "x"}).status_code == 400
        andere = type(gemeente).objects.create(naam="UWV", code="uwv")
        response = client.get(
            URL, {**PERIODE, "organisatie": andere.pk, "afdeling": afdeling_vergunningen.pk}
        )
        assert forms.FOUT_AFDELING_ORGANISATIE in response.content.decode()


class TestCsv:
    @pytest.mark.parametrize(
        "tabel",
        [
            "kerncijfers",
            "trend-per-week",
            "afhandeltijd",
            "volumes-per-week",
            "volumes-per-dag",
            "reactie-binnen-norm",
            "werkvoorraad",
        ],
    )
    def test_elke_tabel(self, client, tom_teamleider, data, tabel):
        client.force_login(tom_teamleider)
        response = client.get(URL, {**PERIODE, "formaat": "csv", "tabel": tabel})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="kpi-{tabel}-2026-03-02-2026-03-20.csv"'
        )
        rijen = lees_csv(response)
        assert len(rijen) >= 2

    def test_inhoud(self, client, tom_teamleider, data, klant, telefoon, product):
        ContactverzoekFactory(
            contactmoment=ContactmomentFactory(klant=klant, kanaal=telefoon, gestart_op=moment(MA)),
            afdeling=product.afdeling,
        )
        client.force_login(tom_teamleider)
        kern = lees_csv(client.get(URL, {**PERIODE, "formaat": "csv", "tabel": "kerncijfers"}))
        assert kern[0] == ["Prestatie", "Percentage", "Norm (%)", "Beoordeeld", "Gehaald"]
        # same klant, same product on 2, 3 and 4 March: only the last one is resolved first time;
        # the contact with a contactverzoek never is.
        assert kern[1] == ["Eerste-contactoplossing", "25,0", "80", "4", "1"]
        dag = lees_csv(client.get(URL, {**PERIODE, "formaat": "csv", "tabel": "volumes-per-dag"}))
        assert dag[0] == ["Dag", "Telefoon", "Balie", "Totaal"]
        assert dag[1] == ["2026-03-02", "2", "0", "2"]
        voorraad = lees_csv(client.get(URL, {**PERIODE, "formaat": "csv", "tabel": "werkvoorraad"}))
        assert voorraad[1][1:] == ["Burgerzaken", "0", "1"]

    def test_csv_injectie_afgeschermd(self, client, tom_teamleider, product):
        product.afdeling.naam = '=HYPERLINK("http://x")'
        product.afdeling.save()
        ZaakFactory(product=product)
        client.force_login(tom_teamleider)
        rijen = lees_csv(client.get(URL, {**PERIODE, "formaat": "csv", "tabel": "werkvoorraad"}))
        assert rijen[1][1] == '\'=HYPERLINK("http://x")'
        for teken in "=+-@":
            assert veilige_cel(f"{teken}1") == f"'{teken}1"
        assert veilige_cel(-3) == "-3" and veilige_cel(None) == "" and veilige_cel(82.45) == "82,5"

    def test_onbekende_tabel(self, client, tom_teamleider):
        client.force_login(tom_teamleider)
        response = client.get(URL, {"formaat": "csv", "tabel": "geheim"})
        assert (
            response.status_code == 400 and response.content.decode() == views.FOUT_ONBEKENDE_TABEL
        )


class TestPubliekePagina:
    @pytest.mark.parametrize("tabel", ["kerncijfers", "trend-per-week", "volumes-per-kanaal"])
    def test_csv_van_elke_tabel(self, client, data, tabel):
        pagina = client.get("/prestaties/").content.decode()
        assert f"?formaat=csv&amp;tabel={tabel}" in pagina
        response = client.get("/prestaties/", {"formaat": "csv", "tabel": tabel})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="kpi-{tabel}-2025-03-20-2026-03-19.csv"'
        )
        assert len(lees_csv(response)) >= 2

    def test_kanalentabel_zoals_de_andere(self, client, data):
        rijen = lees_csv(
            client.get("/prestaties/", {"formaat": "csv", "tabel": "volumes-per-kanaal"})
        )
        assert rijen == [["Kanaal", "Aantal contacten"], ["Telefoon", "3"], ["Balie", "0"]]
        assert 'id="tabel-volumes-per-kanaal"' in client.get("/prestaties/").content.decode()

    def test_interne_tabel_niet_publiek(self, client, data):
        for tabel in ("werkvoorraad", "afhandeltijd", "volumes-per-dag"):
            response = client.get("/prestaties/", {"formaat": "csv", "tabel": tabel})
            assert response.status_code == 400
            assert response.content.decode() == views.FOUT_ONBEKENDE_TABEL

    def test_fcr_van_de_laatste_werkdagen_is_voorlopig(self, client, data):
        # Friday 20 March: contacts from Friday 13 March on can still be repeated.
        pagina = client.get("/prestaties/").content.decode()
        assert "Voorlopig:" in pagina and "vanaf 13 Mrt 2026" in pagina
        trend = lees_csv(client.get("/prestaties/", {"formaat": "csv", "tabel": "trend-per-week"}))
        status = {rij[0]: rij[2] for rij in trend[1:]}
        assert status["2026-03-02"] == "definitief"
        assert status["2026-03-09"] == "voorlopig"
        assert status["2026-03-16"] == "voorlopig"

    def test_rapportage_zonder_open_termijn_is_definitief(self, client, tom_teamleider, data):
        client.force_login(tom_teamleider)
        response = client.get(URL, {"van": "2026-03-02", "tot": "2026-03-06"})
        assert response.context["rapport"].fcr.voorlopig_vanaf is None
        assert "Voorlopig:" not in response.content.decode()

    def test_cijfers_tien_minuten_bewaard_tot_nieuwe_aggregatie(
        self, client, data, telefoon, django_capture_on_commit_callbacks
    ):
        assert client.get("/prestaties/").context["rapport"].volumes.totaal_per_kanaal[0] == 3
        ContactmomentFactory(kanaal=telefoon, gestart_op=moment(MA))
        # within the cache time a visitor sees the same figures, without recomputing them
        response = client.get("/prestaties/")
        assert response.context["rapport"].volumes.totaal_per_kanaal[0] == 3
        with django_capture_on_commit_callbacks(execute=True):
            services.kpi_dag_aggregeren(dag=MA)
        response = client.get("/prestaties/")
        assert response.context["rapport"].volumes.totaal_per_kanaal[0] == 4


def test_constant_aantal_queries(
    client, tom_teamleider, klant, telefoon, balie, product, ander_product
):
    client.force_login(tom_teamleider)
    teller = iter(range(1000))

    def pagina():
        assert client.get(URL, PERIODE).status_code == 200
        cache.clear()  # the public figures are cached: count the computation itself
        assert client.get("/prestaties/").status_code == 200

    def groei():
        for kanaal, prod in [(telefoon, product), (balie, ander_product)]:
            n = next(teller)
            cm = ContactmomentFactory(
                klant=klant, kanaal=kanaal, gestart_op=moment(MA.replace(day=2 + n % 15))
            )
            VraagFactory(contactmoment=cm, product=prod)
            ContactverzoekFactory(contactmoment=cm, afdeling=prod.afdeling)
            ZaakFactory(product=prod, afgesloten_op=moment(MA))
            ZaakFactory(product=prod)
        services.kpi_periode_aggregeren(van=MA, tot=MA.replace(day=10))

    groei()
    assert_constant_queries(pagina, groei, label="rapportages en prestaties")
