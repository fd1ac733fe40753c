"""Chat in a real browser: both sides poll with htmx; no reload needed. Plus axe on the
inbox pages and the public question form."""

import pytest

from tests.browser.conftest import axe_serious_violations, login
from tests.factories import TEST_WACHTWOORD


def _geen_ernstige_axe(page) -> None:
    violations = axe_serious_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_chat_beide_kanten_zonder_herladen(browser, live_server, kim_kcc):
    from kanalen.inbox.models import InkomendBericht

    burger = browser.new_context(locale="nl-NL").new_page()
    burger.set_default_timeout(10_000)
    burger.goto(f"{live_server.url}/vraag/")
    _geen_ernstige_axe(burger)
    burger.goto(f"{live_server.url}/vraag/chat/")
    burger.get_by_label("Uw naam").fill("Ans")
    burger.get_by_label("Uw vraag").fill("Mag ik een schuur bouwen?")
    burger.get_by_role("button", name="Chat starten").click()
    burger.wait_for_url(f"{live_server.url}/vraag/chat/gesprek/")
    _geen_ernstige_axe(burger)
    item = InkomendBericht.objects.get()

    medewerker = browser.new_context(locale="nl-NL").new_page()
    medewerker.set_default_timeout(10_000)
    login(medewerker, live_server, "kim", TEST_WACHTWOORD)
    medewerker.wait_for_url(f"{live_server.url}/console/")
    medewerker.goto(f"{live_server.url}/console/inbox/")
    _geen_ernstige_axe(medewerker)
    medewerker.goto(f"{live_server.url}/console/inbox/{item.pk}/")
    medewerker.get_by_text("Mag ik een schuur bouwen?").first.wait_for()
    _geen_ernstige_axe(medewerker)
    medewerker.get_by_label("Uw bericht").fill("Tot 10 m2 zonder vergunning.")
    medewerker.get_by_label("Uw bericht").press("Enter")

    burger.locator("#chat-berichten").get_by_text("Tot 10 m2 zonder vergunning.").wait_for()
    burger.get_by_label("Uw bericht").fill("Dank u wel")
    burger.get_by_label("Uw bericht").press("Enter")
    medewerker.locator("#chat-berichten").get_by_text("Dank u wel").wait_for()
    assert burger.get_by_label("Uw bericht").input_value() == ""  # form emptied after send

    # The medewerker ends the chat: the citizen sees it without reload and stops polling.
    polls: list[str] = []
    burger.on(
        "request", lambda r: polls.append(r.url) if "/vraag/chat/berichten/" in r.url else None
    )
    medewerker.get_by_role("button", name="Chat beëindigen en vastleggen").click()
    medewerker.wait_for_url(f"{live_server.url}/console/inbox/")
    burger.locator("#chat-berichten").get_by_text("De chat is beëindigd").wait_for()
    na_einde = len(polls)
    burger.wait_for_timeout(5_000)
    assert len(polls) == na_einde  # htmx stopped on the 286 answer
    # A message sent after the end shows the Dutch reason (a 400 answer is swapped in).
    burger.get_by_label("Uw bericht").fill("Nog één vraag")
    burger.get_by_label("Uw bericht").press("Enter")
    burger.locator("#chat-berichten").get_by_text("Deze chat is beëindigd").wait_for()
    assert burger.get_by_label("Uw bericht").input_value() == "Nog één vraag"  # kept
    burger.context.close()
    medewerker.context.close()
