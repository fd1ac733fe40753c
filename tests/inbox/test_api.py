"""Inbox API: claim with exactly one winner, 409 for the loser."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kanalen.inbox import services
from tests.inbox.factories import InkomendBerichtFactory

pytestmark = pytest.mark.django_db


def _client(user=None):
    client = APIClient()
    if user:
        client.force_authenticate(user)
    return client


def test_claim_409_voor_verliezer(kim_kcc, tom_teamleider):
    bericht = InkomendBerichtFactory()
    url = f"/api/v1/inbox/berichten/{bericht.pk}/claimen"
    response = _client(kim_kcc).post(url)
    assert response.status_code == 200 and response.json()["behandelaar"] == "kim"
    response = _client(tom_teamleider).post(url)
    assert response.status_code == 409
    assert response.json()["detail"] == services.CLAIM_VERLOREN


def test_claim_toegang(bo_burgerzaken, vera_vergunningen, fenna_beheer):
    url = f"/api/v1/inbox/berichten/{InkomendBerichtFactory().pk}/claimen"
    assert _client().post(url).status_code in (401, 403)
    for user in (bo_burgerzaken, vera_vergunningen, fenna_beheer):
        assert _client(user).post(url).status_code == 403


def test_claim_onbekend_404(kim_kcc):
    assert _client(kim_kcc).post("/api/v1/inbox/berichten/99999/claimen").status_code == 404
