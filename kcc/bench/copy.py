"""Fast bulk loading into PostgreSQL with COPY, streaming rows with progress."""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Iterable, Iterator, Sequence

from django.db import connection, transaction

# From this many rows on, a table is loaded the fast way: its secondary indexes are
# dropped and rebuilt after the COPY, and foreign-key triggers are off during it (the
# generators produce consistent keys). Small tables keep their triggers (search vectors).
BULK_THRESHOLD = 100_000


def _escape(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class _RowStream(io.RawIOBase):
    """A file-like object that renders rows to COPY text format on demand."""

    def __init__(self, rows: Iterator[Sequence], progress: Progress):
        self.rows = rows
        self.progress = progress
        self.buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while len(self.buffer) < len(target):
            chunk = []
            for _ in range(2000):
                row = next(self.rows, None)
                if row is None:
                    break
                chunk.append("\t".join(_escape(v) for v in row))
            if not chunk:
                break
            self.progress.advance(len(chunk))
            self.buffer += ("\n".join(chunk) + "\n").encode()
        n = min(len(target), len(self.buffer))
        target[:n] = self.buffer[:n]
        self.buffer = self.buffer[n:]
        return n


class Progress:
    """Prints a line every 5% (readable in CI logs and terminals alike)."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done = label, total, 0
        self.started = time.monotonic()
        self.next_report = 0.05

    def advance(self, n: int) -> None:
        self.done += n
        fraction = self.done / self.total if self.total else 1
        if fraction >= self.next_report or self.done >= self.total:
            elapsed = time.monotonic() - self.started
            rate = self.done / elapsed if elapsed else 0
            print(
                f"  {self.label}: {self.done:>10,}/{self.total:,} ({fraction:4.0%}) "
                f"{elapsed:6.1f} s, {rate:,.0f}/s",
                flush=True,
                file=sys.stdout,
            )
            while self.next_report <= fraction:
                self.next_report += 0.05


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence], total: int) -> int:
    """COPY ``rows`` into ``table``; returns the number of rows sent."""
    progress = Progress(table, total)
    stream = io.BufferedReader(_RowStream(iter(rows), progress), buffer_size=1 << 20)
    cols = ", ".join(f'"{c}"' for c in columns)
    # One transaction: a failed load leaves the table with all its indexes.
    with transaction.atomic(), connection.cursor() as cursor:
        indexes = _drop_secondary_indexes(cursor, table) if total >= BULK_THRESHOLD else []
        if indexes:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.cursor.copy_expert(f'COPY "{table}" ({cols}) FROM STDIN', stream)
        if indexes:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            started = time.monotonic()
            for _name, definition in indexes:
                cursor.execute(definition)
            print(
                f"  {table}: {len(indexes)} indexen opnieuw opgebouwd in "
                f"{time.monotonic() - started:.1f} s",
                flush=True,
            )
    return progress.done


def _drop_secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    """Drop the indexes that back no constraint; returns (name, CREATE statement) pairs."""
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename = %s AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
        [table, f'"{table}"'],
    )
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return indexes


def reset_sequence(table: str, column: str = "id") -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608 - our own names
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 1))',
            [table, column],
        )


def copy_model(model, rows: Iterable[dict], total: int) -> int:
    """COPY dict rows into ``model``'s table; unspecified fields get their model default.

    Rows give values by field attname (``afdeling_id``, not ``afdeling``). A NOT NULL
    field without a default that a row leaves out is an error named up front.
    """
    from django.db.models import NOT_PROVIDED
    from django.utils import timezone

    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return 0
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if f.column != "zoekvector"]
    fillers: dict[str, object] = {}
    for field in fields:
        if field.attname in first:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fillers[field.attname] = now
        elif field.default is not NOT_PROVIDED:
            fillers[field.attname] = field.default  # callables are called per row
        elif field.null:
            fillers[field.attname] = None
        elif field.primary_key:
            continue
        elif field.empty_strings_allowed or field.get_internal_type() == "BinaryField":
            fillers[field.attname] = field.get_default()  # "" for text, b"" for binary
        else:
            raise ValueError(f"{model.__name__}.{field.attname} ontbreekt en heeft geen default")
    columns = [f for f in fields if f.attname in first or f.attname in fillers]

    def render():
        for row in _chain(first, iterator):
            values = []
            for field in columns:
                if field.attname in row:
                    value = row[field.attname]
                else:
                    value = fillers[field.attname]
                    value = value() if callable(value) else value
                values.append(_db_value(field, value))
            yield values

    return copy_rows(model._meta.db_table, [f.column for f in columns], render(), total)


def _chain(first, rest):
    yield first
    yield from rest


def _db_value(field, value):
    import json

    if value is None:
        return None
    internal = field.get_internal_type()
    if internal == "JSONField":
        return json.dumps(value)
    if isinstance(value, bytes | memoryview):
        return "\\x" + bytes(value).hex()  # bytea hex input
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
