"""Deadlines of zaken, contactverzoeken and inbox items: pure functions on the calendar.

Every function takes an optional ``kalender``: a caller that computes many deadlines
(the norm monitor) builds one Werkkalender for the whole range and passes it, so the
closing days are read once. Without it a calendar for ``organisatie`` is built.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kcc.normen.calendar import Werkkalender, als_datum

if TYPE_CHECKING:
    from productcatalogus.models import Organisatie

FOUT_NEGATIEVE_TERMIJN = "Een termijn in werkdagen mag niet negatief zijn."
FOUT_HERVAT_VOOR_OPSCHORTING = "De hervattingsdatum ligt voor de datum van opschorting."
FOUT_VERLENGING = "Een verlenging moet minstens 1 werkdag zijn."
FOUT_FRACTIE = "De fractie moet tussen 0 en 1 liggen."


def _kalender(kalender: Werkkalender | None, organisatie: Organisatie | int | None) -> Werkkalender:
    return kalender if kalender is not None else Werkkalender(organisatie=organisatie)


def termijn_berekenen(
    *,
    start: datetime | date,
    werkdagen: int,
    organisatie: Organisatie | int | None = None,
    kalender: Werkkalender | None = None,
) -> date:
    """The deadline ``werkdagen`` working days after ``start`` (the day of receipt).

    Awb: the term starts the day after receipt, so a request received on a Friday
    evening or a Saturday counts from Monday; the result is always a working day.
    """
    if werkdagen < 0:
        raise ValueError(FOUT_NEGATIEVE_TERMIJN)
    return _kalender(kalender, organisatie).werkdagen_optellen(start, werkdagen)


def opgeschorte_werkdagen(
    *,
    opgeschort_van: date | datetime,
    hervat_op: date | datetime,
    organisatie: Organisatie | int | None = None,
    kalender: Werkkalender | None = None,
) -> int:
    """Working days the clock stood still: strictly after ``opgeschort_van``, before ``hervat_op``.

    Awb 4:15: suspended from the day after the request for information up to the day
    the information arrives; on both of those days the clock runs.
    """
    van, hervat = als_datum(opgeschort_van), als_datum(hervat_op)
    if hervat < van:
        raise ValueError(FOUT_HERVAT_VOOR_OPSCHORTING)
    if hervat == van:
        return 0
    return _kalender(kalender, organisatie).werkdagen_tussen(van, hervat - timedelta(days=1))


def opschorting_verwerken(
    *,
    einddatum: date,
    opgeschort_van: date | datetime,
    hervat_op: date | datetime,
    organisatie: Organisatie | int | None = None,
    kalender: Werkkalender | None = None,
) -> date:
    """The deadline moved on by the working days of a finished suspension."""
    kalender = _kalender(kalender, organisatie)
    dagen = opgeschorte_werkdagen(
        opgeschort_van=opgeschort_van, hervat_op=hervat_op, kalender=kalender
    )
    return kalender.werkdagen_optellen(einddatum, dagen) if dagen else einddatum


def verlengen(
    *,
    einddatum: date,
    werkdagen: int,
    organisatie: Organisatie | int | None = None,
    kalender: Werkkalender | None = None,
) -> date:
    """The deadline after an extension (verlenging) of ``werkdagen`` working days."""
    if werkdagen < 1:
        raise ValueError(FOUT_VERLENGING)
    return _kalender(kalender, organisatie).werkdagen_optellen(einddatum, werkdagen)


def waarschuwingsdatum(
    *,
    start: date | datetime,
    einddatum: date,
    fractie: float = 0.75,
    organisatie: Organisatie | int | None = None,
    kalender: Werkkalender | None = None,
) -> date:
    """The working day on which ``fractie`` of the term's working days have passed.

    Rounded down, so the warning never comes later than the fraction; a term of zero
    working days warns on its deadline.
    """
    if not 0 <= fractie <= 1:
        raise ValueError(FOUT_FRACTIE)
    kalender = _kalender(kalender, organisatie)
    totaal = kalender.werkdagen_tussen(start, einddatum)
    if totaal <= 0:
        return einddatum
    return kalender.werkdagen_optellen(start, math.floor(totaal * fractie))
