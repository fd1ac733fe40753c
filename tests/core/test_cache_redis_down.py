"""Redis (the production cache) unreachable: logins, portal forms and the web form still work.

The cache points at a closed local port, as when Redis is stopped.
"""

import logging

import pytest
from django.core.cache import cache
from django.test import Client

from kanalen.inbox.models import InkomendBericht
from kcc.core import cache as kcc_cache
from tests.factories import TEST_WACHTWOORD
from tests.portaal.conftest import jan  # noqa: F401 - the portal persona

pytestmark = pytest.mark.django_db

# Nothing listens on port 1 of this machine.
REDIS_WEG = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def redis_weg(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "kcc.core.cache.FailSoftRedisCache",
            "LOCATION": REDIS_WEG,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    yield


def test_cache_answers_as_empty_and_warns_once(caplog, monkeypatch):
    caplog.set_level(logging.WARNING, logger="kcc.core.cache")
    assert cache.get("x", "standaard") == "standaard"
    assert cache.add("slot", 1, 60) is True
    cache.set("x", 1)
    with pytest.raises(ValueError):
        cache.incr("x")
    assert cache.get_or_set("y", 5) == 5
    meldingen = [r for r in caplog.records if "niet bereikbaar" in r.getMessage()]
    assert len(meldingen) == 1  # then no new attempt (and no new warning) for a while
    # After the retry interval it tries Redis again (and warns again while still down).
    monkeypatch.setattr(kcc_cache, "RETRY_SECONDEN", 0.0)
    cache._storing_tot = 0.0
    cache.get("x")
    cache.get("x")
    assert len([r for r in caplog.records if "niet bereikbaar" in r.getMessage()]) == 3


def test_medewerker_logs_in(kim_kcc):
    client = Client()
    response = client.post("/accounts/login/", {"login": "kim", "password": TEST_WACHTWOORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(kim_kcc.pk)


def test_wrong_password_still_a_dutch_message(kim_kcc):
    from kcc.accounts.adapters import FOUT_INLOGGEN

    response = Client().post("/accounts/login/", {"login": "kim", "password": "fout"})
    assert response.status_code == 200
    assert FOUT_INLOGGEN in response.content.decode()


def test_portal_post(jan):  # noqa: F811
    client = Client()
    client.force_login(jan)
    response = client.post("/mijn/gegevens/voorkeur/", {"voorkeurskanaal": "email"})
    assert response.status_code in (200, 302), response.status_code
    jan.klant.refresh_from_db()
    assert jan.klant.voorkeurskanaal == "email"


def test_web_form():
    response = Client().post(
        "/vraag/",
        {
            "naam": "Jan Jansen",
            "email": "jan@example.nl",
            "onderwerp": "Afval",
            "vraag": "Wanneer wordt het grofvuil opgehaald?",
            "website": "",
        },
    )
    assert response.status_code == 302
    assert InkomendBericht.objects.count() == 1


def test_public_figures_without_cache(db):
    assert Client().get("/prestaties/").status_code == 200


def test_one_redis_client_per_connection_pool():
    """Cache calls share one redis.Redis per pool instead of building one per call."""
    from kcc.core.cache import _EenClientPerPool

    client = _EenClientPerPool(["redis://127.0.0.1:6399/0", "redis://127.0.0.1:6398/0"])
    schrijven = client.get_client(write=True)
    assert client.get_client(write=True) is schrijven
    lezen = client.get_client()  # reads go to the replica: its own pool, its own client
    assert lezen is not schrijven
    assert lezen.connection_pool is client._get_connection_pool(False)
