"""Business-hours arithmetic per channel, office hours, and the summer/winter time switch."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcc.normen.calendar import (
    FOUT_GEEN_OPENINGSTIJDEN,
    FOUT_NEGATIEVE_MINUTEN,
    FOUT_ONBEKEND_KANAAL,
    Werkkalender,
)
from kcc.normen.models import KanaalCode
from tests.factories import OrganisatieFactory
from tests.normen.factories import SluitingsdagFactory, openingstijden

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
WERKDAGEN = range(5)


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def kanalen(db):
    openingstijden(KanaalCode.TELEFOON, WERKDAGEN, time(8, 30), time(17, 0))
    openingstijden(KanaalCode.CHAT, WERKDAGEN, time(9, 0), time(17, 0))
    openingstijden(KanaalCode.BALIE, WERKDAGEN, time(9, 0), time(16, 30))
    openingstijden(KanaalCode.BALIE, [3], time(17, 0), time(20, 0))


@pytest.fixture
def kalender(kanalen):
    return Werkkalender(bevrijdingsdag_vrij=False)


def test_binnen_openingstijd_edges(kalender):
    assert not kalender.binnen_openingstijd("telefoon", ams(2026, 3, 9, 8, 29))
    assert kalender.binnen_openingstijd("telefoon", ams(2026, 3, 9, 8, 30))
    assert kalender.binnen_openingstijd("telefoon", ams(2026, 3, 9, 16, 59))
    assert not kalender.binnen_openingstijd("telefoon", ams(2026, 3, 9, 17, 0))
    assert not kalender.binnen_openingstijd("telefoon", ams(2026, 3, 7, 10, 0))  # Saturday


def test_closed_on_holidays_and_closing_days(kalender):
    SluitingsdagFactory(datum=date(2026, 5, 15), omschrijving="Dag na Hemelvaart")
    kalender = Werkkalender()
    assert not kalender.binnen_openingstijd("telefoon", ams(2026, 4, 6, 10, 0))  # Easter Monday
    assert not kalender.binnen_openingstijd("telefoon", ams(2026, 5, 15, 10, 0))
    assert kalender.binnen_openingstijd("telefoon", ams(2026, 4, 3, 10, 0))  # Good Friday


def test_balie_thursday_evening_window(kalender):
    assert kalender.binnen_openingstijd("balie", ams(2026, 3, 12, 18, 0))
    assert not kalender.binnen_openingstijd("balie", ams(2026, 3, 12, 16, 45))
    assert not kalender.binnen_openingstijd("balie", ams(2026, 3, 11, 18, 0))
    # 60 minutes from 16:00 on Thursday: 30 before the break, 30 after it.
    assert kalender.zakelijke_minuten_optellen("balie", ams(2026, 3, 12, 16, 0), 60) == ams(
        2026, 3, 12, 17, 30
    )


def test_moment_in_another_timezone_is_read_in_amsterdam(kalender):
    utc_moment = datetime(2026, 3, 9, 7, 45, tzinfo=ZoneInfo("UTC"))  # 08:45 in Amsterdam
    assert kalender.binnen_openingstijd("telefoon", utc_moment)


def test_chat_two_minutes(kalender):
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 9, 10, 0), 2) == ams(
        2026, 3, 9, 10, 2
    )
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 9, 16, 58), 2) == ams(
        2026, 3, 9, 17, 0
    )
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 9, 16, 59), 2) == ams(
        2026, 3, 10, 9, 1
    )
    # Started in the evening before Ascension: the next open minute is Friday morning.
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 5, 13, 20, 0), 2) == ams(
        2026, 5, 15, 9, 2
    )


def test_zero_minutes_gives_the_next_open_moment(kalender):
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 9, 10, 0), 0) == ams(
        2026, 3, 9, 10, 0
    )
    assert kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 7, 10, 0), 0) == ams(
        2026, 3, 9, 9, 0
    )


def test_phone_callback_over_the_switch_to_summer_time(kalender):
    # Friday 27 March 2026 16:30 CET; the clocks go forward on Sunday 29 March.
    resultaat = kalender.zakelijke_minuten_optellen("telefoon", ams(2026, 3, 27, 16, 30), 60)
    assert resultaat == ams(2026, 3, 30, 9, 0)
    assert resultaat.utcoffset() == timedelta(hours=2)
    assert resultaat.astimezone(ZoneInfo("UTC")).hour == 7


def test_phone_callback_over_the_switch_to_winter_time(kalender):
    resultaat = kalender.zakelijke_minuten_optellen("telefoon", ams(2026, 10, 23, 16, 30), 60)
    assert resultaat == ams(2026, 10, 26, 9, 0)
    assert resultaat.utcoffset() == timedelta(hours=1)


@pytest.fixture
def nachtchat(db):
    """An organisation with a Sunday night chat window 01:00-04:00 (wall clock)."""
    organisatie = OrganisatieFactory(code="nachtdienst")
    openingstijden(KanaalCode.CHAT, [6], time(1, 0), time(4, 0), organisatie=organisatie)
    return Werkkalender(organisatie=organisatie)


def test_window_over_the_spring_switch_has_two_real_hours(nachtchat):
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST, the window lasts 120 real minutes.
    assert nachtchat.zakelijke_minuten_optellen("chat", ams(2026, 3, 29, 1, 0), 120) == ams(
        2026, 3, 29, 4, 0
    )
    assert nachtchat.binnen_openingstijd("chat", ams(2026, 3, 29, 3, 30))
    # 150 minutes spill into the next Sunday window; 5 April is Easter Sunday, so 12 April.
    assert nachtchat.zakelijke_minuten_optellen("chat", ams(2026, 3, 29, 1, 0), 150) == ams(
        2026, 4, 12, 1, 30
    )


def test_window_over_the_autumn_switch_has_four_real_hours(nachtchat):
    # 25 October 2026: 03:00 CEST goes back to 02:00 CET, the window lasts 240 real minutes.
    resultaat = nachtchat.zakelijke_minuten_optellen("chat", ams(2026, 10, 25, 1, 0), 210)
    assert resultaat == ams(2026, 10, 25, 3, 30)
    assert resultaat.utcoffset() == timedelta(hours=1)
    assert nachtchat.zakelijke_minuten_optellen("chat", ams(2026, 10, 25, 1, 0), 240) == ams(
        2026, 10, 25, 4, 0
    )


def test_own_opening_hours_replace_the_general_ones_per_channel(kanalen):
    organisatie = OrganisatieFactory(code="svb")
    openingstijden(KanaalCode.TELEFOON, WERKDAGEN, time(10, 0), time(12, 0), organisatie)
    eigen, algemeen = Werkkalender(organisatie=organisatie), Werkkalender()
    assert not eigen.binnen_openingstijd("telefoon", ams(2026, 3, 9, 9, 0))
    assert algemeen.binnen_openingstijd("telefoon", ams(2026, 3, 9, 9, 0))
    assert eigen.binnen_openingstijd("chat", ams(2026, 3, 9, 9, 0))  # falls back to general


def test_overlapping_windows_are_merged(db):
    openingstijden(KanaalCode.EMAIL, [0], time(9, 0), time(12, 0))
    openingstijden(KanaalCode.EMAIL, [0], time(11, 0), time(13, 0))
    kalender = Werkkalender()
    assert kalender.zakelijke_minuten_optellen("email", ams(2026, 3, 9, 9, 0), 240) == ams(
        2026, 3, 9, 13, 0
    )
    assert kalender.zakelijke_minuten_optellen("email", ams(2026, 3, 9, 9, 0), 241) == ams(
        2026, 3, 16, 9, 1
    )


def test_bad_input_gives_clear_errors(kalender):
    with pytest.raises(ValueError) as exc:
        kalender.binnen_openingstijd("fax", ams(2026, 3, 9, 10, 0))
    assert str(exc.value) == FOUT_ONBEKEND_KANAAL.format(
        kanaal="fax", keuzes=", ".join(KanaalCode.values)
    )
    with pytest.raises(ValueError, match=FOUT_NEGATIEVE_MINUTEN):
        kalender.zakelijke_minuten_optellen("chat", ams(2026, 3, 9, 10, 0), -1)
    with pytest.raises(ValueError) as exc:
        kalender.zakelijke_minuten_optellen("post", ams(2026, 3, 9, 10, 0), 5)
    assert str(exc.value) == FOUT_GEEN_OPENINGSTIJDEN.format(kanaal="post")


def test_opening_hours_are_read_once(kanalen):
    with CaptureQueriesContext(connection) as ctx:
        kalender = Werkkalender(van=date(2026, 1, 1), tot=date(2026, 12, 31))
        for dag in range(0, 365, 3):
            moment = ams(2026, 1, 1, 10, 0) + timedelta(days=dag)
            for kanaal in ("telefoon", "chat", "balie"):
                kalender.binnen_openingstijd(kanaal, moment)
                kalender.zakelijke_minuten_optellen(kanaal, moment, 90)
    assert len(ctx.captured_queries) == 2


class TestKantoortijd:
    def test_inside_office_hours_is_unchanged(self, db):
        kalender = Werkkalender()
        assert kalender.volgend_moment_binnen_kantoortijd(ams(2026, 3, 13, 17, 59)) == ams(
            2026, 3, 13, 17, 59
        )

    def test_evening_night_and_weekend_wait(self, db):
        kalender = Werkkalender()
        maandag = ams(2026, 3, 16, 8, 0)
        for moment in (ams(2026, 3, 13, 18, 0), ams(2026, 3, 15, 12, 0), ams(2026, 3, 16, 2, 0)):
            assert kalender.volgend_moment_binnen_kantoortijd(moment) == maandag

    def test_holidays_and_closing_days_wait(self, db):
        SluitingsdagFactory(datum=date(2026, 5, 15), omschrijving="Dag na Hemelvaart")
        kalender = Werkkalender()
        assert kalender.volgend_moment_binnen_kantoortijd(ams(2026, 5, 13, 22, 0)) == ams(
            2026, 5, 18, 8, 0
        )

    def test_over_the_time_switches(self, db):
        kalender = Werkkalender()
        lente = kalender.volgend_moment_binnen_kantoortijd(ams(2026, 3, 28, 23, 0))
        assert lente == ams(2026, 3, 30, 8, 0)
        assert lente.utcoffset() == timedelta(hours=2)
        herfst = kalender.volgend_moment_binnen_kantoortijd(ams(2026, 10, 24, 19, 0))
        assert herfst == ams(2026, 10, 26, 8, 0)
        assert herfst.utcoffset() == timedelta(hours=1)
