"""Fill the daily KPI tables for a period (first install, or after a data import)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kcc.kpi.services import kpi_dag_aggregeren

FOUT_DATUM = "Ongeldige datum {waarde!r}; gebruik JJJJ-MM-DD."


def _datum(waarde: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError as exc:
        raise CommandError(FOUT_DATUM.format(waarde=waarde)) from exc


class Command(BaseCommand):
    help = "Berekent de dagcijfers van de KPI's opnieuw (standaard: de afgelopen 365 dagen)."

    def add_arguments(self, parser):
        parser.add_argument("--van", help="Eerste dag (JJJJ-MM-DD).")
        parser.add_argument("--tot", help="Laatste dag (JJJJ-MM-DD), standaard gisteren.")

    def handle(self, *args, **options):
        gisteren = timezone.localdate() - datetime.timedelta(days=1)
        tot = _datum(options["tot"]) if options["tot"] else gisteren
        van = _datum(options["van"]) if options["van"] else tot - datetime.timedelta(days=364)
        if tot > gisteren:
            raise CommandError("Alleen voorbije dagen: vandaag wordt live berekend.")
        if van > tot:
            raise CommandError("De begindatum ligt na de einddatum.")
        dag = van
        while dag <= tot:
            kpi_dag_aggregeren(dag=dag)
            if dag.day == 1 or dag == tot:
                self.stdout.write(f"Dagcijfers bijgewerkt tot en met {dag}.")
            dag += datetime.timedelta(days=1)
