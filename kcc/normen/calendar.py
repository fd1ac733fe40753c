"""The working-day calendar: public holidays, closing days and opening hours per channel.

Build one ``Werkkalender`` per call site (per request, per monitor tick) and ask it as
many questions as needed: closing days are loaded for a whole date range in one query,
opening hours in one more, and everything after that is pure Python.

Rules (see docs/normen.md):
- A working day is Monday to Friday, not a public holiday and not a closing day.
- Public holidays come from ``holidays.Netherlands`` (Koningsdag moves to Saturday when
  27 April is a Sunday), minus Good Friday (most offices are open; an organisation that
  closes adds it as a Sluitingsdag) and minus Bevrijdingsdag unless
  ``KCC_BEVRIJDINGSDAG_VRIJ`` is on (then 5 May is a day off every year).
- All moments are timezone-aware; dates and opening hours are Europe/Amsterdam wall
  clock, durations are real elapsed time (computed in UTC, so the summer/winter time
  switch neither adds nor loses minutes).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.db.models import Q

from kcc.normen.models import KanaalCode, Openingstijd, Sluitingsdag

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from productcatalogus.models import Organisatie

TIJDZONE = ZoneInfo("Europe/Amsterdam")

# Office hours for messages to citizens (volgend_moment_binnen_kantoortijd): working days only.
KANTOORTIJD_VAN = time(8, 0)
KANTOORTIJD_TOT = time(18, 0)

# Names (holidays package, language "nl") that are not a day off here; see the module doc.
_GEEN_VRIJE_DAG = frozenset({"Goede vrijdag", "Bevrijdingsdag"})
BEVRIJDINGSDAG = "Bevrijdingsdag"

# A search for the next open moment gives up after this many days (no opening hours at all).
_MAX_ZOEKDAGEN = 3 * 366

FOUT_NAIEF_TIJDSTIP = "Een tijdstip moet een tijdzone hebben; {moment!r} heeft er geen."
FOUT_ONBEKEND_KANAAL = "Onbekend kanaal {kanaal!r}; kies uit: {keuzes}."
FOUT_NEGATIEVE_MINUTEN = "Het aantal minuten mag niet negatief zijn."
FOUT_GEEN_OPENINGSTIJDEN = "Kanaal {kanaal!r} heeft geen openingstijden."
FOUT_BEREIK = "De einddatum {tot} ligt voor de begindatum {van}."


@functools.lru_cache(maxsize=128)
def feestdagen(jaar: int, *, bevrijdingsdag_vrij: bool) -> Mapping[date, str]:
    """The public holidays that are a day off in ``jaar``, with their Dutch names."""
    bron = holidays.Netherlands(years=jaar, language="nl")
    dagen: dict[date, str] = {}
    for dag in bron:
        # One date can carry two holidays (Hemelvaart on 5 May 2016): drop only the name.
        namen = [naam for naam in bron.get_list(dag) if naam not in _GEEN_VRIJE_DAG]
        if namen:
            dagen[dag] = "; ".join(namen)
    if bevrijdingsdag_vrij:
        dag = date(jaar, 5, 5)
        dagen[dag] = f"{dagen[dag]}; {BEVRIJDINGSDAG}" if dag in dagen else BEVRIJDINGSDAG
    return MappingProxyType(dagen)


def als_datum(moment: date | datetime) -> date:
    """The Amsterdam calendar date of a moment; a plain date is returned as is."""
    if isinstance(moment, datetime):
        return _utc(moment).astimezone(TIJDZONE).date()
    return moment


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(FOUT_NAIEF_TIJDSTIP.format(moment=moment))
    return moment.astimezone(UTC)


def _lokaal_naar_utc(dag: date, tijd: time) -> datetime:
    return datetime.combine(dag, tijd, tzinfo=TIJDZONE).astimezone(UTC)


def _samenvoegen(vensters: list[tuple[time, time]]) -> list[tuple[time, time]]:
    """Sort and merge overlapping or touching windows of one day."""
    resultaat: list[tuple[time, time]] = []
    for van, tot in sorted(vensters):
        if resultaat and van <= resultaat[-1][1]:
            resultaat[-1] = (resultaat[-1][0], max(resultaat[-1][1], tot))
        else:
            resultaat.append((van, tot))
    return resultaat


class Werkkalender:
    """Working days and opening hours of one organisation (or the general calendar).

    ``organisatie`` None means: public holidays plus the closing days that apply to all
    organisations, and the general opening hours. With an organisation, its own closing
    days are added and its own opening hours replace the general ones per channel.

    Pass ``van``/``tot`` to load the closing days of that range up front in one query.
    A question outside the loaded range loads the missing stretch (plus a year) with one
    more query, so answers are always complete.
    """

    def __init__(
        self,
        *,
        organisatie: Organisatie | int | None = None,
        van: date | None = None,
        tot: date | None = None,
        bevrijdingsdag_vrij: bool | None = None,
    ) -> None:
        self.organisatie_id: int | None = getattr(organisatie, "pk", organisatie)
        self.bevrijdingsdag_vrij = (
            settings.KCC_BEVRIJDINGSDAG_VRIJ if bevrijdingsdag_vrij is None else bevrijdingsdag_vrij
        )
        self._sluitingsdagen: dict[date, str] = {}
        self._geladen: tuple[date, date] | None = None
        self._openingstijden: dict[str, dict[int, list[tuple[time, time]]]] | None = None
        van = van if van is not None else tot
        tot = tot if tot is not None else van
        if van is not None and tot is not None:
            if tot < van:
                raise ValueError(FOUT_BEREIK.format(van=van, tot=tot))
            self._laad_sluitingsdagen(van, tot)

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def per_organisatie(
        cls, organisaties: Iterable[int | None], *, van: date, tot: date
    ) -> dict[int | None, Werkkalender]:
        """One calendar per organisation id, all closing days of [van, tot] in one query.

        For callers that compute dates for many organisations at once (the norm monitor):
        the number of queries does not grow with the number of organisations.
        """
        if tot < van:
            raise ValueError(FOUT_BEREIK.format(van=van, tot=tot))
        kalenders = {org: cls(organisatie=org) for org in set(organisaties)}
        ids = [org for org in kalenders if org is not None]
        rijen = Sluitingsdag.objects.filter(
            Q(organisatie__isnull=True) | Q(organisatie_id__in=ids), datum__range=(van, tot)
        ).values_list("organisatie_id", "datum", "omschrijving")
        for kalender in kalenders.values():
            kalender._geladen = (van, tot)
        for organisatie_id, datum, omschrijving in rijen:
            doelen = kalenders.values() if organisatie_id is None else [kalenders[organisatie_id]]
            for kalender in doelen:
                kalender._sluitingsdag_toevoegen(datum, omschrijving)
        return kalenders

    def _sluitingsdag_toevoegen(self, datum: date, omschrijving: str) -> None:
        bestaand = self._sluitingsdagen.get(datum)
        self._sluitingsdagen[datum] = f"{bestaand}; {omschrijving}" if bestaand else omschrijving

    def _laad_sluitingsdagen(self, van: date, tot: date) -> None:
        rijen = Sluitingsdag.objects.filter(
            Q(organisatie__isnull=True) | Q(organisatie_id=self.organisatie_id),
            datum__range=(van, tot),
        ).values_list("datum", "omschrijving")
        for datum, omschrijving in rijen:
            self._sluitingsdag_toevoegen(datum, omschrijving)
        if self._geladen is None:
            self._geladen = (van, tot)
        else:
            self._geladen = (min(van, self._geladen[0]), max(tot, self._geladen[1]))

    def _zorg_voor(self, dag: date) -> None:
        if self._geladen is None:
            self._laad_sluitingsdagen(dag - timedelta(days=31), dag + timedelta(days=2 * 366))
            return
        van, tot = self._geladen
        if dag < van:
            self._laad_sluitingsdagen(dag - timedelta(days=366), van - timedelta(days=1))
        elif dag > tot:
            self._laad_sluitingsdagen(tot + timedelta(days=1), dag + timedelta(days=366))

    def _vensters_per_weekdag(self, kanaal: str) -> dict[int, list[tuple[time, time]]]:
        if kanaal not in KanaalCode.values:
            raise ValueError(
                FOUT_ONBEKEND_KANAAL.format(kanaal=kanaal, keuzes=", ".join(KanaalCode.values))
            )
        if self._openingstijden is None:
            eigen: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
            algemeen: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
            rijen = Openingstijd.objects.filter(
                Q(organisatie__isnull=True) | Q(organisatie_id=self.organisatie_id)
            ).values_list("kanaal", "weekdag", "van", "tot", "organisatie_id")
            for code, weekdag, van, tot, organisatie_id in rijen:
                doel = algemeen if organisatie_id is None else eigen
                doel[code][weekdag].append((van, tot))
            self._openingstijden = {
                code: {
                    weekdag: _samenvoegen(vensters)
                    for weekdag, vensters in (eigen.get(code) or algemeen.get(code) or {}).items()
                }
                for code in KanaalCode.values
            }
        return self._openingstijden[kanaal]

    # -- days ---------------------------------------------------------------------------

    def feestdag(self, dag: date | datetime) -> str | None:
        """Name of the public holiday on this day, or None."""
        dag = als_datum(dag)
        return feestdagen(dag.year, bevrijdingsdag_vrij=self.bevrijdingsdag_vrij).get(dag)

    def sluitingsdag(self, dag: date | datetime) -> str | None:
        """Description of the organisation's closing day on this day, or None."""
        dag = als_datum(dag)
        self._zorg_voor(dag)
        return self._sluitingsdagen.get(dag)

    def is_gesloten(self, dag: date | datetime) -> bool:
        """Closed all day: a public holiday or a closing day (weekends aside)."""
        return self.feestdag(dag) is not None or self.sluitingsdag(dag) is not None

    def is_werkdag(self, dag: date | datetime) -> bool:
        dag = als_datum(dag)
        return dag.weekday() < 5 and not self.is_gesloten(dag)

    def reden_geen_werkdag(self, dag: date | datetime) -> str | None:
        """Why a day is not a working day ("zaterdag", "Koningsdag", ...), None if it is one."""
        dag = als_datum(dag)
        if reden := self.feestdag(dag) or self.sluitingsdag(dag):
            return reden
        if dag.weekday() >= 5:
            return "zaterdag" if dag.weekday() == 5 else "zondag"
        return None

    def werkdagen_optellen(self, start: date | datetime, n: int) -> date:
        """The n-th working day after ``start`` (Awb: the day of receipt does not count).

        The result is always a working day. ``n == 0`` gives ``start`` itself, or the next
        working day when ``start`` is not one; a negative ``n`` counts back (the n-th
        working day before ``start``), for warnings "one working day before".
        """
        dag = als_datum(start)
        if n == 0:
            while not self.is_werkdag(dag):
                dag += timedelta(days=1)
            return dag
        stap = timedelta(days=1 if n > 0 else -1)
        resterend = abs(n)
        while resterend:
            dag += stap
            if self.is_werkdag(dag):
                resterend -= 1
        return dag

    def werkdagen_tussen(self, a: date | datetime, b: date | datetime) -> int:
        """Working days after ``a`` up to and including ``b``; negative when b < a.

        The inverse of werkdagen_optellen: ``werkdagen_tussen(s, werkdagen_optellen(s, n))
        == n`` for every n >= 0 when ``s`` is a working day.
        """
        a, b = als_datum(a), als_datum(b)
        if b < a:
            return -self.werkdagen_tussen(b, a)
        self._zorg_voor(a)
        self._zorg_voor(b)
        return sum(
            1 for offset in range(1, (b - a).days + 1) if self.is_werkdag(a + timedelta(offset))
        )

    # -- opening hours --------------------------------------------------------------------

    def _vensters_op(self, kanaal: str, dag: date) -> list[tuple[datetime, datetime]]:
        """The opening windows of a channel on a date, as UTC moments; none when closed."""
        vensters = self._vensters_per_weekdag(kanaal).get(dag.weekday(), [])
        if not vensters or self.is_gesloten(dag):
            return []
        return [(_lokaal_naar_utc(dag, van), _lokaal_naar_utc(dag, tot)) for van, tot in vensters]

    def binnen_openingstijd(self, kanaal: str, moment: datetime) -> bool:
        """Is the channel open at this moment (opening hours, holidays and closing days)?"""
        nu = _utc(moment)
        dag = nu.astimezone(TIJDZONE).date()
        return any(van <= nu < tot for van, tot in self._vensters_op(kanaal, dag))

    def zakelijke_minuten_optellen(self, kanaal: str, start: datetime, minuten: int) -> datetime:
        """The moment at which ``minuten`` minutes of the channel's opening hours have passed.

        Only minutes inside opening windows count (a 2-minute chat norm started at 16:59
        ends at 09:01 the next working day). A norm that ends exactly at closing time
        ends at closing time. ``minuten == 0`` gives the first open moment at or after
        ``start``. The result is in Europe/Amsterdam.
        """
        if minuten < 0:
            raise ValueError(FOUT_NEGATIEVE_MINUTEN)
        if not any(self._vensters_per_weekdag(kanaal).values()):
            raise ValueError(FOUT_GEEN_OPENINGSTIJDEN.format(kanaal=kanaal))
        huidig = _utc(start)
        resterend = timedelta(minutes=minuten)
        dag = huidig.astimezone(TIJDZONE).date()
        for _ in range(_MAX_ZOEKDAGEN):
            for van, tot in self._vensters_op(kanaal, dag):
                if tot <= huidig:
                    continue
                begin = max(van, huidig)
                if resterend <= tot - begin:
                    return (begin + resterend).astimezone(TIJDZONE)
                resterend -= tot - begin
                huidig = tot
            dag += timedelta(days=1)
        raise ValueError(FOUT_GEEN_OPENINGSTIJDEN.format(kanaal=kanaal))

    def volgend_moment_binnen_kantoortijd(self, moment: datetime) -> datetime:
        """``moment`` if it falls in office hours, else the next start of office hours.

        Office hours: working days from KANTOORTIJD_VAN to KANTOORTIJD_TOT. Messages to
        citizens wait for this: never in the evening, at night, at the weekend or on a
        holiday or closing day.
        """
        huidig = _utc(moment)
        dag = huidig.astimezone(TIJDZONE).date()
        for _ in range(_MAX_ZOEKDAGEN):
            if self.is_werkdag(dag):
                van = _lokaal_naar_utc(dag, KANTOORTIJD_VAN)
                tot = _lokaal_naar_utc(dag, KANTOORTIJD_TOT)
                if huidig < tot:
                    return max(van, huidig).astimezone(TIJDZONE)
            dag += timedelta(days=1)
        raise ValueError(FOUT_GEEN_OPENINGSTIJDEN.format(kanaal="kantoortijd"))
