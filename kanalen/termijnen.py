"""The two working-day questions of this app, in one place.

Both use the shared calendar of ``kcc.normen`` (public holidays, closing days). Should
that app be absent, a plain weekday rule (Monday to Friday) answers instead, so the
console keeps working; nothing else in kanalen knows about calendars.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

try:  # the shared working-day calendar (kcc/normen)
    from kcc.normen.calendar import Werkkalender
except ImportError:  # pragma: no cover - only without kcc.normen
    Werkkalender = None  # type: ignore[assignment,misc]

# A terugbelverzoek is answered by the end of the next working day.
CONTACTVERZOEK_WERKDAGEN = 1
EINDE_WERKDAG = datetime.time(17, 0)
# FCR: no new inbound contact on the same subject within this many working days.
FCR_WERKDAGEN = 5


def _werkdagen_optellen(
    dag: datetime.date, n: int, organisatie=None, kalender=None
) -> datetime.date:
    if Werkkalender is not None:
        kalender = kalender or Werkkalender(organisatie=organisatie)
        return kalender.werkdagen_optellen(dag, n)
    while n > 0:
        dag += datetime.timedelta(days=1)
        if dag.weekday() < 5:
            n -= 1
    return dag


def contactverzoek_deadline(*, vanaf: datetime.datetime, organisatie=None) -> datetime.datetime:
    """End of the working day ``CONTACTVERZOEK_WERKDAGEN`` working days after ``vanaf``."""
    dag = _werkdagen_optellen(timezone.localdate(vanaf), CONTACTVERZOEK_WERKDAGEN, organisatie)
    return datetime.datetime.combine(dag, EINDE_WERKDAG, tzinfo=timezone.get_current_timezone())


def fcr_venster_einden(dagen: list[datetime.date]) -> dict[datetime.date, datetime.datetime]:
    """For each contact day: the moment its 5-working-day follow-up window closes.

    The window of a contact on day d ends at the end of the 5th working day after d.
    """
    kalender = None
    if Werkkalender is not None and dagen:
        kalender = Werkkalender(van=min(dagen), tot=max(dagen) + datetime.timedelta(days=30))
    tz = timezone.get_current_timezone()
    return {
        dag: datetime.datetime.combine(
            _werkdagen_optellen(dag, FCR_WERKDAGEN, kalender=kalender) + datetime.timedelta(days=1),
            datetime.time.min,
            tzinfo=tz,
        )
        for dag in dagen
    }
