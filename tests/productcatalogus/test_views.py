"""Public catalogue pages and the console kennisbank: access, content, query counts."""

import re

import pytest
from django.test import Client

from tests.factories import AfdelingFactory
from tests.productcatalogus.factories import (
    ComponentFactory,
    ProductFactory,
    StatustypeFactory,
    VACFactory,
)
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_product_page_is_public_and_publishes_the_norm():
    product = ProductFactory(naam="Paspoort", servicenorm_werkdagen=5, doorlooptijd_werkdagen=8)
    StatustypeFactory(product=product, volgnummer=1, publieke_tekst="We hebben het ontvangen.")
    response = Client().get(f"/producten/{product.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "binnen 5 werkdagen" in html
    assert "8 werkdagen" in html
    assert "We hebben het ontvangen." in html


def test_product_page_links_to_online_request_and_desk_appointment():
    product = ProductFactory(naam="Parkeervergunning", soort="aanvraag")
    html = Client().get(f"/producten/{product.slug}/").content.decode()
    assert f'href="/mijn/aanvragen/product/{product.slug}/"' in html
    assert f'href="/vraag/afspraak/?product={product.slug}"' in html
    # The booking page comes with this product chosen.
    boeken = Client().get(f"/vraag/afspraak/?product={product.slug}").content.decode()
    assert "Afspraak maken voor Parkeervergunning" in boeken


def test_product_page_offers_only_the_ways_the_product_has():
    informatie = ProductFactory(soort="informatie", kanalen=["webformulier", "telefoon"])
    html = Client().get(f"/producten/{informatie.slug}/").content.decode()
    assert "online regelen" not in html and "/vraag/afspraak/" not in html
    alleen_balie = ProductFactory(soort="aanvraag", kanalen=["balie"])
    html = Client().get(f"/producten/{alleen_balie.slug}/").content.decode()
    assert "online regelen" not in html and "Maak een afspraak aan de balie" in html


def test_inactive_product_and_internal_vac_are_404():
    assert Client().get(f"/producten/{ProductFactory(inactief=True).slug}/").status_code == 404
    intern = VACFactory(intern=True)
    assert Client().get(f"/producten/vragen/{intern.slug}/").status_code == 404
    assert Client().get(f"/producten/vragen/{VACFactory().slug}/").status_code == 200


def test_life_event_page_shows_conditions():
    component = ComponentFactory(voorwaarde_vraag="Heeft u een auto?", voorwaarde_code="heeft_auto")
    response = Client().get(f"/producten/levensgebeurtenissen/{component.levensgebeurtenis.slug}/")
    assert response.status_code == 200
    assert "Heeft u een auto?" in response.content.decode()


def test_search_page_works_without_javascript(demo_catalogus):
    response = Client().get("/producten/zoeken/", {"q": "hond aanmelden"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_q"' in html  # labelled input
    lijst = re.search(r'<ol class="kcc-resultaten">(.*?)</ol>', html, re.S).group(1)
    titels = re.findall(r'<h3 class="[^"]*kcc-resultaat__titel"><a [^>]*>([^<]+)</a>', lijst)
    assert titels and titels[0] == "Hondenbelasting", titels[:3]


def test_catalogue_filters_by_theme_and_audience(demo_catalogus):
    html = Client().get("/producten/", {"thema": "A1", "doelgroep": "burger"}).content.decode()
    assert "Paspoort" in html
    assert "Hondenbelasting" not in html


def test_kennisbank_in_console_for_staff(personas):
    intern = VACFactory(intern=True, vraag="Interne instructie")
    for persona, user in personas.items():
        client = Client()
        client.force_login(user)
        response = client.get(f"/console/kennisbank/vac/{intern.pk}/")
        verwacht = 403 if persona == "functioneel_beheerder" else 200
        assert response.status_code == verwacht, persona
    anoniem = Client().get(f"/console/kennisbank/vac/{intern.pk}/")
    assert anoniem.status_code == 302


def test_citizen_cannot_open_the_kennisbank():
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="burger", burger=True))
    assert client.get(f"/console/kennisbank/vac/{VACFactory(intern=True).pk}/").status_code == 403


def test_list_pages_have_constant_queries():
    afdeling = AfdelingFactory()

    def groei():
        for _ in range(3):
            product = ProductFactory(afdeling=afdeling)
            ComponentFactory(product=product)
            VACFactory(afdeling=afdeling, producten=[product])

    groei()
    client = Client()
    assert_constant_queries(lambda: client.get("/producten/"), groei, label="catalogus")
    assert_constant_queries(
        lambda: client.get("/producten/zoeken/", {"q": "product"}), groei, label="zoeken"
    )
    product = ProductFactory(afdeling=afdeling)

    def meer_bij_product():
        VACFactory(afdeling=afdeling, producten=[product])
        StatustypeFactory(product=product)
        ComponentFactory(product=product)

    assert_constant_queries(
        lambda: client.get(f"/producten/{product.slug}/"), meer_bij_product, label="product"
    )


# --- Beheer: preview of the product page as the citizen sees it -----------------------------


def _voorbeeld_url(product) -> str:
    from django.urls import reverse

    return reverse("admin:productcatalogus_product_voorbeeld", args=[product.pk])


@pytest.mark.parametrize(
    ("kenmerken", "melding"),
    [
        ({}, "VOORBEELD_GEPUBLICEERD"),
        ({"inactief": True}, "VOORBEELD_NIET_ACTIEF"),
        ({"publicatie_vanaf": "2999-01-01"}, "VOORBEELD_NIET_GEPUBLICEERD"),
    ],
)
def test_beheer_preview_shows_any_product_with_its_publication_state(
    fenna_beheer, kenmerken, melding
):
    from productcatalogus import views

    product = ProductFactory(naam="Nieuw product", servicenorm_werkdagen=7, **kenmerken)
    StatustypeFactory(product=product, volgnummer=1, publieke_tekst="Ontvangen, dank u.")
    client = Client()
    client.force_login(fenna_beheer)
    response = client.get(_voorbeeld_url(product))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Nieuw product" in html and "binnen 7 werkdagen" in html
    assert "Ontvangen, dank u." in html and getattr(views, melding) in html
    assert 'name="robots" content="noindex"' in html
    if kenmerken:
        assert Client().get(product.get_absolute_url()).status_code == 404


def test_beheer_preview_link_in_the_admin(fenna_beheer):
    product = ProductFactory(inactief=True)
    client = Client()
    client.force_login(fenna_beheer)
    page = client.get(f"/beheer/productcatalogus/product/{product.pk}/change/").content.decode()
    assert _voorbeeld_url(product) in page and "Bekijk als burger" in page


def test_beheer_preview_only_for_functioneel_beheerder(personas, fenna_beheer):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    product = ProductFactory(inactief=True)
    url = _voorbeeld_url(product)
    anoniem = Client().get(url)
    assert anoniem.status_code == 302 and "/beheer/login/" in anoniem["Location"]
    for persona, user in personas.items():
        client = Client()
        client.force_login(user)
        verwacht = 200 if persona == "functioneel_beheerder" else 302  # admin: staff only
        assert client.get(url).status_code == verwacht, persona
    # Staff flag but another role: the role check refuses.
    kim_staf = UserFactory(username="kim-staf", rol=roles.KCC_MEDEWERKER, is_staff=True)
    client = Client()
    client.force_login(kim_staf)
    assert client.get(url).status_code == 403
    burger = UserFactory(username="burger-v", burger=True)
    client.force_login(burger)
    assert client.get(url).status_code == 302
    client.force_login(fenna_beheer)
    assert client.get(url.replace(f"/{product.pk}/", "/999999/")).status_code == 404


def test_kennisbank_vac_in_console_constant_queries(kim_kcc):
    from productcatalogus.models import VACVersie

    vac = VACFactory(intern=True)
    client = Client()
    client.force_login(kim_kcc)

    def groei():
        vac.producten.add(*[ProductFactory(afdeling=vac.afdeling) for _ in range(3)])
        begin = vac.versies.count()
        VACVersie.objects.bulk_create(
            VACVersie(vac=vac, versie=begin + i, gewijzigd_door=kim_kcc, wijzigingen={"vraag": 1})
            for i in range(1, 4)
        )

    groei()
    assert_constant_queries(
        lambda: client.get(f"/console/kennisbank/vac/{vac.pk}/"), groei, label="kennisbank vac"
    )


def test_beheer_url_velden_nemen_https_aan(fenna_beheer):
    """The URL fields of beheer take an address without a scheme as https (no Django 6
    deprecation warning either)."""
    import warnings

    from django.utils.deprecation import RemovedInDjango60Warning

    from productcatalogus.models import SdgInformatiegebied

    product = ProductFactory()
    gebied = SdgInformatiegebied.objects.create(code="A1", naam="Reizen binnen de Unie")
    client = Client()
    client.force_login(fenna_beheer)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango60Warning)
        for pad in (
            f"/beheer/productcatalogus/product/{product.pk}/change/",
            f"/beheer/productcatalogus/organisatie/{product.organisatie_id}/change/",
            f"/beheer/productcatalogus/sdginformatiegebied/{gebied.pk}/change/",
        ):
            assert client.get(pad).status_code == 200, pad
    from productcatalogus.admin import ProductAdmin
    from productcatalogus.models import Product

    veld = ProductAdmin(Product, None).formfield_for_dbfield(
        Product._meta.get_field("upl_uri"), request=None
    )
    assert veld.clean("standaarden.overheid.nl/owms/terms/paspoort") == (
        "https://standaarden.overheid.nl/owms/terms/paspoort"
    )
