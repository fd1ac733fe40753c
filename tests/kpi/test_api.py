"""The public performance API: open to everyone, the same figures as the public page."""

import pytest
from django.urls import reverse

from kcc.kpi import selectors, services
from kcc.kpi.api.views import PrestatiesView
from tests.kpi.conftest import MA
from tests.kpi.factories import ContactmomentFactory, InkomendBerichtFactory, ZaakFactory, moment

pytestmark = pytest.mark.django_db

URL = "/api/v1/prestaties/"


def test_url():
    assert reverse("api:prestaties") == URL
    assert PrestatiesView.kcc_public is True


def test_anoniem_dezelfde_cijfers_als_de_pagina(client, klant, telefoon, balie, product):
    ContactmomentFactory(klant=klant, kanaal=telefoon, gestart_op=moment(MA))
    ContactmomentFactory(
        klant=klant, kanaal=balie, gestart_op=moment(MA), resultaat="doorverbonden"
    )
    ZaakFactory(product=product, afgesloten_op=moment(MA.replace(day=12)))
    InkomendBerichtFactory(ontvangen_op=moment(MA), beantwoord_op=moment(MA), status="beantwoord")
    services.kpi_periode_aggregeren(van=MA, tot=MA.replace(day=19))
    response = client.get(URL)
    assert response.status_code == 200
    data = response.json()
    pagina = selectors.publieke_prestaties()
    assert data["periode"] == {"van": str(pagina.filter.van), "tot": "2026-03-19"}
    assert data["eerste_contactoplossing"] == {
        "percentage": 50.0,
        "norm": 80,
        "gehaald": False,
        "totaal": 2,
        "opgelost": 1,
        "voorlopig_vanaf": "2026-03-13",
    }
    assert data["afgehandeld_binnen_servicenorm"] == {"percentage": 0.0, "aantal": 1, "binnen": 0}
    assert data["afgehandeld_binnen_wettelijke_termijn"] == {
        "percentage": 100.0,
        "aantal": 1,
        "binnen": 1,
    }
    assert data["reactie_binnen_norm"] == {"percentage": 100.0, "aantal": 1, "binnen": 1}
    assert data["volumes_per_kanaal"] == [
        {"kanaal": "telefoon", "naam": "Telefoon", "aantal": 1},
        {"kanaal": "balie", "naam": "Balie", "aantal": 1},
    ]
    assert "Jansen" not in response.content.decode()
    # the weekly trend, as on the page
    weken = {w["week"]: w for w in data["weken"]}
    assert len(data["weken"]) == len(pagina.weken)
    assert weken["2026-03-02"]["eerste_contactoplossing"]["totaal"] == 2
    assert weken["2026-03-02"]["eerste_contactoplossing"]["voorlopig_vanaf"] is None
    assert weken["2026-03-09"]["afgehandeld_binnen_servicenorm"] == {
        "percentage": 0.0,
        "aantal": 1,
        "binnen": 0,
    }
    assert weken["2026-03-16"]["eerste_contactoplossing"]["voorlopig_vanaf"] == "2026-03-16"


def test_ook_voor_ingelogde_medewerker(client, kim_kcc):
    client.force_login(kim_kcc)
    assert client.get(URL).status_code == 200


def test_in_het_openapi_schema(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operatie = schema["paths"][URL]["get"]
    assert operatie["operationId"] == "prestaties_lezen"
    ref = operatie["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/Prestaties")
    assert "eerste_contactoplossing" in schema["components"]["schemas"]["Prestaties"]["properties"]
