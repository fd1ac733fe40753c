"""Bad input gives a Dutch message at the field (form error or 400), never a 500."""

import re

import pytest

from kanalen.models import Contactmoment
from kanalen.services import AFDELING_ONBEKEND, ONBEKENDE_VAC, ORGANISATIE_ONBEKEND
from tests.factories import OrganisatieFactory
from tests.klanten.clients import api as _api
from tests.klanten.clients import ingelogd as _client
from tests.klanten.factories import KlantFactory

pytestmark = pytest.mark.django_db

TE_GROOT = 10**20  # more than any database integer holds


def _post_cm(client, **extra):
    body = {
        "kanaal": "telefoon",
        "resultaat": "beantwoord",
        "vragen": [{"vraag": "V", "antwoord": "A"}],
        **extra,
    }
    return client.post("/api/v1/contactmomenten/", body, content_type="application/json")


def test_api_onbekende_organisatie_bij_doorverwijzen(kim_kcc, kanalen):
    client = _api(kim_kcc)
    for organisatie in (999_999, OrganisatieFactory(eigen=True).pk):
        response = _post_cm(client, resultaat="doorverwezen", doorverwezen_naar=organisatie)
        assert response.status_code == 400
        assert response.json()["doorverwezen_naar"] == [ORGANISATIE_ONBEKEND]
    assert not Contactmoment.objects.exists()


def test_api_onbekende_afdeling_bij_contactverzoek(kim_kcc, kanalen):
    response = _post_cm(
        _api(kim_kcc), resultaat="contactverzoek", afdeling=999_999, terugbel_telefoon="0612345678"
    )
    assert response.status_code == 400 and response.json()["afdeling"] == [AFDELING_ONBEKEND]
    assert not Contactmoment.objects.exists()


@pytest.mark.parametrize(
    "extra",
    [
        {"klant": TE_GROOT},
        {"vorig_contactmoment": TE_GROOT},
        {"vragen": [{"vraag": "V", "antwoord": "A", "vac": TE_GROOT}]},
        {"vragen": [{"vraag": "V", "antwoord": "A", "product": TE_GROOT}]},
        {"resultaat": "doorverwezen", "doorverwezen_naar": TE_GROOT},
        {"resultaat": "contactverzoek", "afdeling": TE_GROOT, "terugbel_telefoon": "0612345678"},
    ],
)
def test_api_te_groot_id_geeft_400(kim_kcc, kanalen, extra):
    response = _post_cm(_api(kim_kcc), **extra)
    assert response.status_code == 400, response.content
    assert not Contactmoment.objects.exists()


def test_console_te_groot_vac_id_melding_in_formulier(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _client(kim_kcc)
    html = client.get(f"/console/klanten/{klant.pk}/").content.decode()
    gestart = re.search(r'name="gestart_op" value="([^"]+)"', html).group(1)
    response = client.post(
        f"/console/klanten/{klant.pk}/contact/",
        {
            "gestart_op": gestart,
            "kanaal": "telefoon",
            "resultaat": "beantwoord",
            "vragen-TOTAL_FORMS": "1",
            "vragen-INITIAL_FORMS": "0",
            "vragen-0-vraag": "V",
            "vragen-0-antwoord": "A",
            "vragen-0-vac": str(TE_GROOT),
        },
    )
    assert response.status_code == 200 and ONBEKENDE_VAC in response.content.decode()
    assert not Contactmoment.objects.exists()


def test_verwerkingen_te_groot_klantnummer(tom_teamleider):
    response = _client(tom_teamleider).get("/console/regie/verwerkingen/", {"klant": TE_GROOT})
    assert response.status_code == 200
    assert response.context["form"].errors["klant"]


def test_samenvoegen_te_groot_klantnummer(tom_teamleider):
    klant = KlantFactory()
    response = _client(tom_teamleider).get(
        f"/console/klanten/{klant.pk}/samenvoegen/", {"opheffen": TE_GROOT}
    )
    assert response.status_code == 200 and response.context["form"].errors["opheffen"]


def test_te_groot_klantnummer_in_adres_is_404(kim_kcc):
    assert _client(kim_kcc).get(f"/console/klanten/{TE_GROOT}/").status_code == 404


def test_uit_register_zoekterm_wordt_geescaped(kim_kcc):
    response = _client(kim_kcc).post(
        "/console/klanten/uit-register/", {"bron": "brp", "sleutel": "12 34&kanaal=x#y"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/console/klanten/zoeken/?q=12+34%26kanaal%3Dx%23y"
