"""``manage.py health``: the compose health checks of web and beat."""

import json
import urllib.error
import urllib.request
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from kcc.core.management.commands.health import probe_host
from kcc.core.selectors import BEAT_TAAK
from kcc.core.services import heartbeat_record


def _health(*args: str) -> str:
    out = StringIO()
    call_command("health", *args, stdout=out)
    return out.getvalue()


def _beat_sent(seconds_ago: float) -> None:
    interval, _ = IntervalSchedule.objects.get_or_create(every=30, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.update_or_create(
        name=BEAT_TAAK,
        defaults={
            "task": "kcc.core.tasks.heartbeat",
            "interval": interval,
            "last_run_at": timezone.now() - timedelta(seconds=seconds_ago),
        },
    )


@pytest.mark.django_db
def test_beat_check_follows_the_last_send(settings):
    with pytest.raises(CommandError, match="nog niet verstuurd"):
        _health("--beat")
    _beat_sent(5)
    assert json.loads(_health("--beat"))["detail"] == "ok"
    _beat_sent(settings.KCC_HEARTBEAT_MAX_AGE + 5)
    with pytest.raises(CommandError, match="ouder dan"):
        _health("--beat")


@pytest.mark.django_db
def test_in_process_check_reports_every_part():
    with pytest.raises(CommandError, match="nog geen hartslag"):
        _health()
    heartbeat_record()
    assert json.loads(_health())["status"] == "ok"


@pytest.mark.parametrize(
    ("allowed", "host"),
    [
        (["kcc.example.nl", "localhost"], "kcc.example.nl"),
        ([".example.nl"], "example.nl"),
        (["*"], "localhost"),
        ([], "localhost"),
    ],
)
def test_probe_host_is_one_the_server_allows(settings, allowed, host):
    settings.ALLOWED_HOSTS = allowed
    assert probe_host() == host


def test_web_check_sends_an_allowed_host_where_loopback_is_refused(live_server, settings):
    """The production situation: ALLOWED_HOSTS holds only the public name."""
    settings.ALLOWED_HOSTS = ["kcc.example.nl"]
    heartbeat_record()
    url = f"{live_server.url}/health/"
    with pytest.raises(urllib.error.HTTPError) as plain:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 - Host: 127.0.0.1
    assert plain.value.code == 400
    assert json.loads(_health("--web", "--url", url))["status"] == "ok"


@pytest.mark.django_db
def test_web_check_fails_when_nothing_listens():
    with pytest.raises(CommandError, match="niet bereikbaar"):
        _health("--web", "--url", "http://127.0.0.1:1/health/", "--timeout", "1")
