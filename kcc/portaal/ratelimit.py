"""Rate limits on the portal's forms, counted in the shared Django cache.

A citizen (or, before login, an IP address) may post a form only so often per minute;
over the limit the page answers 429 with a Dutch explanation, nothing is stored.
"""

from __future__ import annotations

from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

TE_VAAK = "U heeft dit formulier te vaak verstuurd. Wacht een minuut en probeer het dan opnieuw."
PERIODE_SECONDEN = 60


def _sleutel(request, scope: str) -> str:
    user = getattr(request, "user", None)
    wie = (
        f"u{user.pk}"
        if user is not None and user.is_authenticated
        else ("ip" + request.META.get("REMOTE_ADDR", ""))
    )
    return f"portaal-rl:{scope}:{wie}"


def limiet_bereikt(request, scope: str, per_minuut: int) -> bool:
    """Count this post; True when it is one too many within the current minute."""
    key = _sleutel(request, scope)
    if cache.add(key, 1, PERIODE_SECONDEN):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, PERIODE_SECONDEN)
        return False
    return count > per_minuut


def rate_limited(scope: str, per_minuut: int = 10):
    """Decorator for a view: POSTs beyond ``per_minuut`` get a 429 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and limiet_bereikt(request, scope, per_minuut):
                response = render(request, "portaal/te_vaak.html", {"melding": TE_VAAK}, status=429)
                response["Retry-After"] = str(PERIODE_SECONDEN)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
