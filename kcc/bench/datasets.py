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

VERSION = 2


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


def ensure(*, seed: int, scale: float, regenerate: bool = False) -> dict:
    datasets = registry()
    wanted = {"version": VERSION, "seed": seed, "scale": scale}
    current = _meta_get()
    names = [d.name for d in datasets]
    if (
        not regenerate
        and current
        and {k: current.get(k) for k in wanted} == wanted
        and list(current.get("counts", {})) == names
    ):
        print(f"  bestaande gegevens hergebruikt (seed {seed}, schaal {scale})", flush=True)
        return current
    tables = [t for d in reversed(datasets) for t in d.tables]
    if tables:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
    counts = {}
    for dataset in datasets:
        started = time.monotonic()
        rng = random.Random(f"{seed}-{dataset.name}")
        counts[dataset.name] = dataset.generate(dataset.count(scale), rng)
        print(f"  {dataset.name}: {counts[dataset.name]:,} in {time.monotonic() - started:.1f} s")
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')
    meta = {**wanted, "counts": counts}
    _meta_set(meta)
    return meta
