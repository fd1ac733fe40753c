"""The bench's direct measurement of the norm monitor: it measures ticks that ran."""

import pytest
from django.db import connection

from kcc.bench import direct
from kcc.normen.monitor import LOCK_SECONDEN, LOCK_SLEUTEL
from kcc.normen.slot import slot_nemen

pytestmark = [
    pytest.mark.django_db(transaction=True),  # as make bench: VACUUM, no test transaction
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="make bench runs on PostgreSQL only"
    ),
]


def test_een_achtergelaten_slot_wordt_vrijgegeven():
    """An interrupted bench run leaves the monitor's lock held for LOCK_SECONDEN; the next
    run must measure real ticks, not ticks that skipped."""
    assert slot_nemen(naam=LOCK_SLEUTEL, seconden=LOCK_SECONDEN)
    results, _ = direct.monitor_tick(ticks=1, max_inhaal=1)
    assert [r["errors"] for r in results] == [0, 0]
    assert all(r["verdict"] == "gehaald" for r in results)


def test_een_overgeslagen_tick_is_een_fout(monkeypatch):
    from kcc.normen import monitor

    monkeypatch.setattr(monitor, "monitor_tick", lambda: {"overgeslagen": True})
    results, _ = direct.monitor_tick(ticks=3, max_inhaal=3)
    assert [r["errors"] for r in results] == [1, 1]
    assert {r["verdict"] for r in results} == {"FOUTEN"}
