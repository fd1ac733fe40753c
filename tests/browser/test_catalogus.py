"""The public catalogue in a real browser: every kind of page axe-clean (all impact levels),
logged out and logged in as a citizen; search results lead to the right product."""

import pytest

from tests.browser.conftest import axe_all_violations

PAGINAS = (
    "/producten/",
    "/producten/?pagina=2",
    "/producten/?doelgroep=bedrijf",
    "/producten/?thema=A1",
    "/producten/paspoort/",
    "/producten/correctie-persoonsgegevens/",
    "/producten/levensgebeurtenissen/verhuizen/",
    "/producten/levensgebeurtenissen/bedrijf-starten/",
    "/producten/vragen/paspoort-verlopen-wat-nu/",
    "/producten/zoeken/",
    "/producten/zoeken/?q=hond+aanmelden",
    "/producten/zoeken/?q=xyzzy-niets",
)


def _schoon(page) -> None:
    violations = axe_all_violations(page)
    assert violations == [], [
        (page.url, v["id"], v["help"], v["nodes"][0]["html"]) for v in violations
    ]


def _demo() -> None:
    from kcc.core.demo import DemoReport
    from productcatalogus import demo

    report = DemoReport()
    demo.load(report, production=False)
    demo.load_catalogus(report, production=False)


@pytest.mark.django_db(transaction=True)
def test_product_page_and_search_results_are_accessible(page, live_server):
    _demo()
    page.goto(f"{live_server.url}/producten/paspoort/")
    assert page.locator("h1").inner_text() == "Paspoort"
    assert "binnen 5 werkdagen" in page.locator("main").inner_text()
    _schoon(page)

    page.goto(f"{live_server.url}/producten/zoeken/")
    page.get_by_label("Waar zoekt u naar?").fill("parkeervergunnig")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/producten/zoeken/?q=parkeervergunnig*")
    eerste = page.locator(".kcc-resultaat__titel a").first
    assert eerste.inner_text() == "Parkeervergunning"
    _schoon(page)

    eerste.click()
    page.wait_for_url("**/producten/parkeervergunning/")
    _schoon(page)


@pytest.mark.django_db(transaction=True)
def test_every_catalogue_page_logged_out_and_logged_in(page, live_server):
    from django.core.cache import cache

    cache.clear()
    _demo()
    for pad in PAGINAS:
        page.goto(live_server.url + pad)
        _schoon(page)
    page.goto(f"{live_server.url}/inloggen/simulator/")
    page.get_by_label("Demopersoon").first.select_option("999993008")
    page.get_by_role("button", name="Inloggen als inwoner").click()
    page.get_by_role("heading", name="Mijn overzicht").wait_for()
    for pad in PAGINAS:
        page.goto(live_server.url + pad)
        assert page.get_by_role("button", name="Uitloggen").is_visible(), pad
        _schoon(page)
