"""``make bench``: generate the national-scale data set once, then measure over HTTP.

    python -m kcc.bench [--scale 1.0] [--concurrency 2] [--requests 2000] [--only a,b]

Latency targets are measured with as many clients as the machine has cores (default 2),
so a figure shows the work of one request, not a queue; a throughput target names its
own number of clients.

Needs PostgreSQL (DATABASE_URL). The data set is generated with COPY from a fixed seed
and kept: a second run with the same seed and scale reuses it.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kcc.bench", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = national scale")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--requests", type=int, default=2000, help="requests per operation")
    parser.add_argument(
        "--workers", type=int, default=4, help="gunicorn workers (production runs 4)"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated parts of operation names, e.g. klantbeeld,inbox,normmonitor",
    )
    parser.add_argument("--regenerate", action="store_true", help="drop and regenerate data")
    parser.add_argument(
        "--output", default="benchmarks", help="base name of docs/<name>.json and .md"
    )
    args = parser.parse_args(argv)
    # Stopped with SIGTERM (kill, a CI time-out): unwind as on Ctrl-C, so the gunicorn
    # server and the client processes are stopped, not left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcc.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        print("make bench meet op PostgreSQL: zet DATABASE_URL=postgres://...", file=sys.stderr)
        return 2

    from kcc.bench import datasets, direct, operations, report
    from kcc.bench.load import run
    from kcc.bench.server import GunicornServer

    started = time.monotonic()
    print("== Migreren", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # served as in production
    print("== Gegevens", flush=True)
    meta = datasets.ensure(seed=args.seed, scale=args.scale, regenerate=args.regenerate)
    # An interrupted run may have left its claims and contactmomenten.
    operations.claims_terugdraaien()
    operations.contactmomenten_opruimen()
    context = operations.Context.build(seed=args.seed)
    only = [token.strip() for token in args.only.split(",") if token.strip()]

    def chosen(name: str) -> bool:
        return not only or any(token in name for token in only)

    selected = [op for op in operations.registry() if chosen(op.name)]
    results = []
    notes = []
    print(f"== Meten via gunicorn ({args.workers} workers, {args.concurrency} clients)", flush=True)
    with GunicornServer(workers=args.workers) as server:
        floor = None
        for op in [operations.FLOOR, *selected]:
            specs = op.build(context)
            if not specs:
                notes.append(f"{op.name}: overgeslagen, geen gegevens om te meten")
                continue
            total = op.requests or args.requests
            # Warm-up: connections, caches, lazy imports in every worker. Its own requests
            # (fresh Idempotency-Keys), so the measured ones are never replays.
            run(
                name=op.name,
                base_url=server.base_url,
                specs=op.build(context),
                concurrency=args.concurrency,
                total=min(total, 4 * args.concurrency * 2),
                session_factory=context.session_for(op.role, op.api),
                ok_statuses=op.ok_statuses,
            )
            result = run(
                name=op.name,
                base_url=server.base_url,
                specs=specs,
                concurrency=op.concurrency or args.concurrency,
                total=total,
                session_factory=context.session_for(op.role, op.api),
                ok_statuses=op.ok_statuses,
            )
            summary = result.summary()
            summary["clients"] = op.concurrency or args.concurrency
            if op is operations.FLOOR:
                floor = summary["p95_ms"]
            summary["ratio_to_floor"] = round(summary["p95_ms"] / floor, 1) if floor else None
            summary.update(op.verdict(summary))
            results.append(summary)
            print(
                f"  {op.name:<40} p50 {summary['p50_ms']:>7} p95 {summary['p95_ms']:>7} "
                f"p99 {summary['p99_ms']:>7} ms  {summary['throughput_rps']:>7} req/s  "
                f"q/req {summary['queries_per_request_max']}  fouten {summary['errors']}  "
                f"{summary.get('verdict', '')}",
                flush=True,
            )
        notes.extend(operations.after_run(context))
    for name, measure in direct.MEASUREMENTS:
        if not chosen(name):
            continue
        print(f"== {name}", flush=True)
        direct_results, direct_notes = measure()
        for summary in direct_results:
            summary["ratio_to_floor"] = None
            results.append(summary)
            print(
                f"  {summary['operation']:<40} p50 {summary['p50_ms']:>7} "
                f"p95 {summary['p95_ms']:>7} ms  queries {summary['queries_per_request_max']}  "
                f"fouten {summary['errors']}  {summary.get('verdict', '')}",
                flush=True,
            )
        notes.extend(direct_notes)
    machine = report.machine()
    tabellen = datasets.tabelgroottes()
    path = report.write(
        {
            "machine": machine,
            "server": {"workers": args.workers, "config": "kcc.gunicorn_conf"},
            "concurrency": args.concurrency,
            "dataset": meta,
            "tables": tabellen,
            "operations": results,
            "notes": notes,
            "seconds": round(time.monotonic() - started, 1),
        },
        json_name=f"{args.output}.json",
        md_name=f"{args.output}.md",
    )
    print(f"== Klaar in {time.monotonic() - started:.0f} s; resultaten in {path}", flush=True)
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
