"""Measurement headers for ``make bench`` (only installed when KCC_BENCH is on)."""

import time

from django.db import connections


class BenchMetricsMiddleware:
    """Adds ``X-KCC-Queries`` (SQL statements run) and ``Server-Timing`` (time in Django)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-KCC-Queries"] = str(count)
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}"
        return response
