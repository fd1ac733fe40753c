"""The report as named tables: one definition for the HTML tables and the CSV export."""

from __future__ import annotations

from dataclasses import dataclass

from kanalen.codes import KanaalCode
from kcc.kpi.selectors import BacklogRegel, Rapport


@dataclass
class Tabel:
    naam: str  # slug, used in ?tabel= for the CSV export
    titel: str  # the <caption>
    kop: list[str]
    rijen: list[list]


def _kanaalnaam(code: str) -> str:
    return dict(KanaalCode.choices).get(code, code)


def kerncijfers(r: Rapport) -> Tabel:
    return Tabel(
        "kerncijfers",
        "Kerncijfers in de gekozen periode",
        ["Prestatie", "Percentage", "Norm (%)", "Beoordeeld", "Gehaald"],
        [
            ["Eerste-contactoplossing", r.fcr.percentage, r.fcr.norm, r.fcr.totaal, r.fcr.opgelost],
            [
                "Zaken afgehandeld binnen servicenorm",
                r.servicenorm.percentage,
                None,
                r.servicenorm.aantal,
                r.servicenorm.binnen,
            ],
            [
                "Zaken afgehandeld binnen wettelijke termijn",
                r.wettelijk.percentage,
                None,
                r.wettelijk.aantal,
                r.wettelijk.binnen,
            ],
            [
                "Berichten beantwoord binnen reactienorm",
                r.reactie.percentage,
                None,
                r.reactie.aantal,
                r.reactie.binnen,
            ],
        ],
    )


FCR_VOORLOPIG = "voorlopig"
FCR_DEFINITIEF = "definitief"


def trend_per_week(r: Rapport) -> Tabel:
    return Tabel(
        "trend-per-week",
        "Trend per week (week begint op maandag)",
        [
            "Week vanaf",
            "Eerste-contactoplossing (%)",
            "Eerste-contactoplossing voorlopig of definitief",
            "Contacten met klant (inkomend)",
            "Binnen servicenorm (%)",
            "Binnen wettelijke termijn (%)",
            "Afgesloten zaken met servicenorm",
        ],
        [
            [
                w.week,
                w.fcr.percentage,
                FCR_VOORLOPIG if w.fcr.voorlopig_vanaf else FCR_DEFINITIEF,
                w.fcr.totaal,
                w.servicenorm.percentage,
                w.wettelijk.percentage,
                w.servicenorm.aantal,
            ]
            for w in r.weken
        ],
    )


def afhandeltijd(r: Rapport) -> Tabel:
    return Tabel(
        "afhandeltijd",
        "Afhandeltijd per kanaal (duur van het contact)",
        [
            "Kanaal",
            "Aantal contacten",
            "Gemiddelde duur (seconden)",
            # The p90 comes from a histogram of 30-second bins (the daily tables): the
            # bin holding the 90th percentile contact, given by its lower edge.
            "90e percentiel (seconden, naar beneden afgerond op 30)",
        ],
        [[a.kanaal.naam, a.aantal, a.gemiddeld_seconden, a.p90_seconden] for a in r.afhandeltijden],
    )


def volumes_per_week(r: Rapport) -> Tabel:
    v = r.volumes
    return Tabel(
        "volumes-per-week",
        "Aantal contacten per kanaal per week",
        ["Week vanaf", *[k.naam for k in v.kanalen], "Totaal"],
        [[week, *waarden, totaal] for week, waarden, totaal in v.per_week],
    )


def volumes_per_kanaal(r: Rapport) -> Tabel:
    v = r.volumes
    return Tabel(
        "volumes-per-kanaal",
        "Aantal contacten per kanaal",
        ["Kanaal", "Aantal contacten"],
        [[k.naam, n] for k, n in zip(v.kanalen, v.totaal_per_kanaal, strict=True)],
    )


def volumes_per_dag(r: Rapport) -> Tabel:
    v = r.volumes
    return Tabel(
        "volumes-per-dag",
        "Aantal contacten per kanaal per dag",
        ["Dag", *[k.naam for k in v.kanalen], "Totaal"],
        [[dag, *waarden, totaal] for dag, waarden, totaal in v.per_dag],
    )


def reactie(r: Rapport) -> Tabel:
    return Tabel(
        "reactie-binnen-norm",
        "Berichten beantwoord binnen de reactienorm, per kanaal",
        ["Kanaal", "Beoordeeld", "Binnen norm", "Percentage"],
        [[_kanaalnaam(code), n.aantal, n.binnen, n.percentage] for code, n in r.reactie_per_kanaal],
    )


def backlog(regels: list[BacklogRegel]) -> Tabel:
    return Tabel(
        "werkvoorraad",
        "Werkvoorraad per afdeling (nu)",
        ["Organisatie", "Afdeling", "Open zaken", "Open contactverzoeken"],
        [
            [b.afdeling.organisatie.naam, b.afdeling.naam, b.open_zaken, b.open_contactverzoeken]
            for b in regels
        ],
    )


def publiek(r: Rapport) -> dict[str, Tabel]:
    """The tables of the public performance page (aggregated, no personal data)."""
    return {t.naam: t for t in (kerncijfers(r), trend_per_week(r), volumes_per_kanaal(r))}


def alle(r: Rapport, regels: list[BacklogRegel]) -> dict[str, Tabel]:
    tabellen = [
        kerncijfers(r),
        trend_per_week(r),
        afhandeltijd(r),
        volumes_per_week(r),
        volumes_per_dag(r),
        reactie(r),
        backlog(regels),
    ]
    return {t.naam: t for t in tabellen}
