"""DigiD session rules for portal accounts: idle time-out and absolute lifetime.

DigiD requires the service to end a session after 15 minutes without activity and to
warn the user before that happens. The server enforces it (middleware); the page's
script only warns and offers to stay logged in (a ping).
"""

from __future__ import annotations

import time

from django.contrib.auth import logout
from django.http import HttpRequest

INACTIEF_MAX_SECONDEN = 15 * 60
WAARSCHUWING_SECONDEN = 2 * 60
# Whatever the activity, a portal session ends this long after logging in.
SESSIE_MAX_SECONDEN = 4 * 60 * 60

SESSIE_LAATSTE_ACTIVITEIT = "portaal_laatste_activiteit"
SESSIE_INGELOGD_OP = "portaal_ingelogd_op"

MELDING_INACTIEF = (
    "U bent uitgelogd omdat u 15 minuten niets heeft gedaan. Log opnieuw in om verder te gaan."
)
MELDING_TE_LANG = (
    "U bent uitgelogd omdat u al 4 uur was ingelogd. Log opnieuw in om verder te gaan."
)


def is_portaalgebruiker(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.soort in ("burger", "ondernemer")
    )


def sessie_starten(request: HttpRequest) -> None:
    now = time.time()
    request.session[SESSIE_INGELOGD_OP] = now
    request.session[SESSIE_LAATSTE_ACTIVITEIT] = now


def sessie_verlopen(request: HttpRequest) -> str | None:
    """The reason the portal session has ended, or None while it is still valid."""
    now = time.time()
    ingelogd_op = request.session.get(SESSIE_INGELOGD_OP)
    laatste = request.session.get(SESSIE_LAATSTE_ACTIVITEIT)
    if ingelogd_op is None or laatste is None:
        # A session from before these rules (or made by force_login): start the clock now.
        sessie_starten(request)
        return None
    if now - ingelogd_op > SESSIE_MAX_SECONDEN:
        return MELDING_TE_LANG
    if now - laatste > INACTIEF_MAX_SECONDEN:
        return MELDING_INACTIEF
    return None


def sessie_activiteit(request: HttpRequest) -> None:
    request.session[SESSIE_LAATSTE_ACTIVITEIT] = time.time()


def sessie_beeindigen(request: HttpRequest) -> None:
    logout(request)
