"""The norm monitor: one tick finds what crossed a warning threshold or a deadline.

Set-based: a tick runs a fixed number of queries whatever the number of open objects.
The threshold dates are computed in Python with one Werkkalender; each step is one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING`` that lets the database pick the objects
by date. Citizen messages are capped per tick (``KLANTBERICHTEN_PER_TICK``, one INSERT);
the rest follow in the next tick.

Safe to run twice or after downtime: every step excludes what is already signalled,
the unique constraint (object, soort) plus ``ignore_conflicts`` catches a race, and the
one message to the citizen has a fixed outbox ``dedup_sleutel``. Each step runs in its
own transaction, so a worker that dies mid-tick leaves whole steps or nothing.
A lock in the database (``kcc.normen.slot``) keeps two ticks from overlapping, also
across processes and machines; the second returns at once.

Zaken: a warning when ``KCC_NORM_WAARSCHUWING_FRACTIE`` of the term has passed or, when
``KCC_NORM_WAARSCHUWING_WERKDAGEN`` is set, that many working days before the streefdatum
(whichever comes first); a breach of the streefdatum; and, as its own kind, a breach of
the legal term (uiterlijke einddatum). Working days follow the zaak's organisation's
closing days. Hoofdzaken are not signalled themselves: their deadlines are the latest of
their deelzaken, which are signalled (the regie shows hoofdzaken at risk through them).
"""

from __future__ import annotations

import bisect
import contextvars
import logging
import math
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import (
    CharField,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from kcc.normen.calendar import Werkkalender, als_datum
from kcc.normen.models import Signalering
from kcc.normen.slot import slot_nemen, slot_vrijgeven

logger = logging.getLogger(__name__)

# At most this many new signals per tick, earliest deadline first: after an import or a
# long outage the backlog is signalled over the next ticks (the task queues the next one
# at once), each within seconds, instead of one tick writing a million rows while the
# lock is held. Measured with make bench on two cores: a catch-up tick with 20,000 new
# signals 3 to 4.5 s, of which about 2.5 s is the check of every open object that any
# tick does.
MAX_SIGNALERINGEN_PER_TICK = 20_000
_RUIMTE: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "normen_ruimte", default=None
)
LOCK_SLEUTEL = "normen:monitor-tick"
# Longer than a tick can take; a worker killed while holding the lock frees it after this.
LOCK_SECONDEN = 600
# Set for each INSERT ... WHERE NOT EXISTS (its own transaction), on PostgreSQL:
# - no nested loop: planned on statistics of a signal table that was (nearly) empty for
#   this kind of object, as after an import, an outage or the first ticks, PostgreSQL
#   rescans every signal for each open object (a tick took minutes). A hash anti-join
#   reads the signals once, whatever the statistics say.
# - no parallel workers: a worker process per core each built the same hash, and a
#   background tick should leave the other core to the web.
PLAN_ZONDER_NESTED_LOOP = (
    "SELECT set_config('enable_nestloop', 'off', true), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)
# One INSERT on every backend (Django lets SQLite take 999 parameters: 76 outbox rows).
KLANTBERICHTEN_PER_TICK = 75
# The calendar covers starts this far back; older open zaken count as started then.
TERUGKIJKEN = timedelta(days=4 * 366)

KLANTBERICHT_SLEUTEL = "normen-te-laat"
KLANTBERICHT_ONDERWERP = "Uw aanvraag duurt langer dan wij beloofden"


def _open_zaken() -> QuerySet:
    from zaken.models import Zaak

    # Suspended zaken wait for the citizen: their clock stands still, nothing is signalled.
    return Zaak.objects.filter(afgesloten_op__isnull=True, opgeschort_sinds__isnull=True).exclude(
        soort=Zaak.Soort.HOOFDZAAK
    )


def _open_contactverzoeken() -> QuerySet:
    from kanalen.models import Contactverzoek

    return Contactverzoek.objects.exclude(status=Contactverzoek.Status.AFGEHANDELD)


def _niet_gesignaleerd(model, soort: str) -> Exists:
    ct = ContentType.objects.get_for_model(model)  # cached by Django after the first call
    return Exists(
        Signalering.objects.filter(content_type=ct, object_id=OuterRef("pk"), soort=soort)
    )


class Werkdagindex:
    """Working-day ordinals over a fixed range: O(1) werkdagen_tussen, O(log n) optellen.

    Gives the same answers as Werkkalender (tested against it) but without walking day
    by day, so thresholds for hundreds of deadlines take milliseconds.
    """

    def __init__(self, kalender: Werkkalender, van: date, tot: date) -> None:
        self.van, self.tot = van, tot
        self._rang: dict[date, int] = {}
        self._werkdagen: list[date] = []
        dag = van
        while dag <= tot:
            if kalender.is_werkdag(dag):
                self._werkdagen.append(dag)
            self._rang[dag] = len(self._werkdagen)  # working days in [van, dag]
            dag += timedelta(days=1)

    def tussen(self, a: date, b: date) -> int:
        return self._rang[b] - self._rang[a]

    def optellen(self, start: date, n: int) -> date:
        """As Werkkalender.werkdagen_optellen for n >= 0 (inside the range)."""
        if n == 0:  # start itself, or the next working day
            return self._werkdagen[bisect.bisect_left(self._werkdagen, start)]
        return self._werkdagen[self._rang[start] + n - 1]

    def werkdagen_tot(self, vandaag: date, einddatum: date) -> int:
        """Working days after ``vandaag`` up to and including ``einddatum`` (0 on the day)."""
        return self.tussen(vandaag, einddatum)

    def waarschuwingsdatum(self, start: date, einddatum: date, fractie: float) -> date:
        """As kcc.normen.termijnen.waarschuwingsdatum."""
        totaal = self.tussen(start, einddatum)
        if totaal <= 0:
            return einddatum
        return self.optellen(start, math.floor(totaal * fractie))

    def laatste_start_gewaarschuwd(
        self, einddatum: date, vandaag: date, fractie: float
    ) -> date | None:
        """The latest start day whose warning date is on or before ``vandaag``.

        The warning date grows with the start day (a later start warns later), so a
        binary search finds the boundary; every zaak with this streefdatum that started
        on or before the result has crossed its warning threshold.
        """
        laag, hoog = self.van, min(vandaag, einddatum)
        if hoog < laag:
            return None
        if self.waarschuwingsdatum(laag, einddatum, fractie) > vandaag:
            return None
        while laag < hoog:
            midden = laag + timedelta(days=(hoog - laag).days // 2 + (hoog - laag).days % 2)
            if self.waarschuwingsdatum(midden, einddatum, fractie) <= vandaag:
                laag = midden
            else:
                hoog = midden - timedelta(days=1)
        return laag


_KOLOMMEN = (
    "content_type_id",
    "object_id",
    "soort",
    "objectsoort",
    "kenmerk",
    "afdeling_id",
    "organisatie_id",
    "deadline",
    "aangemaakt_op",
)


def _invoegen(
    qs: QuerySet,
    *,
    soort: str,
    objectsoort: str,
    kenmerk,
    afdeling,
    organisatie,
    deadline,
    nu: datetime,
) -> int:
    """``INSERT INTO signalering SELECT ... ON CONFLICT DO NOTHING``: one statement.

    The rows never travel to Python, so a million candidates cost one query. The
    conflict clause (PostgreSQL and SQLite 3.24+) skips rows a concurrent tick wrote.
    Returns the number of rows inserted.
    """
    ct = ContentType.objects.get_for_model(qs.model)
    namen = [f"s_{kolom}" for kolom in _KOLOMMEN]
    waarden = [
        Value(ct.pk, output_field=IntegerField()),
        F("pk"),
        Value(soort, output_field=CharField()),
        Value(objectsoort, output_field=CharField()),
        kenmerk,
        afdeling,
        organisatie,
        deadline,
        Value(nu, output_field=DateTimeField()),
    ]
    selectie = qs.order_by().annotate(**dict(zip(namen, waarden, strict=True))).values_list(*namen)
    ruimte = _RUIMTE.get()
    if ruimte is not None:
        if ruimte[0] <= 0:
            return 0
        selectie = selectie.order_by("s_deadline", "s_object_id")[: ruimte[0]]
    sql, params = selectie.query.sql_with_params()
    qn = connection.ops.quote_name
    kolommen = ", ".join(qn(kolom) for kolom in _KOLOMMEN)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PLAN_ZONDER_NESTED_LOOP)
        cursor.execute(
            f"INSERT INTO {qn(Signalering._meta.db_table)} ({kolommen}) {sql} "  # noqa: S608
            "ON CONFLICT DO NOTHING",
            params,
        )
        ingevoegd = max(cursor.rowcount, 0)
    if ruimte is not None:
        ruimte[0] -= ingevoegd
    return ingevoegd


def _zaak_invoegen(qs: QuerySet, *, soort: str, nu: datetime, veld: str = "streefdatum") -> int:
    # The deadline of a zaak is a date: stored as that date at 00:00 UTC (show the date).
    return _invoegen(
        qs,
        soort=soort,
        objectsoort=Signalering.Objectsoort.ZAAK,
        kenmerk=F("identificatie"),
        afdeling=F("afdeling_id"),
        organisatie=F("organisatie_id"),
        deadline=Cast(veld, DateTimeField()),
        nu=nu,
    )


def _zaken_overschrijdingen(*, vandaag: date, nu: datetime) -> int:
    from zaken.models import Zaak

    soort = Signalering.Soort.OVERSCHRIJDING
    qs = _open_zaken().filter(streefdatum__lt=vandaag).filter(~_niet_gesignaleerd(Zaak, soort))
    return _zaak_invoegen(qs, soort=soort, nu=nu)


def _zaken_wettelijk_overschreden(*, vandaag: date, nu: datetime) -> int:
    """Zaken past their legal term: a breach of its own kind (the Awb deadline, not ours)."""
    from zaken.models import Zaak

    soort = Signalering.Soort.OVERSCHRIJDING_WETTELIJK
    qs = (
        _open_zaken()
        .filter(uiterlijke_einddatum__lt=vandaag)
        .filter(~_niet_gesignaleerd(Zaak, soort))
    )
    return _zaak_invoegen(qs, soort=soort, nu=nu, veld="uiterlijke_einddatum")


# (first streefdatum, last streefdatum, latest start day that is warned; None: every start)
_Bereik = tuple[date, date, date | None]


def _bereiken(
    index: Werkdagindex, einddata: list[date], vandaag: date, fractie: float, werkdagen: int
) -> list[_Bereik]:
    """The (streefdatum, startdatum) ranges of one calendar that have crossed a threshold.

    The threshold start day never rises with a later streefdatum (a longer term warns
    later), so consecutive streefdata with the same threshold form one range: a few
    index-friendly ranges instead of one per date. A streefdatum within ``werkdagen``
    working days warns whatever the start.
    """
    bereiken: list[_Bereik] = []
    for einddatum in einddata:
        if werkdagen and index.werkdagen_tot(vandaag, einddatum) <= werkdagen:
            drempel: date | None = None
        else:
            drempel = index.laatste_start_gewaarschuwd(einddatum, vandaag, fractie)
            if drempel is None:
                continue
        if bereiken and bereiken[-1][2] == drempel:
            bereiken[-1] = (bereiken[-1][0], einddatum, drempel)
        else:
            bereiken.append((einddatum, einddatum, drempel))
    return bereiken


def _zaken_waarschuwingen(*, vandaag: date, nu: datetime, fractie: float, werkdagen: int) -> int:
    """Zaken whose warning date has come: ``fractie`` of the term in working days has
    passed, or (``werkdagen`` > 0) the streefdatum is that many working days away.

    One query for the distinct (organisation, streefdatum) pairs still ahead, one for the
    closing days of all those organisations, then one INSERT ... SELECT with a start
    threshold per organisation and range of streefdata.
    """
    from zaken.models import Zaak

    soort = Signalering.Soort.WAARSCHUWING
    kandidaten = (
        _open_zaken().filter(streefdatum__gte=vandaag).filter(~_niet_gesignaleerd(Zaak, soort))
    )
    paren = set(kandidaten.order_by().values_list("organisatie_id", "streefdatum").distinct())
    if not paren:
        return 0
    van = vandaag - TERUGKIJKEN
    tot = max(einddatum for _, einddatum in paren) + timedelta(days=31)
    per_organisatie: dict[int, list[date]] = {}
    for organisatie_id, einddatum in paren:
        per_organisatie.setdefault(organisatie_id, []).append(einddatum)
    kalenders = Werkkalender.per_organisatie(per_organisatie, van=van, tot=tot)
    voorwaarde = Q()
    for organisatie_id, einddata in sorted(per_organisatie.items()):
        index = Werkdagindex(kalenders[organisatie_id], van, tot)
        for eerste, laatste, drempel in _bereiken(
            index, sorted(einddata), vandaag, fractie, werkdagen
        ):
            bereik = Q(organisatie_id=organisatie_id, streefdatum__range=(eerste, laatste))
            voorwaarde |= bereik if drempel is None else bereik & Q(startdatum__lte=drempel)
    if not voorwaarde:
        return 0
    return _zaak_invoegen(kandidaten.filter(voorwaarde), soort=soort, nu=nu)


def _open_inbox() -> QuerySet | None:
    from django.apps import apps

    if not apps.is_installed("kanalen.inbox"):
        return None
    from kanalen.inbox.models import InkomendBericht

    # Follow-ups (is_vervolg) ride on the first message of the conversation.
    return InkomendBericht.objects.filter(
        status__in=InkomendBericht.OPEN, is_vervolg=False, deadline__isnull=False
    )


def _tijdtermijn(
    *,
    qs: QuerySet,
    start_veld: str,
    objectsoort: str,
    kenmerk,
    afdeling,
    nu: datetime,
    fractie: float,
) -> tuple[int, int]:
    """Breaches and warnings of objects with a deadline moment (a term in hours).

    Warning: less than ``1 - fractie`` of the time between start and deadline is left.
    """
    model = qs.model
    over = Signalering.Soort.OVERSCHRIJDING
    waarsch = Signalering.Soort.WAARSCHUWING
    verlopen = qs.filter(deadline__lt=nu).filter(~_niet_gesignaleerd(model, over))
    bijna = (
        qs.filter(deadline__gte=nu)
        .filter(~_niet_gesignaleerd(model, waarsch))
        .alias(
            duur=ExpressionWrapper(F("deadline") - F(start_veld), output_field=DurationField()),
            rest=ExpressionWrapper(F("deadline") - Value(nu), output_field=DurationField()),
        )
        .filter(
            rest__lte=ExpressionWrapper(
                F("duur") * Value(1 - fractie), output_field=DurationField()
            )
        )
    )
    velden = {
        "objectsoort": objectsoort,
        "kenmerk": kenmerk,
        "afdeling": afdeling,
        "organisatie": Value(None, output_field=IntegerField()),
        "deadline": F("deadline"),
        "nu": nu,
    }
    return _invoegen(verlopen, soort=over, **velden), _invoegen(bijna, soort=waarsch, **velden)


def _klantbericht_tekst(zaak) -> str:
    onderwerp = zaak.product.naam if zaak.product_id else zaak.identificatie
    tekst = (
        f"Wij hadden u beloofd dat uw aanvraag '{onderwerp}' uiterlijk op "
        f"{zaak.streefdatum:%d-%m-%Y} klaar zou zijn. Dat lukt helaas niet. Het spijt ons.\n\n"
        "Wij werken aan uw aanvraag en laten het u weten zodra er nieuws is."
    )
    if zaak.uiterlijke_einddatum:
        tekst += (
            f" Volgens de wet krijgt u uiterlijk op {zaak.uiterlijke_einddatum:%d-%m-%Y} "
            "een besluit."
        )
    naam = zaak.klant.naam or "klant"
    return (
        f"Beste {naam},\n\n{tekst}\n\nUw zaaknummer is {zaak.identificatie}. "
        f"Met vriendelijke groet,\n{zaak.organisatie.naam}"
    )


def _klanten_informeren(*, nu: datetime) -> int:
    """One message per zaak that broke its streefdatum, held until office hours.

    Written as zaken outbox rows (kind notificatie) with ``volgende_poging_op`` at the
    next moment within office hours; the zaken outbox beat delivers them from then on.
    The fixed ``dedup_sleutel`` and ``klant_geinformeerd_op`` make it once per zaak ever.
    """
    from klanten.models import DigitaalAdres
    from zaken.models import OutboxBericht, Zaak

    signaleringen = Signalering.objects.filter(
        soort=Signalering.Soort.OVERSCHRIJDING,
        objectsoort=Signalering.Objectsoort.ZAAK,
        klant_geinformeerd_op__isnull=True,
    )
    voorkeur_email = (
        DigitaalAdres.objects.filter(klant=OuterRef("klant_id"), soort=DigitaalAdres.Soort.EMAIL)
        .order_by("-voorkeur", "id")
        .values("waarde")[:1]
    )
    # Earliest breach first, from the front of the index signalering_te_informeren:
    # with a backlog of 100,000s this stops after 75 open zaken instead of sorting them all.
    open_zaken = Zaak.objects.filter(afgesloten_op__isnull=True).exclude(soort=Zaak.Soort.HOOFDZAAK)
    te_informeren = list(
        signaleringen.filter(object_id__in=open_zaken.values("pk"))
        .order_by("deadline", "id")
        .values_list("object_id", flat=True)[:KLANTBERICHTEN_PER_TICK]
    )
    zaken = (
        Zaak.objects.filter(pk__in=te_informeren)
        .select_related("klant", "organisatie", "afdeling", "product")
        .annotate(voorkeur_email=Subquery(voorkeur_email))
        .order_by("pk")
    )
    niet_voor = Werkkalender().volgend_moment_binnen_kantoortijd(nu)
    with transaction.atomic():
        berichten: list[OutboxBericht] = []
        ids: list[int] = []
        for zaak in zaken:
            klant = zaak.klant
            email = "" if klant.voorkeurskanaal == "post" else (zaak.voorkeur_email or "")
            payload = {
                "klant_id": klant.pk,
                "zaak": zaak.identificatie,
                "product_id": zaak.product_id,
                "onderwerp": KLANTBERICHT_ONDERWERP,
                "tekst": _klantbericht_tekst(zaak),
            }
            if not email:
                payload["adres"] = klant.adresregel
                payload["postkamer"] = zaak.afdeling.email
            berichten.append(
                OutboxBericht(
                    soort=OutboxBericht.Soort.NOTIFICATIE,
                    dedup_sleutel=klantbericht_sleutel(zaak.identificatie),
                    doel=email or "post",
                    payload=payload,
                    zaak=zaak,
                    volgende_poging_op=niet_voor,
                )
            )
            ids.append(zaak.pk)
        OutboxBericht.objects.bulk_create(berichten, ignore_conflicts=True)
        if ids:
            signaleringen.filter(object_id__in=ids).update(klant_geinformeerd_op=nu)
    return len(berichten)


def klantbericht_sleutel(identificatie: str) -> str:
    return f"notificatie:{identificatie}:{KLANTBERICHT_SLEUTEL}"


def monitor_tick(*, nu: datetime | None = None) -> dict:
    """Signal warnings and breaches of open zaken, contactverzoeken and inbox items.

    Also queues the one message to citizens whose zaak is late.

    Returns the counts of new rows per step, or ``{"overgeslagen": True}`` when another
    tick holds the lock.
    """
    nu = nu or timezone.now()
    token = slot_nemen(naam=LOCK_SLEUTEL, seconden=LOCK_SECONDEN)
    if token is None:
        logger.info("Normmonitor: vorige tick loopt nog; deze slaat over.")
        return {"overgeslagen": True}
    ruimte = [MAX_SIGNALERINGEN_PER_TICK]
    ruimte_token = _RUIMTE.set(ruimte)
    try:
        fractie = settings.KCC_NORM_WAARSCHUWING_FRACTIE
        vandaag = als_datum(nu)
        resultaat: dict = {"overgeslagen": False}
        resultaat["zaak_overschrijdingen"] = _zaken_overschrijdingen(vandaag=vandaag, nu=nu)
        resultaat["zaak_wettelijk_overschreden"] = _zaken_wettelijk_overschreden(
            vandaag=vandaag, nu=nu
        )
        resultaat["zaak_waarschuwingen"] = _zaken_waarschuwingen(
            vandaag=vandaag,
            nu=nu,
            fractie=fractie,
            werkdagen=settings.KCC_NORM_WAARSCHUWING_WERKDAGEN,
        )
        over, waarsch = _tijdtermijn(
            qs=_open_contactverzoeken(),
            start_veld="aangemaakt_op",
            objectsoort=Signalering.Objectsoort.CONTACTVERZOEK,
            kenmerk=Concat(Value("Contactverzoek "), Cast("pk", CharField())),
            afdeling=F("afdeling_id"),
            nu=nu,
            fractie=fractie,
        )
        resultaat["contactverzoek_overschrijdingen"] = over
        resultaat["contactverzoek_waarschuwingen"] = waarsch
        inbox = _open_inbox()
        if inbox is not None:
            over, waarsch = _tijdtermijn(
                qs=inbox,
                start_veld="ontvangen_op",
                objectsoort=Signalering.Objectsoort.INKOMEND_BERICHT,
                kenmerk=Coalesce("referentie", Concat(Value("Bericht "), Cast("pk", CharField()))),
                # The KCC inbox belongs to no backoffice afdeling.
                afdeling=Value(None, output_field=IntegerField()),
                nu=nu,
                fractie=fractie,
            )
            resultaat["inbox_overschrijdingen"] = over
            resultaat["inbox_waarschuwingen"] = waarsch
        resultaat["klantberichten"] = _klanten_informeren(nu=nu)
        if ruimte[0] <= 0:
            resultaat["nog_in_te_halen"] = True
            logger.warning(
                "Normmonitor: %s nieuwe signaleringen in deze tick, het maximum; de rest "
                "volgt in de volgende tick(s).",
                MAX_SIGNALERINGEN_PER_TICK,
            )
        return resultaat
    finally:
        _RUIMTE.reset(ruimte_token)
        # Only frees our own lock (one that expired and was taken by another tick stays).
        slot_vrijgeven(naam=LOCK_SLEUTEL, token=token)
