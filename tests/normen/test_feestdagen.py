"""Public holidays and what counts as a working day, on the hard dates."""

from datetime import date

import pytest

from kcc.normen.calendar import Werkkalender, feestdagen

pytestmark = pytest.mark.django_db


@pytest.fixture
def kalender():
    return Werkkalender(bevrijdingsdag_vrij=False)


def test_koningsdag_on_sunday_moves_to_saturday(kalender):
    # 27 April 2025 is a Sunday: Koningsdag is Saturday 26 April; Monday 28 is a working day.
    assert kalender.feestdag(date(2025, 4, 26)) == "Koningsdag"
    assert kalender.feestdag(date(2025, 4, 27)) is None
    assert not kalender.is_werkdag(date(2025, 4, 26))
    assert not kalender.is_werkdag(date(2025, 4, 27))
    assert kalender.is_werkdag(date(2025, 4, 28))
    assert kalender.is_werkdag(date(2025, 4, 25))


def test_koningsdag_on_a_weekday_is_a_day_off(kalender):
    assert date(2026, 4, 27).weekday() == 0
    assert kalender.reden_geen_werkdag(date(2026, 4, 27)) == "Koningsdag"


def test_easter_ascension_and_whitsun_2026(kalender):
    assert kalender.reden_geen_werkdag(date(2026, 4, 6)) == "Tweede paasdag"
    assert kalender.reden_geen_werkdag(date(2026, 5, 14)) == "Hemelvaartsdag"
    assert kalender.reden_geen_werkdag(date(2026, 5, 25)) == "Tweede pinksterdag"
    assert kalender.is_werkdag(date(2026, 4, 7))
    assert kalender.is_werkdag(date(2026, 5, 15))  # no closing day configured in this test
    assert kalender.is_werkdag(date(2026, 5, 26))


def test_good_friday_is_a_working_day(kalender):
    assert kalender.is_werkdag(date(2026, 4, 3))
    assert kalender.is_werkdag(date(2025, 4, 18))


def test_christmas_and_new_year(kalender):
    assert kalender.reden_geen_werkdag(date(2026, 12, 25)) == "Eerste kerstdag"
    assert kalender.reden_geen_werkdag(date(2026, 12, 26)) == "Tweede kerstdag"
    assert kalender.reden_geen_werkdag(date(2027, 1, 1)) == "Nieuwjaarsdag"
    assert kalender.reden_geen_werkdag(date(2026, 12, 27)) == "zondag"
    assert kalender.is_werkdag(date(2026, 12, 24))
    assert kalender.is_werkdag(date(2026, 12, 31))


def test_bevrijdingsdag_off_by_default_also_in_a_lustrum_year(settings):
    settings.KCC_BEVRIJDINGSDAG_VRIJ = False
    kalender = Werkkalender()
    assert kalender.is_werkdag(date(2025, 5, 5))  # lustrum: the holidays package lists it
    assert kalender.is_werkdag(date(2026, 5, 5))


def test_bevrijdingsdag_configurable_every_year(settings):
    settings.KCC_BEVRIJDINGSDAG_VRIJ = True
    kalender = Werkkalender()
    assert kalender.reden_geen_werkdag(date(2026, 5, 5)) == "Bevrijdingsdag"
    assert kalender.reden_geen_werkdag(date(2025, 5, 5)) == "Bevrijdingsdag"
    assert not Werkkalender(bevrijdingsdag_vrij=False).feestdag(date(2026, 5, 5))


def test_ascension_on_5_may_stays_a_holiday_without_bevrijdingsdag():
    # 5 May 2016 was both Hemelvaartsdag and Bevrijdingsdag.
    assert feestdagen(2016, bevrijdingsdag_vrij=False)[date(2016, 5, 5)] == "Hemelvaartsdag"
    assert "Bevrijdingsdag" in feestdagen(2016, bevrijdingsdag_vrij=True)[date(2016, 5, 5)]


def test_weekend_is_never_a_working_day(kalender):
    assert kalender.reden_geen_werkdag(date(2026, 3, 7)) == "zaterdag"
    assert kalender.reden_geen_werkdag(date(2026, 3, 9)) is None
