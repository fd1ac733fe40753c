from datetime import timedelta

import pytest
from django.utils import timezone

from kcc.core.models import Heartbeat
from kcc.core.services import HEARTBEAT_NAAM, heartbeat_record
from kcc.core.tasks import heartbeat

pytestmark = pytest.mark.django_db


def test_health_ok_with_fresh_heartbeat(client):
    heartbeat_record()
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["onderdelen"]["database"]["ok"] is True
    assert body["onderdelen"]["broker"]["ok"] is True
    assert body["onderdelen"]["heartbeat"]["leeftijd_seconden"] < 5


def test_health_503_without_heartbeat(client):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["onderdelen"]["heartbeat"]["detail"] == "nog geen hartslag ontvangen"


def test_health_503_with_stale_heartbeat(client, settings):
    Heartbeat.objects.create(
        naam=HEARTBEAT_NAAM,
        laatst=timezone.now() - timedelta(seconds=settings.KCC_HEARTBEAT_MAX_AGE + 10),
    )
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["onderdelen"]["heartbeat"]["ok"] is False


def test_health_503_when_broker_down(client, monkeypatch):
    from kombu import Connection

    from kcc.celery import app

    heartbeat_record()
    # Nothing listens on port 1: the broker is unreachable.
    monkeypatch.setattr(app, "connection_for_write", lambda: Connection("redis://127.0.0.1:1/0"))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["onderdelen"]["broker"]["ok"] is False


def test_heartbeat_task_records_time():
    heartbeat.delay()
    assert Heartbeat.objects.get(naam=HEARTBEAT_NAAM).laatst > timezone.now() - timedelta(seconds=5)
