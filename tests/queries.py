"""Query-count helpers: pages must not do more queries as the data grows."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(fn: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def assert_constant_queries(
    fn: Callable[[], object], grow: Callable[[], object], *, label: str = ""
) -> int:
    """Run ``fn``, add data with ``grow``, run ``fn`` again: the count must not change.

    Counted in the steady state: ``fn`` runs once before each count, so lists kept in the
    cache (kcc.core.keuzes), filled by the first run and again after ``grow`` changed
    their models, do not count as growth.
    """
    fn()
    before = count_queries(fn)
    grow()
    fn()
    after = count_queries(fn)
    assert before == after, f"{label}: {before} queries, na groei {after} (N+1?)"
    return after
