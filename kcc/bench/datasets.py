"""The benchmark data set: what to generate, in which order, from one seed.

Generated once (COPY, with progress) and described in the table ``kcc_bench_meta``; a
later run with the same seed, scale and version reuses it.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection

from kcc.bench import generators

VERSION = 3


@dataclass
class Dataset:
    name: str
    base_count: int
    generate: Callable[[int, random.Random], int]
    tables: tuple[str, ...]
    scales: bool = True  # the UPL list and organisations keep their real size

    def count(self, scale: float) -> int:
        return max(1, int(self.base_count * scale)) if self.scales else self.base_count


def registry() -> list[Dataset]:
    return [d for d in generators.DATASETS if d is not None]


def _meta_get() -> dict | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS kcc_bench_meta (key text PRIMARY KEY, value text NOT NULL)"
        )
        cursor.execute("SELECT value FROM kcc_bench_meta WHERE key = 'dataset'")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def _meta_set(meta: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO kcc_bench_meta (key, value) VALUES ('dataset', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [json.dumps(meta)],
        )


def _dependents(tables: list[str]) -> set[str]:
    """The tables that TRUNCATE ... CASCADE of ``tables`` empties, ``tables`` included."""
    if not tables:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE deps(rel) AS (
                SELECT c.oid FROM pg_class c WHERE c.relname = ANY(%s)
                UNION
                SELECT con.conrelid FROM pg_constraint con JOIN deps ON con.confrelid = deps.rel
                WHERE con.contype = 'f'
            )
            SELECT c.relname FROM pg_class c JOIN deps ON c.oid = deps.rel
            """,
            [tables],
        )
        return {row[0] for row in cursor.fetchall()}


def ensure(*, seed: int, scale: float, regenerate: bool = False) -> dict:
    """Generate what is missing, in order; a data set that is complete for this seed,
    scale and version is reused. Progress is saved after each data set, so an
    interrupted run (a restarted database) resumes where it stopped."""
    datasets = registry()
    wanted = {"version": VERSION, "seed": seed, "scale": scale}
    current = _meta_get()
    if regenerate or not current or {k: current.get(k) for k in wanted} != wanted:
        current = {**wanted, "counts": {}}
    done = current["counts"]
    # Reuse the leading data sets that are complete; regenerate from the first one missing.
    reusable = 0
    for dataset in datasets:
        if dataset.name not in done:
            break
        reusable += 1
    # TRUNCATE ... CASCADE also empties every table that points at a truncated one: a
    # reused data set among those must be generated again (and all after it).
    while reusable:
        cascaded = _dependents([t for d in datasets[reusable:] for t in d.tables])
        hit = [i for i, d in enumerate(datasets[:reusable]) if cascaded & set(d.tables)]
        if not hit:
            break
        reusable = min(hit)
    counts = {d.name: done[d.name] for d in datasets[:reusable]}
    if reusable:
        print(
            f"  bestaande gegevens hergebruikt (seed {seed}, schaal {scale}): " + ", ".join(counts),
            flush=True,
        )
    todo = datasets[reusable:]
    tables = [t for d in reversed(todo) for t in d.tables]
    if tables:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
    for dataset in todo:
        started = time.monotonic()
        rng = random.Random(f"{seed}-{dataset.name}")
        counts[dataset.name] = dataset.generate(dataset.count(scale), rng)
        _meta_set({**wanted, "counts": counts})
        print(f"  {dataset.name}: {counts[dataset.name]:,} in {time.monotonic() - started:.1f} s")
    # As autovacuum keeps a production database: statistics for the planner and the
    # visibility map for index-only scans. Quick when nothing changed since last time.
    started = time.monotonic()
    with connection.cursor() as cursor:
        for table in dict.fromkeys([*(t for d in datasets for t in d.tables), *_ook_onderhouden()]):
            cursor.execute(f'VACUUM (ANALYZE) "{table}"')
    print(f"  VACUUM (ANALYZE) in {time.monotonic() - started:.1f} s", flush=True)
    return {**wanted, "counts": counts}


def _ook_onderhouden() -> list[str]:
    """Tables filled by the application itself (the KPI command, the norm monitor's run),
    not by COPY: they need the planner's statistics too."""
    from kcc.kpi.models import ContactDagcijfer, ContactDuurBucket, KpiDag, ZaakDagcijfer
    from kcc.normen.models import Signalering

    modellen = (KpiDag, ContactDagcijfer, ContactDuurBucket, ZaakDagcijfer, Signalering)
    return [m._meta.db_table for m in modellen]


def tabelgroottes() -> dict[str, int]:
    """Exact row counts of every generated table (for the report: what was measured on)."""
    from django.db import connection

    tabellen = dict.fromkeys(t for d in registry() for t in d.tables)
    with connection.cursor() as cursor:
        for table in tabellen:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - our own table names
            tabellen[table] = cursor.fetchone()[0]
    return tabellen
