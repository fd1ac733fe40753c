"""Demo opening hours per channel and two closing days. Idempotent through report.upsert."""

from datetime import date, time

from kcc.core.demo import DemoReport
from kcc.normen.models import KanaalCode, Openingstijd, Sluitingsdag
from productcatalogus.models import Organisatie

WERKDAGEN = range(0, 5)
DONDERDAG = 3

# (kanaal, weekdagen, van, tot); a day may have more than one window.
OPENINGSTIJDEN = [
    (KanaalCode.TELEFOON, WERKDAGEN, time(8, 30), time(17, 0)),
    (KanaalCode.BALIE, WERKDAGEN, time(9, 0), time(16, 30)),
    (KanaalCode.BALIE, [DONDERDAG], time(17, 0), time(20, 0)),  # avondopenstelling
    (KanaalCode.CHAT, WERKDAGEN, time(9, 0), time(17, 0)),
    # Written channels: when incoming messages are processed.
    (KanaalCode.EMAIL, WERKDAGEN, time(8, 30), time(17, 0)),
    (KanaalCode.WEBFORMULIER, WERKDAGEN, time(8, 30), time(17, 0)),
    (KanaalCode.POST, WERKDAGEN, time(8, 30), time(17, 0)),
    (KanaalCode.SOCIALE_MEDIA, WERKDAGEN, time(8, 30), time(17, 0)),
]

# (datum, omschrijving, alleen_eigen_organisatie): False means for all organisations.
SLUITINGSDAGEN = [
    (date(2026, 5, 15), "Dag na Hemelvaart", False),
    (date(2026, 12, 31), "Oudejaarsdag (gemeentehuis gesloten)", True),
]


def load(report: DemoReport, *, production: bool) -> None:
    for kanaal, weekdagen, van, tot in OPENINGSTIJDEN:
        for weekdag in weekdagen:
            report.upsert(
                Openingstijd,
                {"organisatie": None, "kanaal": kanaal, "weekdag": weekdag, "van": van},
                {"tot": tot},
            )
    # The organisations step runs first and creates the own municipality.
    eigen = Organisatie.objects.get(is_eigen_organisatie=True)
    for datum, omschrijving, alleen_eigen in SLUITINGSDAGEN:
        organisatie = eigen if alleen_eigen else None
        report.upsert(
            Sluitingsdag,
            {"organisatie": organisatie, "datum": datum},
            {"omschrijving": omschrijving},
        )
