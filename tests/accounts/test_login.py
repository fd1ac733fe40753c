import pytest
from django.core.cache import cache
from django.test import Client

from kcc.accounts.adapters import FOUT_INLOGGEN, TE_VAAK_FOUT
from tests.factories import TEST_WACHTWOORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _login(client, login, password):
    return client.post("/accounts/login/", {"login": login, "password": password})


def test_kcc_medewerker_logs_in_and_lands_in_console(client, kim_kcc):
    response = _login(client, "kim", TEST_WACHTWOORD)
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == "/console/"
    assert response.status_code == 200


def test_login_by_email(client, kim_kcc):
    response = _login(client, kim_kcc.email, TEST_WACHTWOORD)
    assert response.status_code == 302


def test_backoffice_lands_in_backoffice(client, bo_burgerzaken):
    _login(client, "bo", TEST_WACHTWOORD)
    response = client.get("/start/", follow=True)
    assert response.redirect_chain[-1][0] == "/backoffice/"


def test_wrong_password_gives_dutch_message(client, kim_kcc):
    response = _login(client, "kim", "fout")
    assert response.status_code == 200
    assert FOUT_INLOGGEN in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_are_throttled(client, kim_kcc):
    for _ in range(5):
        _login(client, "kim", "fout")
    response = _login(client, "kim", TEST_WACHTWOORD)
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert TE_VAAK_FOUT in response.content.decode()


def test_citizen_account_cannot_use_staff_login(db):
    UserFactory(username="burger1", burger=True)
    client = Client()
    response = _login(client, "burger1", TEST_WACHTWOORD)
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 403)


def test_signup_is_closed(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert "gesloten" in response.content.decode().lower()


def test_password_reset_sends_mail(client, kim_kcc, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": kim_kcc.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert kim_kcc.email in mailoutbox[0].to


def test_mfa_required_redirects_staff_without_totp(client, kim_kcc, settings):
    settings.KCC_MFA_REQUIRED = True
    client.force_login(kim_kcc)
    response = client.get("/console/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")
