"""Write benchmark results: docs/benchmarks.json and the Markdown table docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection

DOCS = Path(__file__).resolve().parents[2] / "docs"


def machine() -> dict:
    memory_gib = None
    try:
        with open("/proc/meminfo") as handle:
            kb = int(handle.readline().split()[1])
            memory_gib = round(kb / 1024 / 1024, 1)
    except OSError:
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "postgresql": pg,
        "os": platform.platform(),
    }


def write(result: dict, *, json_name: str = "benchmarks.json", md_name: str = "benchmarks.md"):
    DOCS.mkdir(exist_ok=True)
    result = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), **result}
    (DOCS / json_name).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (DOCS / md_name).write_text(markdown(result))
    return DOCS / md_name


def markdown(result: dict) -> str:
    m = result["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Measured by `make bench` through the real HTTP stack (gunicorn as in production, "
        f"{result['server']['workers']} workers with the production settings of "
        "`kcc/gunicorn_conf.py`, "
        f"{result['concurrency']} concurrent clients, each a process of its own, on "
        "loopback unless the clients column says otherwise) against PostgreSQL with the "
        "generated data set below. Latency is what the client saw; server time is the time "
        "spent in Django (Server-Timing). The floor is a bare Django view with one "
        "primary-key read on the same server; `× floor` compares each operation's p95 to it, "
        "so runs on a noisy machine stay comparable.",
        "",
        f"Run: {result['generated_at']} · seed {result['dataset']['seed']} · "
        f"{m['cores']} cores, {m['memory_gib']} GiB, {m['cpu']}, PostgreSQL {m['postgresql']}, "
        f"Python {m['python']}",
        "",
        "## Data set",
        "",
        "| data set | rows generated (all its tables) |",
        "|---|---:|",
        *[f"| {name} | {count:,} |" for name, count in result["dataset"]["counts"].items()],
        "",
        "Rows per table at the time of measuring:",
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| `{name}` | {count:,} |" for name, count in result.get("tables", {}).items()],
        "",
        "## Operations",
        "",
        "| operation | target | clients | p50 ms | p95 ms | p99 ms | server p95 ms | × floor "
        "| req/s | queries/req | errors | verdict |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for op in result["operations"]:
        lines.append(
            f"| {op['operation']} | {op.get('target', '')} | {op.get('clients') or ''} "
            f"| {op['p50_ms']} | {op['p95_ms']} "
            f"| {op['p99_ms']} | {op.get('server_p95_ms') or ''} | {op.get('ratio_to_floor', '')} "
            f"| {op['throughput_rps']} | {op.get('queries_per_request_mean')} "
            f"(max {op.get('queries_per_request_max')}) "
            f"| {op['errors']} | {op.get('verdict', '')} |"
        )
    lines.append("")
    if result.get("notes"):
        lines += ["## Notes", "", *[f"- {note}" for note in result["notes"]], ""]
    return "\n".join(lines)
