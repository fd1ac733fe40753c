"""The catalogue API: open reads, beheer-only writes, search, query counts."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from productcatalogus.api.views import FOUT_ZOEKVRAAG_LEEG
from productcatalogus.models import VAC, Product
from tests.factories import AfdelingFactory
from tests.productcatalogus.factories import (
    ComponentFactory,
    ProductFactory,
    StatustypeFactory,
    VACFactory,
)
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def _client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_zoeken_contract(demo_catalogus):
    response = _client().get("/api/v1/zoeken/", {"q": "paspoort verlopen"})
    assert response.status_code == 200
    eerste = response.json()["resultaten"][0]
    assert eerste["type"] == "product"
    assert eerste["titel"] == "Paspoort"
    assert eerste["samenvatting"]
    assert eerste["url"] == "http://testserver/producten/paspoort/"


def test_zoeken_without_q_is_a_dutch_400():
    response = _client().get("/api/v1/zoeken/")
    assert response.status_code == 400
    assert response.json()["q"] == [FOUT_ZOEKVRAAG_LEEG]
    assert _client().get("/api/v1/zoeken/", {"q": "x", "doelgroep": "kat"}).status_code == 400


def test_zoeken_shows_internal_vacs_to_staff_only(kim_kcc):
    VACFactory(vraag="Interne werkinstructie adresonderzoek", intern=True)
    anoniem = _client().get("/api/v1/zoeken/", {"q": "adresonderzoek"}).json()
    assert anoniem["resultaten"] == []
    medewerker = _client(kim_kcc).get("/api/v1/zoeken/", {"q": "adresonderzoek"}).json()
    assert medewerker["resultaten"][0]["type"] == "vac"


def test_public_product_list_filtered_and_paginated():
    burger = ProductFactory(naam="Paspoort", voor_burger=True)
    ProductFactory(naam="Handelsregister", voor_burger=False, voor_bedrijf=True)
    ProductFactory(naam="Verborgen", inactief=True)
    data = _client().get("/api/v1/producten/", {"doelgroep": "burger"}).json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == burger.slug
    assert "next" in data
    assert _client().get(f"/api/v1/producten/{burger.slug}/").status_code == 200


def test_inactive_product_detail_not_public():
    verborgen = ProductFactory(inactief=True)
    assert _client().get(f"/api/v1/producten/{verborgen.slug}/").status_code == 404


def test_vacs_public_for_anonymous_internal_for_staff(kim_kcc):
    publiek = VACFactory()
    intern = VACFactory(intern=True)
    anoniem = {v["id"] for v in _client().get("/api/v1/vacs/").json()["results"]}
    assert anoniem == {publiek.pk}
    assert _client().get(f"/api/v1/vacs/{intern.pk}/").status_code == 404
    staf = {v["id"] for v in _client(kim_kcc).get("/api/v1/vacs/").json()["results"]}
    assert staf == {publiek.pk, intern.pk}


def _product_invoer(afdeling):
    return {
        "naam": "Huwelijk",
        "samenvatting": "Trouwen in het stadhuis.",
        "organisatie": afdeling.organisatie.code,
        "afdeling": afdeling.code,
        "servicenorm_werkdagen": 10,
        "kanalen": ["balie", "webformulier"],
        "intake": [{"code": "datum", "vraag": "Wanneer wilt u trouwen?", "type": "datum"}],
    }


def test_write_refused_for_anonymous_and_kcc_medewerker(kim_kcc, afdeling_burgerzaken):
    invoer = _product_invoer(afdeling_burgerzaken)
    assert _client().post("/api/v1/producten/", invoer, format="json").status_code in (401, 403)
    assert _client(kim_kcc).post("/api/v1/producten/", invoer, format="json").status_code == 403
    product = ProductFactory()
    response = _client(kim_kcc).patch(
        f"/api/v1/producten/{product.slug}/", {"naam": "X"}, format="json"
    )
    assert response.status_code == 403
    vac = VACFactory()
    assert _client(kim_kcc).patch(f"/api/v1/vacs/{vac.pk}/", {"vraag": "X?"}).status_code == 403
    assert not Product.objects.filter(naam__in=["Huwelijk", "X"]).exists()


def test_functioneel_beheerder_creates_and_updates(fenna_beheer, afdeling_burgerzaken):
    client = _client(fenna_beheer)
    response = client.post(
        "/api/v1/producten/", _product_invoer(afdeling_burgerzaken), format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "huwelijk"
    response = client.patch(
        "/api/v1/producten/huwelijk/", {"servicenorm_werkdagen": 5}, format="json"
    )
    assert response.status_code == 200
    assert Product.objects.get(slug="huwelijk").servicenorm_werkdagen == 5

    response = client.post(
        "/api/v1/vacs/",
        {
            "vraag": "Kan ik op zaterdag trouwen?",
            "antwoord": "<p>Ja.</p><script>x</script>",
            "organisatie": afdeling_burgerzaken.organisatie.code,
            "afdeling": afdeling_burgerzaken.code,
            "producten": ["huwelijk"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    vac = VAC.objects.get(pk=response.json()["id"])
    assert vac.antwoord == "<p>Ja.</p>"
    assert vac.versies.get().gewijzigd_door == fenna_beheer


def test_bad_write_input_is_a_400_in_dutch(fenna_beheer, afdeling_burgerzaken):
    invoer = _product_invoer(afdeling_burgerzaken) | {"afdeling": "bestaat-niet"}
    response = _client(fenna_beheer).post("/api/v1/producten/", invoer, format="json")
    assert response.status_code == 400
    assert "bestaat niet" in response.json()["afdeling"][0]
    invoer = _product_invoer(afdeling_burgerzaken) | {"kanalen": ["duif"]}
    assert (
        _client(fenna_beheer).post("/api/v1/producten/", invoer, format="json").status_code == 400
    )


def test_list_endpoints_have_constant_queries(kim_kcc):
    afdeling = AfdelingFactory()

    def groei():
        for _ in range(3):
            product = ProductFactory(afdeling=afdeling)
            StatustypeFactory(product=product)
            ComponentFactory(product=product)
            VACFactory(afdeling=afdeling, producten=[product])

    groei()
    for url in ("/api/v1/producten/", "/api/v1/levensgebeurtenissen/", "/api/v1/vacs/"):
        assert_constant_queries(lambda url=url: _client(kim_kcc).get(url), groei, label=url)
    assert_constant_queries(
        lambda: _client().get("/api/v1/zoeken/", {"q": "product"}), groei, label="zoeken"
    )


def test_schema_lists_the_catalogue():
    schema = Client().get("/api/v1/schema/?format=json").json()
    for pad in ("/api/v1/zoeken/", "/api/v1/producten/", "/api/v1/vacs/{id}/"):
        assert pad in schema["paths"], pad
