"""The public catalogue in a real browser: product page and search results, axe-clean."""

import pytest

from tests.browser.conftest import axe_all_violations


def _schoon(page) -> None:
    violations = axe_all_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_product_page_and_search_results_are_accessible(page, live_server):
    from kcc.core.demo import DemoReport
    from productcatalogus import demo

    report = DemoReport()
    demo.load(report, production=False)
    demo.load_catalogus(report, production=False)

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
