from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kcc.core.demo import DemoReport
from kcc.normen import demo
from kcc.normen.calendar import Werkkalender
from kcc.normen.models import Openingstijd, Sluitingsdag
from productcatalogus.models import Organisatie
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def _load() -> DemoReport:
    OrganisatieFactory(eigen=True)
    report = DemoReport()
    demo.load(report, production=False)
    return report


def test_demo_opening_hours_and_closing_days():
    _load()
    assert Openingstijd.objects.filter(kanaal="telefoon", weekdag__lt=5).count() == 5
    assert Openingstijd.objects.filter(kanaal="balie", weekdag=3).count() == 2
    assert not Openingstijd.objects.filter(weekdag__gte=5).exists()
    assert Sluitingsdag.objects.get(datum=date(2026, 5, 15), organisatie=None)
    eigen = Organisatie.objects.get(is_eigen_organisatie=True)
    assert Sluitingsdag.objects.get(datum=date(2026, 12, 31)).organisatie == eigen

    kalender = Werkkalender()
    assert kalender.binnen_openingstijd("balie", datetime(2026, 3, 12, 19, 30, tzinfo=AMS))
    assert not kalender.binnen_openingstijd("chat", datetime(2026, 3, 12, 8, 45, tzinfo=AMS))
    assert not kalender.is_werkdag(date(2026, 5, 15))
    assert kalender.is_werkdag(date(2026, 12, 31))
    assert not Werkkalender(organisatie=eigen).is_werkdag(date(2026, 12, 31))


def test_demo_second_run_changes_nothing():
    _load()
    report = _load()
    wat = {what for (_label, what) in report.counts}
    assert wat == {"ongewijzigd"}
    assert Openingstijd.objects.get(kanaal="telefoon", weekdag=0).van == time(8, 30)
