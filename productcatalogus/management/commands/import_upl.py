"""``manage.py import_upl UPL-actueel.csv [--sdg UPL-SDG-Informatiegebied.csv]``."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from productcatalogus.services import UplImportFout, upl_importeren


class Command(BaseCommand):
    help = (
        "Importeert de Uniforme Productnamenlijst (CSV) en eventueel de koppeling met "
        "SDG-informatiegebieden. Een tweede run maakt niets nieuws aan; een fout bestand "
        "verandert niets."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path, help="UPL-actueel.csv")
        parser.add_argument(
            "--sdg", type=Path, default=None, help="UPL-SDG-Informatiegebied.csv (koppeling)"
        )

    def handle(self, *args, bestand: Path, sdg: Path | None, **options) -> None:
        for pad in (bestand, sdg):
            if pad is not None and not pad.is_file():
                raise CommandError(f"Bestand niet gevonden: {pad}")

        def voortgang(gedaan: int, totaal: int) -> None:
            self.stdout.write(f"  {gedaan}/{totaal} UPL-termen verwerkt")

        self.stdout.write(f"UPL importeren uit {bestand} ...")
        try:
            resultaat = upl_importeren(pad=bestand, sdg_pad=sdg, voortgang=voortgang)
        except UplImportFout as exc:
            raise CommandError(f"Import geweigerd, er is niets veranderd. {exc}") from exc
        self.stdout.write(
            f"{resultaat.regels} regels gelezen, {resultaat.termen} UPL-termen: "
            f"{resultaat.aangemaakt} aangemaakt, {resultaat.bijgewerkt} bijgewerkt, "
            f"{resultaat.ongewijzigd} ongewijzigd."
        )
        if sdg is not None:
            self.stdout.write(
                f"SDG: {resultaat.sdg_regels} regels, {resultaat.sdg_gebieden_aangemaakt} "
                f"informatiegebieden aangemaakt, "
                f"{resultaat.sdg_koppelingen} koppelingen toegevoegd."
            )
        for melding in resultaat.meldingen:
            self.stdout.write(self.style.WARNING(melding))
        self.stdout.write(self.style.SUCCESS("Klaar."))
