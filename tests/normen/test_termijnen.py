"""Deadlines: term from receipt, suspension, extension, warning date."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kcc.normen.calendar import Werkkalender
from kcc.normen.termijnen import (
    FOUT_FRACTIE,
    FOUT_HERVAT_VOOR_OPSCHORTING,
    FOUT_NEGATIEVE_TERMIJN,
    FOUT_VERLENGING,
    opgeschorte_werkdagen,
    opschorting_verwerken,
    termijn_berekenen,
    verlengen,
    waarschuwingsdatum,
)
from tests.factories import OrganisatieFactory
from tests.normen.factories import SluitingsdagFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _geen_bevrijdingsdag(settings):
    settings.KCC_BEVRIJDINGSDAG_VRIJ = False


@time_machine.travel(datetime(2026, 12, 23, 15, 0, tzinfo=AMS), tick=False)
def test_termijn_from_now_over_christmas():
    assert termijn_berekenen(start=timezone.now(), werkdagen=5) == date(2026, 12, 31)


def test_termijn_received_late_friday_evening():
    # Friday 22:30 Amsterdam is still Friday: the term starts on Monday.
    start = datetime(2026, 3, 13, 22, 30, tzinfo=AMS)
    assert termijn_berekenen(start=start, werkdagen=1) == date(2026, 3, 16)


def test_termijn_uses_the_closing_days_of_the_organisation():
    gemeente = OrganisatieFactory(code="gemeente-x")
    SluitingsdagFactory(datum=date(2026, 5, 15), omschrijving="Brugdag", organisatie=gemeente)
    start = datetime(2026, 5, 13, 10, 0, tzinfo=AMS)
    assert termijn_berekenen(start=start, werkdagen=1, organisatie=gemeente) == date(2026, 5, 18)
    assert termijn_berekenen(start=start, werkdagen=1) == date(2026, 5, 15)


def test_negative_termijn_is_refused():
    with pytest.raises(ValueError, match=FOUT_NEGATIEVE_TERMIJN):
        termijn_berekenen(start=date(2026, 3, 9), werkdagen=-1)


def test_suspension_moves_the_deadline_by_the_suspended_working_days():
    # Suspended Monday 1 June, resumed Monday 15 June 2026: the clock stood still on
    # 2-5 and 8-12 June, 9 working days. Deadline Tuesday 30 June moves to Monday 13 July.
    assert opgeschorte_werkdagen(opgeschort_van=date(2026, 6, 1), hervat_op=date(2026, 6, 15)) == 9
    assert opschorting_verwerken(
        einddatum=date(2026, 6, 30), opgeschort_van=date(2026, 6, 1), hervat_op=date(2026, 6, 15)
    ) == date(2026, 7, 13)


def test_suspension_over_holidays_counts_only_working_days():
    # Suspended Wednesday 13 May, resumed Wednesday 27 May 2026: 15, 18-22, 26 May are the
    # working days in between (Ascension 14 May and Whit Monday 25 May do not count).
    assert opgeschorte_werkdagen(opgeschort_van=date(2026, 5, 13), hervat_op=date(2026, 5, 27)) == 7


def test_suspension_with_datetimes_and_short_suspensions():
    van = datetime(2026, 6, 1, 16, 0, tzinfo=AMS)
    assert opgeschorte_werkdagen(opgeschort_van=van, hervat_op=van) == 0
    # Answer the next day: that day the clock runs again, nothing is suspended.
    assert opgeschorte_werkdagen(opgeschort_van=date(2026, 6, 1), hervat_op=date(2026, 6, 2)) == 0
    assert opschorting_verwerken(
        einddatum=date(2026, 6, 30), opgeschort_van=van, hervat_op=date(2026, 6, 2)
    ) == date(2026, 6, 30)


def test_resume_before_suspension_is_refused():
    with pytest.raises(ValueError, match=FOUT_HERVAT_VOOR_OPSCHORTING):
        opschorting_verwerken(
            einddatum=date(2026, 6, 30),
            opgeschort_van=date(2026, 6, 10),
            hervat_op=date(2026, 6, 9),
        )


def test_verlengen():
    assert verlengen(einddatum=date(2026, 12, 23), werkdagen=6) == date(2027, 1, 4)
    with pytest.raises(ValueError, match=FOUT_VERLENGING):
        verlengen(einddatum=date(2026, 12, 23), werkdagen=0)


def test_waarschuwingsdatum_at_three_quarters():
    # Monday 2 March + 8 working days = Thursday 12 March; 75% is 6 working days: 10 March.
    einde = termijn_berekenen(start=date(2026, 3, 2), werkdagen=8)
    assert einde == date(2026, 3, 12)
    assert waarschuwingsdatum(start=date(2026, 3, 2), einddatum=einde) == date(2026, 3, 10)
    assert waarschuwingsdatum(start=date(2026, 3, 2), einddatum=einde, fractie=1) == einde
    assert waarschuwingsdatum(start=date(2026, 3, 12), einddatum=date(2026, 3, 12)) == einde
    with pytest.raises(ValueError, match=FOUT_FRACTIE):
        waarschuwingsdatum(start=date(2026, 3, 2), einddatum=einde, fractie=1.5)


def test_one_calendar_for_many_deadlines_reads_once():
    kalender = Werkkalender(van=date(2026, 1, 1), tot=date(2027, 12, 31))
    with CaptureQueriesContext(connection) as ctx:
        for dag in range(1, 29):
            einde = termijn_berekenen(start=date(2026, 2, dag), werkdagen=20, kalender=kalender)
            einde = opschorting_verwerken(
                einddatum=einde,
                opgeschort_van=date(2026, 3, 2),
                hervat_op=date(2026, 3, 20),
                kalender=kalender,
            )
            verlengen(einddatum=einde, werkdagen=10, kalender=kalender)
    assert len(ctx.captured_queries) == 0
