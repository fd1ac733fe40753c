"""Health checks for the compose services: exit code 0 when healthy, 1 otherwise.

    manage.py health          database, broker and heartbeat (as /health/), in-process
    manage.py health --web    GET /health/ of the web server on this machine, over HTTP
    manage.py health --beat   beat sent its heartbeat task recently

``--web`` sends a Host header from ``ALLOWED_HOSTS``: a probe with Host 127.0.0.1 would
get a 400 (DisallowedHost) in production, where only the public host name is allowed.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kcc.core.selectors import beat_get, health_get

WEB_URL = "http://127.0.0.1:8000/health/"
FOUT_ONGEZOND = "Niet gezond: {detail}"


def probe_host() -> str:
    """A host name the web server accepts: the first of ALLOWED_HOSTS."""
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")  # ".example.nl" allows example.nl and its subdomains
        if host and host != "*":
            return host
    return "localhost"


class Command(BaseCommand):
    help = "Controleert de gezondheid van web, beat of de onderdelen (exitcode 0 = gezond)."

    def add_arguments(self, parser):
        soort = parser.add_mutually_exclusive_group()
        soort.add_argument("--web", action="store_true", help="Vraag /health/ op bij de webserver.")
        soort.add_argument("--beat", action="store_true", help="Controleer de laatste beat-taak.")
        parser.add_argument(
            "--url", default=WEB_URL, help=f"Adres voor --web (standaard {WEB_URL})."
        )
        parser.add_argument("--timeout", type=float, default=5.0, help="Seconden voor --web.")

    def handle(self, *args, **options):
        if options["web"]:
            ok, detail = self._web(options["url"], options["timeout"])
        elif options["beat"]:
            beat = beat_get()
            ok, detail = beat.ok, json.dumps({"detail": beat.detail, **beat.extra})
        else:
            ok, body = health_get()
            detail = json.dumps(body)
        if not ok:
            raise CommandError(FOUT_ONGEZOND.format(detail=detail))
        self.stdout.write(detail)

    @staticmethod
    def _web(url: str, timeout: float) -> tuple[bool, str]:
        request = urllib.request.Request(url, headers={"Host": probe_host()})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status == 200, response.read().decode()
        except urllib.error.HTTPError as exc:
            return False, f"HTTP {exc.code}: {exc.read().decode(errors='replace')[:500]}"
        except OSError as exc:
            return False, f"niet bereikbaar: {exc}"
