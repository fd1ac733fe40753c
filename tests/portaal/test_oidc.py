"""DigiD and eHerkenning through an OIDC broker: a real authorization-code round trip
through allauth's views, with the broker's HTTP endpoints served by ``responses``."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import responses
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from kcc.accounts.models import User
from kcc.portaal.models import PortaalIdentiteit
from kcc.portaal.services.identiteit import INLOGGEN_MISLUKT

BROKER = "https://broker.test/digid"
BROKER_EH = "https://broker.test/eherkenning"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _app(provider_id: str, server_url: str) -> dict:
    return {
        "provider_id": provider_id,
        "name": provider_id,
        "client_id": f"kcc-{provider_id}",
        "secret": "geheim",
        "settings": {"server_url": server_url, "fetch_userinfo": True},
    }


@pytest.fixture
def brokers(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {"APPS": [_app("digid", BROKER), _app("eherkenning", BROKER_EH)]}
    }
    settings.KCC_OIDC_BSN_CLAIM = "urn:nl:bsn"
    settings.KCC_OIDC_KVK_CLAIM = "kvk"


def _broker(rsps, base: str, client_id: str, claims: dict) -> None:
    jwk = json.loads(RSAAlgorithm.to_jwk(KEY.public_key()))
    jwk.update({"kid": "sleutel-1", "use": "sig", "alg": "RS256"})
    rsps.get(
        f"{base}/.well-known/openid-configuration",
        json={
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
        },
    )
    # allauth skips the signature check for an ID token it fetched itself over TLS
    # (OIDC Core 3.1.3.7), so the key set may go unused; the broker still serves it.
    rsps.get(f"{base}/jwks", json={"keys": [jwk]})
    now = int(time.time())
    id_token = jwt.encode(
        {
            "iss": base,
            "aud": client_id,
            "iat": now,
            "exp": now + 300,
            "acr": "urn:substantieel",
            **claims,
        },
        KEY,
        algorithm="RS256",
        headers={"kid": "sleutel-1"},
    )
    rsps.post(
        f"{base}/token",
        json={
            "access_token": "toegang",
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        },
    )
    rsps.get(f"{base}/userinfo", json=claims)


def _round_trip(client, provider_id: str):
    response = client.post(f"/accounts/oidc/{provider_id}/login/", {"next": "/mijn/"})
    assert response.status_code == 302
    authorize = urlparse(response["Location"])
    query = parse_qs(authorize.query)
    assert query["client_id"] == [f"kcc-{provider_id}"]
    state = query["state"][0]
    return client.get(
        f"/accounts/oidc/{provider_id}/login/callback/", {"code": "autorisatiecode", "state": state}
    )


def test_digid_login_creates_burger_with_bsn(db, client, brokers):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _broker(rsps, BROKER, "kcc-digid", {"sub": "abc-123", "urn:nl:bsn": "999993008"})
        response = _round_trip(client, "digid")
        token_call = next(c for c in rsps.calls if c.request.url.endswith("/token"))
        assert "code=autorisatiecode" in token_call.request.body
    assert response.status_code == 302, response.content
    assert response["Location"] == "/mijn/"
    user = User.objects.get(portaal_identiteit__bsn="999993008")
    assert user.soort == User.Soort.BURGER
    assert not user.has_usable_password()
    assert "999993008" not in user.username
    identiteit = user.portaal_identiteit
    assert identiteit.bron == PortaalIdentiteit.Bron.OIDC
    assert identiteit.niveau == "urn:substantieel"
    assert client.get("/mijn/").status_code == 200


def test_second_login_with_other_subject_reuses_account(db, client, brokers):
    for sub in ("eerste", "tweede"):
        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            _broker(rsps, BROKER, "kcc-digid", {"sub": sub, "urn:nl:bsn": "999993021"})
            _round_trip(client, "digid")
        client.post("/uitloggen/")
    assert PortaalIdentiteit.objects.filter(bsn="999993021").count() == 1
    assert User.objects.filter(soort=User.Soort.BURGER).count() == 1


def test_eherkenning_login_creates_ondernemer(db, client, brokers):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _broker(rsps, BROKER_EH, "kcc-eherkenning", {"sub": "eh-1", "kvk": "69599084"})
        response = _round_trip(client, "eherkenning")
    assert response.status_code == 302
    user = User.objects.get(portaal_identiteit__kvk_nummer="69599084")
    assert user.soort == User.Soort.ONDERNEMER


def test_missing_or_invalid_bsn_refuses_login(db, client, brokers):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        _broker(rsps, BROKER, "kcc-digid", {"sub": "zonder-bsn", "urn:nl:bsn": "123456789"})
        response = _round_trip(client, "digid")
    assert response.status_code == 403
    assert INLOGGEN_MISLUKT in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(soort=User.Soort.BURGER).exists()


def test_login_page_offers_configured_brokers(db, client, brokers):
    page = client.get("/inloggen/").content.decode()
    assert 'action="/accounts/oidc/digid/login/"' in page
    assert 'action="/accounts/oidc/eherkenning/login/"' in page
