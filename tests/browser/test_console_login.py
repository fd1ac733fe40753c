import pytest

from tests.browser.conftest import axe_all_violations, axe_serious_violations, login
from tests.factories import TEST_WACHTWOORD


@pytest.mark.django_db(transaction=True)
def test_kcc_medewerker_logs_in_and_console_is_accessible(page, live_server, kim_kcc):
    login(page, live_server, "kim", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/")
    assert page.locator("h1").count() == 1
    assert "Goedendag" in page.locator("h1").inner_text()
    violations = axe_serious_violations(page)
    assert violations == [], [(v["id"], v["help"]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_login_page_has_no_axe_violations_and_skip_link_works(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    violations = axe_all_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Naar de inhoud" in focused


@pytest.mark.django_db(transaction=True)
def test_wrong_password_shows_dutch_error(page, live_server, kim_kcc):
    from kcc.accounts.adapters import FOUT_INLOGGEN

    login(page, live_server, "kim", "niet-goed")
    assert page.get_by_role("alert").inner_text().strip() == FOUT_INLOGGEN
