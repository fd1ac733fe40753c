"""Working-day arithmetic: counting, the inverse, closing days from the database, queries."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcc.normen.calendar import FOUT_BEREIK, Werkkalender
from tests.factories import OrganisatieFactory
from tests.normen.factories import SluitingsdagFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def kalender():
    return Werkkalender(bevrijdingsdag_vrij=False)


def test_five_working_days_from_23_december_2026(kalender):
    # Thu 24 | Fri 25, Sat 26, Sun 27 off | Mon 28, Tue 29, Wed 30, Thu 31
    assert kalender.werkdagen_optellen(date(2026, 12, 23), 5) == date(2026, 12, 31)
    # 1 January 2027 is a Friday and a holiday: the sixth working day is Monday 4 January.
    assert kalender.werkdagen_optellen(date(2026, 12, 23), 6) == date(2027, 1, 4)


def test_start_day_does_not_count_and_end_is_a_working_day(kalender):
    assert kalender.werkdagen_optellen(date(2026, 3, 9), 1) == date(2026, 3, 10)
    # Received on a Saturday: the term starts on Monday.
    assert kalender.werkdagen_optellen(date(2026, 3, 7), 1) == date(2026, 3, 9)
    # Received on Maundy Thursday: Good Friday works, Easter Monday does not.
    assert kalender.werkdagen_optellen(date(2026, 4, 2), 2) == date(2026, 4, 7)


def test_zero_days_gives_the_same_or_next_working_day(kalender):
    assert kalender.werkdagen_optellen(date(2026, 3, 9), 0) == date(2026, 3, 9)
    assert kalender.werkdagen_optellen(date(2026, 5, 23), 0) == date(2026, 5, 26)


def test_negative_counts_back(kalender):
    # One working day before Tuesday after Whitsun is the Friday before.
    assert kalender.werkdagen_optellen(date(2026, 5, 26), -1) == date(2026, 5, 22)


def test_ascension_and_whitsun_in_a_term(kalender):
    # Wed 13 May 2026 + 10: 15, 18-22, 26-29 (14 May Hemelvaart, 25 May Pinksteren).
    assert kalender.werkdagen_optellen(date(2026, 5, 13), 10) == date(2026, 5, 29)


def test_werkdagen_tussen_is_the_inverse(kalender):
    start = date(2026, 3, 2)
    for n in range(0, 300, 7):
        einde = kalender.werkdagen_optellen(start, n)
        assert kalender.werkdagen_tussen(start, einde) == n
    assert kalender.werkdagen_tussen(date(2026, 12, 31), date(2026, 12, 23)) == -5


def test_datetime_start_uses_the_amsterdam_date(kalender):
    # 00:30 on Thursday 2 April in Amsterdam is still Wednesday 1 April in UTC.
    moment = datetime(2026, 4, 2, 0, 30, tzinfo=AMS)
    assert moment.astimezone(ZoneInfo("UTC")).date() == date(2026, 4, 1)
    assert kalender.werkdagen_optellen(moment, 1) == date(2026, 4, 3)


def test_naive_datetime_is_refused(kalender):
    with pytest.raises(ValueError, match="tijdzone"):
        kalender.werkdagen_optellen(datetime(2026, 4, 2, 10, 0), 1)


def test_range_the_wrong_way_round_is_refused():
    with pytest.raises(ValueError) as exc:
        Werkkalender(van=date(2026, 2, 1), tot=date(2026, 1, 1))
    assert str(exc.value) == FOUT_BEREIK.format(van=date(2026, 2, 1), tot=date(2026, 1, 1))


def test_general_closing_day_counts_for_everyone():
    SluitingsdagFactory(datum=date(2026, 5, 15), omschrijving="Dag na Hemelvaart")
    for kalender in (Werkkalender(), Werkkalender(organisatie=OrganisatieFactory())):
        assert kalender.reden_geen_werkdag(date(2026, 5, 15)) == "Dag na Hemelvaart"
        # Wed 13 May + 2: Thursday Ascension and Friday closed, so Monday 18 and Tuesday 19.
        assert kalender.werkdagen_optellen(date(2026, 5, 13), 2) == date(2026, 5, 19)


def test_closing_day_of_one_organisation_only_counts_for_it():
    svb, uwv = OrganisatieFactory(code="svb"), OrganisatieFactory(code="uwv")
    SluitingsdagFactory(datum=date(2026, 6, 12), omschrijving="Personeelsdag", organisatie=svb)
    assert not Werkkalender(organisatie=svb).is_werkdag(date(2026, 6, 12))
    assert Werkkalender(organisatie=svb.pk).sluitingsdag(date(2026, 6, 12)) == "Personeelsdag"
    assert Werkkalender(organisatie=uwv).is_werkdag(date(2026, 6, 12))
    assert Werkkalender().is_werkdag(date(2026, 6, 12))


def test_a_year_range_reads_the_closing_days_in_one_query():
    for offset in range(0, 365, 10):
        SluitingsdagFactory(datum=date(2026, 1, 1) + timedelta(days=offset))
    with CaptureQueriesContext(connection) as ctx:
        kalender = Werkkalender(van=date(2026, 1, 1), tot=date(2026, 12, 31))
        werkdagen = [
            dag
            for dag in (date(2026, 1, 1) + timedelta(days=i) for i in range(365))
            if kalender.is_werkdag(dag)
        ]
        kalender.werkdagen_tussen(date(2026, 1, 1), date(2026, 12, 31))
    assert len(ctx.captured_queries) == 1
    assert "normen_sluitingsdag" in ctx.captured_queries[0]["sql"]
    feestdagen_2026 = {
        date(2026, m, d) for m, d in ((1, 1), (4, 6), (4, 27), (5, 14), (5, 25), (12, 25))
    }
    sluitingsdagen = {date(2026, 1, 1) + timedelta(days=offset) for offset in range(0, 365, 10)}
    verwacht = [
        dag
        for dag in (date(2026, 1, 1) + timedelta(days=i) for i in range(365))
        if dag.weekday() < 5 and dag not in feestdagen_2026 | sluitingsdagen
    ]
    assert werkdagen == verwacht
    assert 200 < len(verwacht) < 261


def test_question_beyond_the_range_loads_the_rest_once():
    SluitingsdagFactory(datum=date(2027, 3, 1), omschrijving="Verhuizing")
    kalender = Werkkalender(van=date(2026, 1, 1), tot=date(2026, 12, 31))
    with CaptureQueriesContext(connection) as ctx:
        assert kalender.sluitingsdag(date(2027, 3, 1)) == "Verhuizing"
        kalender.werkdagen_optellen(date(2026, 12, 1), 60)
        kalender.is_werkdag(date(2027, 6, 1))
    assert len(ctx.captured_queries) == 1


def test_without_a_range_the_first_question_loads_two_years():
    kalender = Werkkalender()
    with CaptureQueriesContext(connection) as ctx:
        kalender.werkdagen_optellen(date(2026, 1, 5), 400)
    assert len(ctx.captured_queries) == 1
