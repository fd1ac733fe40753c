"""Chart geometry for server-rendered SVG (the CSP forbids inline scripts and styles).

Functions return plain numbers and strings; the templates draw them with <polyline>,
<rect> and <line>. Every chart in a template has a data table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BREEDTE = 640
HOOGTE = 240
MARGE_LINKS = 48
MARGE_ONDER = 28
MARGE_BOVEN = 12
MARGE_RECHTS = 12


@dataclass
class Lijn:
    naam: str
    klasse: str
    punten: str
    stippen: list[tuple[float, float]]


@dataclass
class AsLabel:
    positie: float
    tekst: str


@dataclass
class Lijngrafiek:
    lijnen: list[Lijn]
    x_labels: list[AsLabel]
    y_labels: list[AsLabel]
    doel_y: float | None
    doel_tekst: str = ""
    breedte: int = BREEDTE
    hoogte: int = HOOGTE
    links: int = MARGE_LINKS
    rechts: int = BREEDTE - MARGE_RECHTS
    boven: int = MARGE_BOVEN
    onder: int = HOOGTE - MARGE_ONDER


@dataclass
class Staaf:
    label: str
    waarde: float
    y: float
    breedte: float
    tekst: str


@dataclass
class Staafgrafiek:
    staven: list[Staaf] = field(default_factory=list)
    breedte: int = BREEDTE
    hoogte: int = 0
    links: int = 180
    staafhoogte: int = 20


def _x(i: int, n: int) -> float:
    plotbreedte = BREEDTE - MARGE_LINKS - MARGE_RECHTS
    if n <= 1:
        return MARGE_LINKS + plotbreedte / 2
    return round(MARGE_LINKS + i * plotbreedte / (n - 1), 1)


def _y(waarde: float, maximum: float) -> float:
    plothoogte = HOOGTE - MARGE_BOVEN - MARGE_ONDER
    return (
        round(HOOGTE - MARGE_ONDER - (waarde / maximum) * plothoogte, 1)
        if maximum
        else HOOGTE - MARGE_ONDER
    )


def lijngrafiek(
    x_teksten: list[str],
    reeksen: list[tuple[str, str, list[float | None]]],
    *,
    maximum: float | None = None,
    doel: float | None = None,
    doel_tekst: str = "",
    eenheid: str = "",
) -> Lijngrafiek:
    """Lines over the x positions; None values are gaps (no data that week)."""
    n = len(x_teksten)
    waarden = [w for _, _, rij in reeksen for w in rij if w is not None]
    maximum = maximum or max(waarden + [doel or 0, 1])
    lijnen = []
    for naam, klasse, rij in reeksen:
        stippen = [(_x(i, n), _y(w, maximum)) for i, w in enumerate(rij) if w is not None]
        lijnen.append(Lijn(naam, klasse, " ".join(f"{x},{y}" for x, y in stippen), stippen))
    stap = max(1, n // 8)
    x_labels = [AsLabel(_x(i, n), t) for i, t in enumerate(x_teksten) if i % stap == 0]
    y_labels = [
        AsLabel(_y(maximum * k / 4, maximum), f"{round(maximum * k / 4)}{eenheid}")
        for k in range(5)
    ]
    return Lijngrafiek(
        lijnen=lijnen,
        x_labels=x_labels,
        y_labels=y_labels,
        doel_y=_y(doel, maximum) if doel is not None else None,
        doel_tekst=doel_tekst,
    )


def staafgrafiek(items: list[tuple[str, float, str]]) -> Staafgrafiek:
    """Horizontal bars: (label, value, text shown at the end of the bar)."""
    grafiek = Staafgrafiek()
    maximum = max([w for _, w, _ in items] + [1])
    ruimte = grafiek.breedte - grafiek.links - 80
    for i, (label, waarde, tekst) in enumerate(items):
        grafiek.staven.append(
            Staaf(
                label=label,
                waarde=waarde,
                y=i * (grafiek.staafhoogte + 8) + 4,
                breedte=round(ruimte * waarde / maximum, 1),
                tekst=tekst,
            )
        )
    grafiek.hoogte = len(items) * (grafiek.staafhoogte + 8) + 8
    return grafiek
