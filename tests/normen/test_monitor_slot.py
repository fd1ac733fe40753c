"""The monitor lock holds across processes: the embedded default's cache is per process."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from kcc.normen import monitor
from kcc.normen.models import Taakslot
from kcc.normen.monitor import LOCK_SLEUTEL, monitor_tick
from kcc.normen.slot import slot_nemen, slot_vrijgeven
from tests.processes import ROOT, process_env

pytestmark = pytest.mark.django_db(transaction=True)

TICK = (
    "import json, django; django.setup(); "
    "from kcc.normen.monitor import monitor_tick; print(json.dumps(monitor_tick()))"
)


def _tick_in_ander_proces() -> dict:
    """One tick in a fresh Python process with its own (locmem) cache, on the test DB."""
    uit = subprocess.run(  # noqa: S603
        [sys.executable, "-c", TICK],
        cwd=ROOT,
        env=process_env(DJANGO_SETTINGS_MODULE="kcc.settings", CACHE_URL="locmem://"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_ander_proces_slaat_over_zolang_dit_proces_het_slot_heeft():
    token = slot_nemen(naam=LOCK_SLEUTEL, seconden=60)
    assert token is not None
    assert _tick_in_ander_proces() == {"overgeslagen": True}
    assert Taakslot.objects.get(naam=LOCK_SLEUTEL).houder == token
    slot_vrijgeven(naam=LOCK_SLEUTEL, token=token)
    assert _tick_in_ander_proces()["overgeslagen"] is False


def test_twee_gelijktijdige_ticks_in_twee_processen(monkeypatch):
    """A tick here is halfway; a tick in another process at that moment skips."""
    halverwege, verder = threading.Event(), threading.Event()
    echt = monitor._klanten_informeren
    uitkomst: dict = {}

    def wacht_halverwege(**kwargs):
        halverwege.set()
        assert verder.wait(timeout=120)
        return echt(**kwargs)

    monkeypatch.setattr(monitor, "_klanten_informeren", wacht_halverwege)

    def eerste_tick():
        from django.db import connection

        try:
            uitkomst.update(monitor_tick())
        finally:
            connection.close()

    thread = threading.Thread(target=eerste_tick)
    thread.start()
    try:
        assert halverwege.wait(timeout=60)
        assert _tick_in_ander_proces() == {"overgeslagen": True}
    finally:
        verder.set()
        thread.join(timeout=120)
    assert uitkomst["overgeslagen"] is False
    # Both done: the next tick, anywhere, runs.
    assert _tick_in_ander_proces()["overgeslagen"] is False
