import time_machine
from django.test import Client
from django.urls import reverse

from kcc.accounts.models import User
from kcc.portaal import sessie
from kcc.portaal.forms import KIES_EEN
from kcc.portaal.models import PortaalIdentiteit
from kcc.portaal.ratelimit import TE_VAAK
from klanten.validators import BSN_ONGELDIG

SIMULATOR = "/inloggen/simulator/"


def test_simulator_logs_in_demo_person_as_burger(db, client):
    response = client.get(SIMULATOR)
    assert "Dit is een simulator — geen echte DigiD" in response.content.decode()
    response = client.post(SIMULATOR, {"middel": "digid", "digid-demo": "999993008"})
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    user = User.objects.get(portaal_identiteit__bsn="999993008")
    assert user.soort == User.Soort.BURGER
    assert not user.has_usable_password()
    assert "999993008" not in user.username
    assert client.get("/mijn/").status_code == 200


def test_simulator_same_bsn_gives_same_account(db):
    for _ in range(2):
        Client().post(SIMULATOR, {"middel": "digid", "digid-bsn": "999993021"})
    assert PortaalIdentiteit.objects.filter(bsn="999993021").count() == 1


def test_simulator_checks_elfproef_and_choice(db, client):
    response = client.post(SIMULATOR, {"middel": "digid", "digid-bsn": "123456789"})
    assert BSN_ONGELDIG in response.content.decode()
    response = client.post(SIMULATOR, {"middel": "digid"})
    assert KIES_EEN in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_simulator_ehherkenning_logs_in_ondernemer(db, client):
    client.post(SIMULATOR, {"middel": "eherkenning", "eherkenning-demo": "69599084"})
    user = User.objects.get(portaal_identiteit__kvk_nummer="69599084")
    assert user.soort == User.Soort.ONDERNEMER


def test_simulator_only_next_on_own_site(db, client):
    response = client.post(
        SIMULATOR, {"middel": "digid", "digid-demo": "999993008", "next": "https://evil.test/"}
    )
    assert response["Location"] == "/mijn/"


def test_simulator_off_gives_404(db, client, settings):
    settings.KCC_DIGID_SIMULATOR = False
    assert client.get(SIMULATOR).status_code == 404
    assert client.post(SIMULATOR, {"middel": "digid", "digid-demo": "999993008"}).status_code == 404
    page = client.get("/inloggen/").content.decode()
    assert "simulator" not in page.lower()


def test_anonymous_goes_to_portal_login(db, client):
    response = client.get("/mijn/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=/mijn/")


def test_staff_may_not_use_portal(kim_kcc, client):
    client.force_login(kim_kcc)
    assert client.get("/mijn/").status_code == 403
    assert client.get("/mijn/gegevens/").status_code == 403


def test_logout(jan_client):
    response = jan_client.post("/uitloggen/")
    assert response.status_code == 302
    assert "_auth_user_id" not in jan_client.session


def test_idle_timeout_after_15_minutes(jan_client):
    with time_machine.travel(0, tick=False) as traveller:
        traveller.move_to("2026-03-02 10:00:00+01:00")
        assert jan_client.get("/mijn/").status_code == 200
        traveller.shift(14 * 60)
        assert jan_client.get("/mijn/").status_code == 200  # activity resets the clock
        traveller.shift(14 * 60)
        assert jan_client.post("/mijn/sessie/verlengen/").status_code == 204
        traveller.shift(15 * 60 + 1)
        response = jan_client.get("/mijn/")
        assert response.status_code == 302 and response["Location"] == reverse("portaal:inloggen")
        assert "_auth_user_id" not in jan_client.session
        page = jan_client.get(response["Location"]).content.decode()
        assert sessie.MELDING_INACTIEF in page


def test_absolute_lifetime(jan_client):
    with time_machine.travel(0, tick=False) as traveller:
        traveller.move_to("2026-03-02 10:00:00+01:00")
        jan_client.get("/mijn/")
        for _ in range(int(sessie.SESSIE_MAX_SECONDEN / 600)):
            traveller.shift(600)
            jan_client.post("/mijn/sessie/verlengen/")
        traveller.shift(601)
        response = jan_client.get("/mijn/")
        assert response.status_code == 302
        assert "_auth_user_id" not in jan_client.session


def test_session_warning_markup_and_script(jan_client):
    page = jan_client.get("/mijn/").content.decode()
    assert 'data-inactief="900"' in page and 'data-waarschuwing="120"' in page
    assert "kcc/portaal.js" in page
    assert "/mijn/sessie/verlengen/" in page


def test_ping_needs_post(jan_client):
    assert jan_client.get("/mijn/sessie/verlengen/").status_code == 405


def test_simulator_rate_limited(db, client):
    for _ in range(20):
        client.post(SIMULATOR, {"middel": "digid", "digid-bsn": "1"})
    response = client.post(SIMULATOR, {"middel": "digid", "digid-bsn": "1"})
    assert response.status_code == 429
    assert TE_VAAK in response.content.decode()
