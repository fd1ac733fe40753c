"""Load the demo data: organisations, staff and whatever each app adds. Idempotent."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kanalen.inbox import demo as inbox_demo
from kcc.accounts import demo as accounts_demo
from kcc.accounts.services import roles_sync
from kcc.core.demo import DemoReport
from kcc.kpi import demo as kpi_demo
from kcc.normen import demo as normen_demo
from klanten import demo as klanten_demo
from productcatalogus import demo as catalogus_demo
from zaken import demo as zaken_demo

# (title, loader) in dependency order; each loader takes (report, production=...).
STEPS = [
    ("Organisaties en afdelingen", catalogus_demo.load),
    ("Openingstijden en sluitingsdagen", normen_demo.load),
    ("Productcatalogus en kennisbank", catalogus_demo.load_catalogus),
    ("Kanalen, klanten en contactmomenten", klanten_demo.load),
    ("Zaken (aanvragen, deelzaken, werkvoorraad)", zaken_demo.load),
    ("KCC-inbox (e-mails)", inbox_demo.load),
    ("KPI-dagcijfers", kpi_demo.load),
]


class Command(BaseCommand):
    help = "Laadt de demogegevens (organisaties, medewerkers, ...). Een tweede run verandert niets."

    def handle(self, *args, **options) -> None:
        production = settings.PRODUCTION
        report = DemoReport()
        started = time.monotonic()
        total = len(STEPS) + 2
        with transaction.atomic():
            self._step(1, total, "Rollen")
            roles_sync()
            for index, (title, loader) in enumerate(STEPS, start=2):
                self._step(index, total, title)
                loader(report, production=production)
            self._step(total, total, "Medewerkers")
            overview = accounts_demo.load(report, production=production)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Demogegevens geladen in {time.monotonic() - started:.1f} s.")
        )
        if production:
            self.stdout.write("Productie: demo-accounts kregen een willekeurig wachtwoord.")
            return
        self.stdout.write("Demo-inloggegevens (alleen ontwikkeling):")
        for username, rol in overview:
            self.stdout.write(f"  {username:<14} {accounts_demo.DEMO_WACHTWOORD}  ({rol})")

    def _step(self, index: int, total: int, title: str) -> None:
        self.stdout.write(f"[{index}/{total}] {title} ...")
