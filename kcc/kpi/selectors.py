"""The KPIs of DESIGN.md ("KPI definitions"), computed in the database.

Two sources with the same shape:
- live: grouping queries over contactmomenten and zaken (``*_live``), one query per figure
  whatever the period; used to fill the daily tables and for days not aggregated (yet);
- aggregate: the daily tables of ``kcc.kpi.models`` for the days listed in ``KpiDag``.

Report functions add the grouped rows of both sources (a few hundred rows at most, never
single contacts) and derive percentages, means and the p90 from the sums.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Least, TruncDate
from django.utils import timezone

from kanalen import termijnen
from kanalen.inbox.models import InkomendBericht
from kanalen.models import Contactmoment, ContactmomentVraag, Contactverzoek, Kanaal
from kcc.kpi.models import (
    DUUR_BUCKET_MAX,
    DUUR_BUCKET_SECONDEN,
    ContactDagcijfer,
    ContactDuurBucket,
    KpiDag,
    ZaakDagcijfer,
)
from productcatalogus.models import Afdeling, Product
from zaken.models import Aanvraag, Zaak

FCR_NORM = 80  # percent (DESIGN.md: target >= 80%)
# Resolved in the contact (DESIGN.md): answered, or a complete aanvraag registered, i.e.
# result 'aanvraag gestart' with its aanvraag linked and submitted (a concept is not).
OPGELOST_RESULTAAT = Q(resultaat=Contactmoment.Resultaat.BEANTWOORD) | Q(
    resultaat=Contactmoment.Resultaat.AANVRAAG_GESTART,
    aanvraag__status=Aanvraag.Status.INGEDIEND,
)
OPEN_CONTACTVERZOEK = (Contactverzoek.Status.OPEN, Contactverzoek.Status.IN_BEHANDELING)
CONTACT_METRIEKEN = ("aantal", "fcr_basis", "fcr_opgelost", "duur_som")
ZAAK_METRIEKEN = (
    "gesloten",
    "met_streefdatum",
    "binnen_streefdatum",
    "met_uiterlijke_einddatum",
    "binnen_uiterlijke_einddatum",
)


@dataclass(frozen=True)
class KpiFilter:
    """The report filters: period (both days included) and optional dimensions."""

    van: datetime.date
    tot: datetime.date
    organisatie_id: int | None = None
    afdeling_id: int | None = None
    kanaal: Kanaal | None = None
    product_id: int | None = None


def percentage(deel: int, geheel: int) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def _periode(van: datetime.date, tot: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[van 00:00, tot+1 00:00) in local time."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(van, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(tot + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz),
    )


def _dagen(van: datetime.date, tot: datetime.date) -> list[datetime.date]:
    return [van + datetime.timedelta(days=i) for i in range((tot - van).days + 1)]


def _maandag(dag: datetime.date) -> datetime.date:
    return dag - datetime.timedelta(days=dag.weekday())


def _product_q(f: KpiFilter, veld: str) -> Q:
    """Organisatie/afdeling/product filter on a product id field (contacts have no afdeling)."""
    q = Q()
    if f.product_id:
        q &= Q(**{veld: f.product_id})
    if f.afdeling_id or f.organisatie_id:
        producten = Product.objects.all()
        if f.afdeling_id:
            producten = producten.filter(afdeling_id=f.afdeling_id)
        if f.organisatie_id:
            producten = producten.filter(organisatie_id=f.organisatie_id)
        q &= Q(**{f"{veld}__in": producten.values("pk")})
    return q


def _totaalregels(f: KpiFilter) -> bool:
    """Without a product-side filter the small per-kanaal total rows suffice."""
    return not (f.product_id or f.afdeling_id or f.organisatie_id)


def _zaak_q(f: KpiFilter, *, kanaal_veld: str) -> Q:
    q = Q()
    if f.organisatie_id:
        q &= Q(organisatie_id=f.organisatie_id)
    if f.afdeling_id:
        q &= Q(afdeling_id=f.afdeling_id)
    if f.product_id:
        q &= Q(product_id=f.product_id)
    if f.kanaal is not None:
        q &= Q(**{kanaal_veld: f.kanaal.code})
    return q


# --- live grouping queries (also used by services.kpi_dag_aggregeren) -------------------


def _contacten_live(van: datetime.date, tot: datetime.date) -> QuerySet[Contactmoment]:
    """Contactmomenten started from van to tot, with their day and first product."""
    start, eind = _periode(van, tot)
    eerste_product = (
        ContactmomentVraag.objects.filter(contactmoment_id=OuterRef("pk"), product_id__isnull=False)
        .order_by("volgnummer")
        .values("product_id")[:1]
    )
    return Contactmoment.objects.filter(gestart_op__gte=start, gestart_op__lt=eind).annotate(
        dag=TruncDate("gestart_op", tzinfo=timezone.get_current_timezone()),
        hoofdproduct=Subquery(eerste_product, output_field=IntegerField()),
    )


def contact_dagcijfers_live(*, van: datetime.date, tot: datetime.date, f: KpiFilter | None = None):
    """Rows (dag, kanaal_id, richting, product_id) with aantal, fcr_basis, fcr_opgelost, duur_som.

    FCR (DESIGN.md): an inbound contact with a Klant counts as resolved when its result is
    'beantwoord' or 'aanvraag gestart' with its aanvraag submitted (OPGELOST_RESULTAAT:
    a complete aanvraag registered), no contactverzoek
    was made from it, it was not transferred (those results are not in the resolved set)
    and the same Klant had no new inbound contact about one of its products or VACs before
    the end of the 5th working day after the contact's day.
    """
    einden = termijnen.fcr_venster_einden(_dagen(van, tot))
    venster = Case(
        *[When(dag=dag, then=Value(einde)) for dag, einde in einden.items()],
        output_field=DateTimeField(),
    )
    eigen_vragen = ContactmomentVraag.objects.filter(contactmoment_id=OuterRef(OuterRef("pk")))
    herhaling = ContactmomentVraag.objects.filter(
        contactmoment__klant_id=OuterRef("klant_id"),
        contactmoment__richting=Contactmoment.Richting.INKOMEND,
        contactmoment__gestart_op__gt=OuterRef("gestart_op"),
        contactmoment__gestart_op__lt=OuterRef("venster_einde"),
    ).filter(
        Q(product_id__in=eigen_vragen.filter(product_id__isnull=False).values("product_id"))
        | Q(vac_id__in=eigen_vragen.filter(vac_id__isnull=False).values("vac_id"))
    )
    basis = Q(richting=Contactmoment.Richting.INKOMEND, klant_id__isnull=False)
    qs = _contacten_live(van, tot).annotate(
        venster_einde=venster,
        heeft_verzoek=Exists(Contactverzoek.objects.filter(contactmoment_id=OuterRef("pk"))),
        herhaald=Exists(herhaling),
    )
    if f is not None:
        qs = _filter_live(qs, f)
    return (
        qs.values("dag", "kanaal_id", "richting", "hoofdproduct")
        .annotate(
            aantal=Count("pk"),
            fcr_basis=Count("pk", filter=basis),
            fcr_opgelost=Count(
                "pk",
                filter=basis & OPGELOST_RESULTAAT & Q(heeft_verzoek=False, herhaald=False),
            ),
            duur_som=Sum("duur_seconden"),
        )
        .order_by()
    )


def _bucket_expressie():
    return Least(
        ExpressionWrapper(
            F("duur_seconden") / DUUR_BUCKET_SECONDEN * DUUR_BUCKET_SECONDEN,
            output_field=IntegerField(),
        ),
        Value(DUUR_BUCKET_MAX),
    )


def contact_duurbuckets_live(*, van: datetime.date, tot: datetime.date, f: KpiFilter | None = None):
    """Rows (dag, kanaal_id, product_id, bucket) with aantal: the duration histogram."""
    qs = _contacten_live(van, tot).annotate(bucket=_bucket_expressie())
    if f is not None:
        qs = _filter_live(qs, f)
    return (
        qs.values("dag", "kanaal_id", "hoofdproduct", "bucket")
        .annotate(aantal=Count("pk"))
        .order_by()
    )


def _filter_live(qs: QuerySet, f: KpiFilter) -> QuerySet:
    if f.kanaal is not None:
        qs = qs.filter(kanaal_id=f.kanaal.pk)
    return qs.filter(_product_q(f, "hoofdproduct"))


def zaak_dagcijfers_live(*, van: datetime.date, tot: datetime.date, f: KpiFilter | None = None):
    """Rows (dag, organisatie, afdeling, product, kanaal) of closed zaken against their norms.

    Afgehandeld binnen norm (DESIGN.md): closed on or before the servicenorm date
    (streefdatum); separately on or before the legal term (uiterlijke_einddatum). Zaken
    without such a date are not in that share's denominator.
    """
    start, eind = _periode(van, tot)
    qs = Zaak.objects.filter(afgesloten_op__gte=start, afgesloten_op__lt=eind).annotate(
        dag=TruncDate("afgesloten_op", tzinfo=timezone.get_current_timezone()),
        kanaal=F("aanvraag__kanaal"),
    )
    if f is not None:
        qs = qs.filter(_zaak_q(f, kanaal_veld="aanvraag__kanaal"))
    return (
        qs.values("dag", "organisatie_id", "afdeling_id", "product_id", "kanaal")
        .annotate(
            gesloten=Count("pk"),
            met_streefdatum=Count("pk", filter=Q(streefdatum__isnull=False)),
            binnen_streefdatum=Count("pk", filter=Q(streefdatum__gte=F("dag"))),
            met_uiterlijke_einddatum=Count("pk", filter=Q(uiterlijke_einddatum__isnull=False)),
            binnen_uiterlijke_einddatum=Count("pk", filter=Q(uiterlijke_einddatum__gte=F("dag"))),
        )
        .order_by()
    )


# --- combining the two sources ----------------------------------------------------------


# More separate runs of missing days than this: compute the whole period live instead
# (one set of grouping queries). The nightly job fills holes, so this is rare.
MAX_LIVE_REEKSEN = 4


@dataclass(frozen=True)
class Bronnen:
    """Which days come from the daily tables and which are computed live.

    ``tabel`` is the span read from the tables: they hold rows only for aggregated days
    (``kpi_dag_aggregeren`` writes rows and their ``KpiDag`` in one transaction), so the
    days in that span that are not aggregated simply add nothing there. ``live`` are the
    runs of days without a ``KpiDag`` (today, a night the job did not run, data older
    than the nightly window): those are computed with the live grouping queries.
    """

    tabel: tuple[datetime.date, datetime.date] | None
    live: tuple[tuple[datetime.date, datetime.date], ...]


def _reeksen(dagen: list[datetime.date]) -> list[tuple[datetime.date, datetime.date]]:
    """Consecutive days grouped into (first, last) runs; ``dagen`` sorted."""
    reeksen: list[list[datetime.date]] = []
    for dag in dagen:
        if reeksen and dag - reeksen[-1][1] == datetime.timedelta(days=1):
            reeksen[-1][1] = dag
        else:
            reeksen.append([dag, dag])
    return [(a, b) for a, b in reeksen]


def bronnen(f: KpiFilter, *, alles_live: bool = False) -> Bronnen:
    """Aggregated days of the period from the tables, every other day live."""
    geheel_live = Bronnen(tabel=None, live=((f.van, f.tot),))
    if alles_live:
        return geheel_live
    geaggregeerd = set(
        KpiDag.objects.filter(dag__range=(f.van, f.tot)).values_list("dag", flat=True)
    )
    if not geaggregeerd:
        return geheel_live
    ontbrekend = _reeksen([d for d in _dagen(f.van, f.tot) if d not in geaggregeerd])
    if len(ontbrekend) > MAX_LIVE_REEKSEN:
        return geheel_live
    return Bronnen(tabel=(min(geaggregeerd), max(geaggregeerd)), live=tuple(ontbrekend))


def _sleutel(rij: dict, sleutels: Iterable[str]) -> tuple:
    return tuple(rij[s] for s in sleutels)


def _als_datum(waarde):
    return waarde.date() if isinstance(waarde, datetime.datetime) else waarde


def contact_sommen(
    f: KpiFilter, sleutels: tuple[str, ...], b: Bronnen
) -> dict[tuple, dict[str, int]]:
    """Summed contact figures per key ('dag' and/or 'kanaal_id')."""
    uit: dict[tuple, dict[str, int]] = defaultdict(lambda: dict.fromkeys(CONTACT_METRIEKEN, 0))
    if b.tabel:
        qs = ContactDagcijfer.objects.filter(dag__range=b.tabel, totaalregel=_totaalregels(f))
        qs = qs.filter(_product_q(f, "product_id"))
        if f.kanaal is not None:
            qs = qs.filter(kanaal_id=f.kanaal.pk)
        rijen = qs.values(*sleutels).annotate(**{m: Sum(m) for m in CONTACT_METRIEKEN}).order_by()
        for rij in rijen:
            rij = {k: _als_datum(v) for k, v in rij.items()}
            doel = uit[_sleutel(rij, sleutels)]
            for m in CONTACT_METRIEKEN:
                doel[m] += rij[m] or 0
    for van, tot in b.live:
        for rij in contact_dagcijfers_live(van=van, tot=tot, f=f):
            doel = uit[_sleutel(rij, sleutels)]
            for m in CONTACT_METRIEKEN:
                doel[m] += rij[m] or 0
    return dict(uit)


def duur_histogrammen(f: KpiFilter, b: Bronnen) -> dict[int, dict[int, int]]:
    """Per kanaal_id: bucket -> number of contacts."""
    uit: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    if b.tabel:
        qs = ContactDuurBucket.objects.filter(dag__range=b.tabel, totaalregel=_totaalregels(f))
        qs = qs.filter(_product_q(f, "product_id"))
        if f.kanaal is not None:
            qs = qs.filter(kanaal_id=f.kanaal.pk)
        for rij in qs.values("kanaal_id", "bucket").annotate(n=Sum("aantal")).order_by():
            uit[rij["kanaal_id"]][rij["bucket"]] += rij["n"]
    for van, tot in b.live:
        for rij in contact_duurbuckets_live(van=van, tot=tot, f=f):
            uit[rij["kanaal_id"]][rij["bucket"]] += rij["aantal"]
    return uit


def p90_uit_histogram(histogram: dict[int, int]) -> int | None:
    """Nearest-rank 90th percentile: the bucket that holds contact number ceil(0.9 n)."""
    totaal = sum(histogram.values())
    if not totaal:
        return None
    rang = math.ceil(0.9 * totaal)
    opgeteld = 0
    for bucket in sorted(histogram):
        opgeteld += histogram[bucket]
        if opgeteld >= rang:
            return bucket
    return None  # pragma: no cover - the loop always reaches the rank


def zaak_sommen(f: KpiFilter, sleutels: tuple[str, ...], b: Bronnen) -> dict[tuple, dict[str, int]]:
    uit: dict[tuple, dict[str, int]] = defaultdict(lambda: dict.fromkeys(ZAAK_METRIEKEN, 0))
    if b.tabel:
        qs = ZaakDagcijfer.objects.filter(dag__range=b.tabel).filter(
            _zaak_q(f, kanaal_veld="kanaal")
        )
        rijen = qs.values(*sleutels).annotate(**{m: Sum(m) for m in ZAAK_METRIEKEN}).order_by()
        for rij in rijen:
            rij = {k: _als_datum(v) for k, v in rij.items()}
            doel = uit[_sleutel(rij, sleutels)]
            for m in ZAAK_METRIEKEN:
                doel[m] += rij[m] or 0
    for van, tot in b.live:
        for rij in zaak_dagcijfers_live(van=van, tot=tot, f=f):
            doel = uit[_sleutel(rij, sleutels)]
            for m in ZAAK_METRIEKEN:
                doel[m] += rij[m] or 0
    return dict(uit)


# --- the report ---------------------------------------------------------------------------


@dataclass
class Fcr:
    """FCR over a period. ``voorlopig_vanaf``: from that day on the 5-working-day window
    has not closed yet, so a repeat contact may still turn "resolved" into "not"."""

    totaal: int
    opgelost: int
    norm: int = FCR_NORM
    voorlopig_vanaf: datetime.date | None = None

    @property
    def percentage(self) -> float | None:
        return percentage(self.opgelost, self.totaal)

    @property
    def gehaald(self) -> bool | None:
        return None if self.percentage is None else self.percentage >= self.norm


@dataclass
class Normcijfer:
    aantal: int
    binnen: int

    @property
    def percentage(self) -> float | None:
        return percentage(self.binnen, self.aantal)


@dataclass
class KanaalCijfer:
    kanaal: Kanaal
    aantal: int
    gemiddeld_seconden: float | None
    p90_seconden: int | None


@dataclass
class WeekCijfer:
    week: datetime.date
    fcr: Fcr
    servicenorm: Normcijfer
    wettelijk: Normcijfer


@dataclass
class Volumes:
    kanalen: list[Kanaal]
    per_dag: list[tuple[datetime.date, list[int], int]]
    per_week: list[tuple[datetime.date, list[int], int]]
    totaal_per_kanaal: list[int] = field(default_factory=list)


@dataclass
class BacklogRegel:
    afdeling: Afdeling
    open_zaken: int
    open_contactverzoeken: int


@dataclass
class Rapport:
    filter: KpiFilter
    fcr: Fcr
    servicenorm: Normcijfer
    wettelijk: Normcijfer
    reactie: Normcijfer
    reactie_per_kanaal: list[tuple[str, Normcijfer]]
    afhandeltijden: list[KanaalCijfer]
    weken: list[WeekCijfer]
    volumes: Volumes


def _totaal(sommen: dict[tuple, dict[str, int]], metrieken: tuple[str, ...], pos=None, waarde=None):
    """Sum grouped rows, optionally only those whose key at ``pos`` equals ``waarde``."""
    uit = dict.fromkeys(metrieken, 0)
    for sleutel, rij in sommen.items():
        if pos is not None and sleutel[pos] != waarde:
            continue
        for m in metrieken:
            uit[m] += rij[m]
    return uit


def kpi_fcr(contact: dict[tuple, dict[str, int]], voorlopig_vanaf=None) -> Fcr:
    s = _totaal(contact, CONTACT_METRIEKEN)
    return Fcr(totaal=s["fcr_basis"], opgelost=s["fcr_opgelost"], voorlopig_vanaf=voorlopig_vanaf)


# Longest FCR window in calendar days (5 working days around Christmas and New Year),
# with a margin: only this many last days of a period can be provisional.
_FCR_VENSTER_MAX_DAGEN = 21


def fcr_voorlopig_vanaf(f: KpiFilter) -> datetime.date | None:
    """The first day of the period whose FCR window is still open (None: all final)."""
    nu = timezone.now()
    van = max(f.van, f.tot - datetime.timedelta(days=_FCR_VENSTER_MAX_DAGEN))
    einden = termijnen.fcr_venster_einden(_dagen(van, f.tot))
    open_dagen = [dag for dag, einde in einden.items() if einde > nu]
    return min(open_dagen) if open_dagen else None


def kpi_afgehandeld_binnen_norm(zaak: dict[tuple, dict[str, int]]) -> tuple[Normcijfer, Normcijfer]:
    """(servicenorm, wettelijke termijn) over zaken closed in the period."""
    s = _totaal(zaak, ZAAK_METRIEKEN)
    return _normen(s)


def _normen(s: dict[str, int]) -> tuple[Normcijfer, Normcijfer]:
    return (
        Normcijfer(aantal=s["met_streefdatum"], binnen=s["binnen_streefdatum"]),
        Normcijfer(aantal=s["met_uiterlijke_einddatum"], binnen=s["binnen_uiterlijke_einddatum"]),
    )


def kpi_reactie_binnen_norm(f: KpiFilter) -> tuple[Normcijfer, list[tuple[str, Normcijfer]]]:
    """Share of inbox items (first message of a conversation) answered by their deadline.

    Counted: items received in the period that have a deadline and were answered, or
    whose deadline has passed while still open (those count as late). Items still open
    before their deadline, and items handed over without an answer, are not judged.
    Organisatie/afdeling/product do not apply to the inbox; the kanaal filter does.
    """
    start, eind = _periode(f.van, f.tot)
    qs = InkomendBericht.objects.filter(
        is_vervolg=False, deadline__isnull=False, ontvangen_op__gte=start, ontvangen_op__lt=eind
    )
    if f.kanaal is not None:
        qs = qs.filter(kanaal=f.kanaal.code)
    beoordeeld = Q(beantwoord_op__isnull=False) | Q(
        deadline__lt=timezone.now(), status__in=InkomendBericht.OPEN
    )
    rijen = list(
        qs.values("kanaal")
        .annotate(
            aantal=Count("pk", filter=beoordeeld),
            binnen=Count("pk", filter=Q(beantwoord_op__lte=F("deadline"))),
        )
        .order_by("kanaal")
    )
    per_kanaal = [(r["kanaal"], Normcijfer(aantal=r["aantal"], binnen=r["binnen"])) for r in rijen]
    totaal = Normcijfer(
        aantal=sum(n.aantal for _, n in per_kanaal), binnen=sum(n.binnen for _, n in per_kanaal)
    )
    return totaal, per_kanaal


def kpi_afhandeltijd(
    contact: dict[tuple, dict[str, int]],
    histogrammen: dict[int, dict[int, int]],
    kanalen: list[Kanaal],
) -> list[KanaalCijfer]:
    """Mean and p90 (nearest rank, in 30-second buckets) contact duration per kanaal."""
    uit = []
    for kanaal in kanalen:
        s = _totaal(contact, CONTACT_METRIEKEN, 1, kanaal.pk)
        if not s["aantal"]:
            continue
        uit.append(
            KanaalCijfer(
                kanaal=kanaal,
                aantal=s["aantal"],
                gemiddeld_seconden=round(s["duur_som"] / s["aantal"], 1),
                p90_seconden=p90_uit_histogram(histogrammen.get(kanaal.pk, {})),
            )
        )
    return uit


def _per_week(sommen: dict[tuple, dict[str, int]], metrieken: tuple[str, ...]) -> dict:
    uit: dict[datetime.date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(metrieken, 0))
    for sleutel, rij in sommen.items():
        doel = uit[_maandag(sleutel[0])]
        for m in metrieken:
            doel[m] += rij[m]
    return uit


def _weken(f: KpiFilter) -> list[datetime.date]:
    return [
        _maandag(f.van) + datetime.timedelta(days=7 * i)
        for i in range((f.tot - _maandag(f.van)).days // 7 + 1)
    ]


def kpi_weken(
    f: KpiFilter, contact: dict, zaak: dict, voorlopig_vanaf: datetime.date | None = None
) -> list[WeekCijfer]:
    """FCR and norm compliance per week (Monday) of the period: the trend lines."""
    c_week = _per_week(contact, CONTACT_METRIEKEN)
    z_week = _per_week(zaak, ZAAK_METRIEKEN)
    weken = []
    for week in _weken(f):
        c = c_week.get(week, dict.fromkeys(CONTACT_METRIEKEN, 0))
        servicenorm, wettelijk = _normen(z_week.get(week, dict.fromkeys(ZAAK_METRIEKEN, 0)))
        week_voorlopig = None
        if voorlopig_vanaf is not None and voorlopig_vanaf <= week + datetime.timedelta(days=6):
            week_voorlopig = max(voorlopig_vanaf, week)
        weken.append(
            WeekCijfer(
                week=week,
                fcr=Fcr(
                    totaal=c["fcr_basis"],
                    opgelost=c["fcr_opgelost"],
                    voorlopig_vanaf=week_voorlopig,
                ),
                servicenorm=servicenorm,
                wettelijk=wettelijk,
            )
        )
    return weken


def kpi_volumes(f: KpiFilter, contact: dict, kanalen: list[Kanaal]) -> Volumes:
    """Contactmomenten per kanaal per day and per week (weeks start on Monday)."""
    if f.kanaal is not None:
        kanalen = [k for k in kanalen if k.pk == f.kanaal.pk]
    dag_aantal = {k: v["aantal"] for k, v in contact.items()}
    week_aantal: dict[tuple, int] = defaultdict(int)
    for (dag, kanaal_id), n in dag_aantal.items():
        week_aantal[(_maandag(dag), kanaal_id)] += n

    def rij(dag: datetime.date, bron: dict) -> tuple[datetime.date, list[int], int]:
        waarden = [bron.get((dag, k.pk), 0) for k in kanalen]
        return (dag, waarden, sum(waarden))

    dagen = [rij(d, dag_aantal) for d in _dagen(f.van, f.tot)]
    weken = [rij(w, week_aantal) for w in _weken(f)]
    totaal = [sum(r[1][i] for r in dagen) for i in range(len(kanalen))]
    return Volumes(kanalen=kanalen, per_dag=dagen, per_week=weken, totaal_per_kanaal=totaal)


# The open work per afdeling is counted over every open zaak and contactverzoek (hundreds
# of thousands at national scale); a report shows it at most this many seconds old.
BACKLOG_CACHE_SECONDEN = 60


def kpi_backlog(f: KpiFilter) -> list[BacklogRegel]:
    """Open zaken and open contactverzoeken per afdeling, now (the period does not apply).

    Counted at most once a minute per filter (BACKLOG_CACHE_SECONDEN)."""
    sleutel = (
        f"kpi:backlog:{f.organisatie_id}:{f.afdeling_id}:"
        f"{f.kanaal.pk if f.kanaal else None}:{f.product_id}"
    )
    regels = cache.get(sleutel)
    if regels is None:
        regels = _backlog_tellen(f)
        cache.set(sleutel, regels, BACKLOG_CACHE_SECONDEN)
    return regels


def _backlog_tellen(f: KpiFilter) -> list[BacklogRegel]:
    zaken = Zaak.objects.filter(afgesloten_op__isnull=True).filter(
        _zaak_q(f, kanaal_veld="aanvraag__kanaal")
    )
    verzoeken = Contactverzoek.objects.filter(
        status__in=OPEN_CONTACTVERZOEK, afdeling__isnull=False
    )
    if f.organisatie_id:
        verzoeken = verzoeken.filter(afdeling__organisatie_id=f.organisatie_id)
    if f.afdeling_id:
        verzoeken = verzoeken.filter(afdeling_id=f.afdeling_id)
    if f.kanaal is not None:
        verzoeken = verzoeken.filter(contactmoment__kanaal_id=f.kanaal.pk)
    # Only the product filter joins the questions (several per contactmoment): only then
    # is a DISTINCT count needed, which over every open verzoek costs seconds.
    uniek = bool(f.product_id)
    if f.product_id:
        verzoeken = verzoeken.filter(contactmoment__vragen__product_id=f.product_id).distinct()
    open_zaken = dict(
        zaken.values_list("afdeling_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("afdeling_id", "n")
    )
    open_verzoeken = dict(
        verzoeken.values("afdeling_id")
        .annotate(n=Count("pk", distinct=uniek))
        .order_by()
        .values_list("afdeling_id", "n")
    )
    ids = set(open_zaken) | set(open_verzoeken)
    afdelingen = (
        Afdeling.objects.filter(pk__in=ids)
        .select_related("organisatie")
        .order_by("organisatie__naam", "naam")
    )
    return [
        BacklogRegel(
            afdeling=a,
            open_zaken=open_zaken.get(a.pk, 0),
            open_contactverzoeken=open_verzoeken.get(a.pk, 0),
        )
        for a in afdelingen
    ]


def kpi_rapport(f: KpiFilter, *, alles_live: bool = False) -> Rapport:
    """Every period figure of the report; ``alles_live`` skips the daily tables."""
    b = bronnen(f, alles_live=alles_live)
    kanalen = list(Kanaal.objects.order_by("volgorde", "naam"))
    contact = contact_sommen(f, ("dag", "kanaal_id"), b)
    zaak = zaak_sommen(f, ("dag",), b)
    servicenorm, wettelijk = kpi_afgehandeld_binnen_norm(zaak)
    reactie, reactie_per_kanaal = kpi_reactie_binnen_norm(f)
    voorlopig_vanaf = fcr_voorlopig_vanaf(f)
    return Rapport(
        filter=f,
        fcr=kpi_fcr(contact, voorlopig_vanaf),
        servicenorm=servicenorm,
        wettelijk=wettelijk,
        reactie=reactie,
        reactie_per_kanaal=reactie_per_kanaal,
        afhandeltijden=kpi_afhandeltijd(contact, duur_histogrammen(f, b), kanalen),
        weken=kpi_weken(f, contact, zaak, voorlopig_vanaf),
        volumes=kpi_volumes(f, contact, kanalen),
    )


PUBLIEKE_PERIODE_DAGEN = 365
# Anyone can load the public page: its figures are computed at most once per this many
# seconds per period, and afresh after the nightly aggregation changed a day.
PUBLIEK_CACHE_SECONDEN = 600
_PUBLIEK_VERSIE = "kpi:publiek:versie"


def publieke_prestaties() -> Rapport:
    """The public figures: the last 365 days up to yesterday, no filters, no personal data."""
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    van = gisteren - datetime.timedelta(days=PUBLIEKE_PERIODE_DAGEN - 1)
    sleutel = f"kpi:publiek:{cache.get(_PUBLIEK_VERSIE, 0)}:{van}:{gisteren}"
    rapport = cache.get(sleutel)
    if rapport is None:
        rapport = kpi_rapport(KpiFilter(van=van, tot=gisteren))
        cache.set(sleutel, rapport, PUBLIEK_CACHE_SECONDEN)
    return rapport


def publieke_prestaties_vergeten() -> None:
    """New daily aggregates: the next visitor of the public page gets fresh figures."""
    try:
        cache.incr(_PUBLIEK_VERSIE)
    except ValueError:  # no version yet (or the cache forgot it)
        cache.set(_PUBLIEK_VERSIE, 1, None)
