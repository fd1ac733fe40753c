"""Measurements that are not one HTTP request: the norm monitor tick and e-mail ingestion.

Both report in the same shape as the HTTP operations (load.OperationResult.summary), so
they stand in the same table.
"""

from __future__ import annotations

import smtplib
import subprocess
import sys
import threading
import time
from email.message import EmailMessage

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcc.bench.load import OperationResult
from kcc.bench.server import ROOT, free_port

MONITOR_TARGET_S = 5.0
INGEST_TARGET_MS = 1000.0
INGEST_PREFIX = "bench-ingest"


def _verdict(summary: dict, *, target: str, ok: bool) -> dict:
    summary["target"] = target
    summary["verdict"] = "FOUTEN" if summary["errors"] else ("gehaald" if ok else "NIET gehaald")
    return summary


def monitor_tick(*, ticks: int = 5, max_inhaal: int = 80) -> tuple[list[dict], list[str]]:
    """Catch-up ticks on an empty Signalering table until caught up, then ``ticks`` steady
    ticks.

    The catch-up is what runs after a long stop or an import (every warning and breach of
    the open objects; at most MAX_SIGNALERINGEN_PER_TICK new signals per tick); the steady
    ticks are what beat runs every five minutes.
    """
    from django.utils import timezone

    from kcc.normen.models import Signalering, Taakslot
    from kcc.normen.monitor import LOCK_SLEUTEL
    from kcc.normen.monitor import monitor_tick as tick

    # No beat runs on the bench database: a held lock was left by an interrupted run, and
    # every tick would skip until it expires.
    Taakslot.objects.filter(naam=LOCK_SLEUTEL).update(houder="", verloopt_op=timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(f'TRUNCATE "{Signalering._meta.db_table}" CASCADE')
    results, notes = [], []
    for label, count in (
        ("inhaal-ticks (lege signaleringen, tot bijgewerkt)", max_inhaal),
        ("gewone tick", ticks),
    ):
        durations, queries, last, overgeslagen = [], [], {}, 0
        for _ in range(count):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                last = tick()
                durations.append((time.perf_counter() - started) * 1000)
            queries.append(len(captured.captured_queries))
            if last.get("overgeslagen"):
                overgeslagen += 1  # it measured nothing: an error, never a fast tick
                break
            if label.startswith("inhaal") and not last.get("nog_in_te_halen"):
                break
        result = OperationResult(
            name=f"normmonitor: {label}",
            requests=len(durations),
            errors=overgeslagen,
            seconds=sum(durations) / 1000,
            latencies_ms=durations,
            server_ms=[],
            queries=queries,
            status_counts={},
        )
        summary = result.summary()
        results.append(
            _verdict(
                summary,
                target=f"≤ {MONITOR_TARGET_S:g} s per tick",
                ok=max(durations) <= MONITOR_TARGET_S * 1000,
            )
        )
        notes.append(f"normmonitor, {label}: {len(durations)} tick(s), de laatste: {last}")
        if label.startswith("inhaal"):
            # Beat's next tick comes minutes later; by then autovacuum has visited the
            # table the catch-up filled (visibility map, statistics). Seconds after the
            # catch-up, a tick would read every new signal's row from the heap instead.
            with connection.cursor() as cursor:
                cursor.execute(f'VACUUM (ANALYZE) "{Signalering._meta.db_table}"')
    notes.append(f"signaleringen na de ticks: {Signalering.objects.count():,}")
    return results, notes


def _mail(index: int, klant_id: int, reply_to: str | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Klant {klant_id} <klant{klant_id}@voorbeeld.nl>"
    message["To"] = "kcc@voorbeeldstad.nl"
    message["Message-ID"] = f"<{INGEST_PREFIX}-{index}@voorbeeld.nl>"
    if reply_to:
        message["Subject"] = "Re: Vraag over mijn aanvraag"
        message["In-Reply-To"] = reply_to
        message["References"] = reply_to
    else:
        message["Subject"] = f"Vraag over mijn aanvraag ({index})"
    message.set_content(
        "Goedendag,\n\nIk heb een vraag over mijn aanvraag. Kunt u mij laten weten hoe het "
        "ermee staat?\n\nMet vriendelijke groet,\nKlant\n"
    )
    return message


def email_ingest(*, total: int = 10_000, senders: int = 8) -> tuple[list[dict], list[str]]:
    """``total`` mails over SMTP into the real listener process, from ``senders`` parallel
    connections. The listener stores a mail (committed) before it answers 250, so the time
    until 250 bounds the time until the mail is visible in the inbox."""
    from django.db.models import Max

    from kanalen.inbox.models import Gesprek, InkomendBericht
    from klanten.models import Klant

    _ingest_cleanup(InkomendBericht, Gesprek)
    n_klanten = Klant.objects.aggregate(m=Max("pk"))["m"] or 1
    port = free_port()
    listener = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "manage.py", "smtp_listener", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    first_error = ""
    next_index = 0
    try:
        _wait_for_port(port)

        def sender(worker: int) -> None:
            nonlocal next_index, errors, first_error
            previous: str | None = None
            with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
                while True:
                    with lock:
                        if next_index >= total:
                            return
                        index = next_index
                        next_index += 1
                    klant_id = 1 + (index * 7919) % n_klanten
                    # Every tenth mail answers this sender's previous one (threading path).
                    reply_to = previous if previous and index % 10 == 0 else None
                    message = _mail(index, klant_id, reply_to)
                    started = time.perf_counter()
                    try:
                        smtp.send_message(message)
                    except smtplib.SMTPException as exc:
                        with lock:
                            errors += 1
                            first_error = first_error or repr(exc)
                        continue
                    with lock:
                        latencies.append((time.perf_counter() - started) * 1000)
                    previous = message["Message-ID"] if not reply_to else previous

        started = time.perf_counter()
        threads = [threading.Thread(target=sender, args=(w,)) for w in range(senders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
    finally:
        listener.terminate()
        listener.wait(timeout=30)
    stored = InkomendBericht.objects.filter(message_id__startswith=f"<{INGEST_PREFIX}-").count()
    items = InkomendBericht.objects.filter(
        message_id__startswith=f"<{INGEST_PREFIX}-", is_vervolg=False
    ).count()
    missing = total - stored
    result = OperationResult(
        name=f"e-mail: {total:,} mails via SMTP tot zichtbaar in de inbox",
        requests=len(latencies),
        errors=errors + max(missing, 0),
        seconds=seconds,
        latencies_ms=latencies,
        server_ms=[],
        queries=[],
        status_counts={},
        first_error=first_error,
    )
    summary = result.summary()
    notes = [
        f"e-mail: {stored:,} van {total:,} mails opgeslagen ({items:,} nieuwe inboxitems, "
        f"{stored - items:,} reacties in hun gesprek), {senders} parallelle SMTP-verbindingen; "
        "daarna weer verwijderd zodat runs vergelijkbaar blijven"
    ]
    _ingest_cleanup(InkomendBericht, Gesprek)
    return [
        _verdict(
            summary,
            target=f"p95 ≤ {INGEST_TARGET_MS:g} ms",
            ok=summary["p95_ms"] <= INGEST_TARGET_MS,
        )
    ], notes


def _wait_for_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=2) as smtp:
                smtp.noop()
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"SMTP-listener startte niet op poort {port}")


def _ingest_cleanup(InkomendBericht, Gesprek) -> None:  # noqa: N803 - model classes
    """Remove what an earlier ingest run stored (the data set stays the same every run)."""
    berichten = InkomendBericht.objects.filter(message_id__startswith=f"<{INGEST_PREFIX}-")
    gesprek_ids = list(berichten.values_list("gesprek_id", flat=True).distinct())
    berichten.delete()
    Gesprek.objects.filter(pk__in=gesprek_ids, berichten__isnull=True).delete()


# (name for --only, measurement) in the order they run after the HTTP operations.
MEASUREMENTS = [("normmonitor", monitor_tick), ("e-mail", email_ingest)]
