"""A real Celery worker process, on the configured broker (Redis in CI's PostgreSQL run)."""

from __future__ import annotations

import uuid

import pytest

from kcc.core.models import Heartbeat
from kcc.core.services import HEARTBEAT_NAAM
from tests.processes import CeleryWorker, wait_until


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_heartbeat_task():
    from kcc.celery import app
    from kcc.core.tasks import heartbeat

    queue = f"test-{uuid.uuid4().hex[:8]}"
    worker = CeleryWorker(queues=queue).start()
    app.conf.task_always_eager = False
    try:
        heartbeat.apply_async(queue=queue)
        wait_until(lambda: Heartbeat.objects.filter(naam=HEARTBEAT_NAAM).exists(), seconds=90)
    finally:
        output = worker.stop()
    assert Heartbeat.objects.filter(naam=HEARTBEAT_NAAM).exists(), output
