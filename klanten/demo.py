"""Demo klanten: the persons and companies of the local BRP/KVK providers, with some
phone numbers and e-mail addresses, plus the channels and a few contactmomenten."""

from __future__ import annotations

import datetime

from kanalen import demo as kanalen_demo
from kcc.core.demo import DemoReport
from klanten.models import DigitaalAdres, Klant
from klanten.registers import brp_provider
from klanten.registers.demo_personen import BEDRIJVEN, PERSONEN, WOONPLAATS
from klanten.services import klant_zoeknaam

# bsn -> (telefoon E.164, e-mail) for the klanten that gave them
CONTACTGEGEVENS = {
    "999993008": ("+31612345678", "jw.jansen@voorbeeld.nl"),
    "999993021": ("+31687654321", "maria.devries@voorbeeld.nl"),
    "999993045": ("+31201234567", ""),
    "999993057": ("", "sanne.bakker@voorbeeld.nl"),
    "999993069": ("+31622334455", ""),
    "999993094": ("+31699887766", "eva.vandijk@voorbeeld.nl"),
    "999993161": ("+31611223344", "sophie@vanderlinden.voorbeeld.nl"),
}
# A fixed fetch time, so a second run changes nothing.
OPGEHAALD_OP = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)


def load(report: DemoReport, *, production: bool) -> None:
    kanalen = kanalen_demo.load_kanalen(report)
    if production:
        return  # no fictitious citizens in production; the channels are configuration
    for row in PERSONEN:
        (
            bsn,
            voornamen,
            voorvoegsel,
            geslachtsnaam,
            _g,
            geboren,
            straat,
            nr,
            letter,
            toev,
            pc,
            geheim,
        ) = row
        klant = Klant(
            soort=Klant.Soort.PERSOON,
            voornamen=voornamen,
            voorvoegsel=voorvoegsel,
            geslachtsnaam=geslachtsnaam,
        )
        waarden = {
            "soort": Klant.Soort.PERSOON,
            "voornamen": voornamen,
            "voorvoegsel": voorvoegsel,
            "geslachtsnaam": geslachtsnaam,
            "zoeknaam": klant_zoeknaam(klant=klant),
            "geboortedatum": datetime.date.fromisoformat(geboren),
            "straat": straat,
            "huisnummer": nr,
            "huisletter": letter,
            "huisnummertoevoeging": toev,
            "postcode": pc,
            "woonplaats": WOONPLAATS,
            "geheimhouding": geheim,
            "brp_gegevens": _zonder_leeftijd(brp_provider._persoon(row)),
            "brp_opgehaald_op": OPGEHAALD_OP,
        }
        klant = report.upsert(Klant, {"bsn": bsn}, waarden)
        telefoon, email = CONTACTGEGEVENS.get(bsn, ("", ""))
        for soort, waarde in (
            (DigitaalAdres.Soort.TELEFOON, telefoon),
            (DigitaalAdres.Soort.EMAIL, email),
        ):
            if waarde:
                report.upsert(
                    DigitaalAdres,
                    {"klant": klant, "soort": soort, "waarde": waarde},
                    {"voorkeur": True},
                )
    for bedrijf in BEDRIJVEN[:2]:
        kvk_nummer, rsin, vestiging, naam, _vorm, straat, nr, pc, _sbi = bedrijf
        klant = Klant(soort=Klant.Soort.ORGANISATIE, bedrijfsnaam=naam)
        report.upsert(
            Klant,
            {"kvk_nummer": kvk_nummer, "vestigingsnummer": vestiging},
            {
                "soort": Klant.Soort.ORGANISATIE,
                "rsin": rsin,
                "bedrijfsnaam": naam,
                "zoeknaam": klant_zoeknaam(klant=klant),
                "straat": straat,
                "huisnummer": nr,
                "postcode": pc,
                "woonplaats": WOONPLAATS,
                "kvk_gegevens": {"kvkNummer": kvk_nummer, "naam": naam, "bron": "demo"},
                "kvk_opgehaald_op": OPGEHAALD_OP,
            },
        )
    kanalen_demo.load_contactmomenten(report, kanalen)


def _zonder_leeftijd(persoon: dict) -> dict:
    # 'leeftijd' changes with the calendar; keep the stored answer stable between runs.
    return {k: v for k, v in persoon.items() if k != "leeftijd"}
