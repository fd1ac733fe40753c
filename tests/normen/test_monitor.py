"""The norm monitor tick: warnings, breaches, idempotency, the lock, citizen messages."""

from __future__ import annotations

import datetime
import random

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from kcc.normen.calendar import TIJDZONE, Werkkalender
from kcc.normen.models import Signalering, Taakslot
from kcc.normen.monitor import (
    KLANTBERICHT_ONDERWERP,
    LOCK_SECONDEN,
    LOCK_SLEUTEL,
    PLAN_ZONDER_NESTED_LOOP,
    Werkdagindex,
    klantbericht_sleutel,
    monitor_tick,
)
from kcc.normen.slot import slot_nemen, slot_vrijgeven
from kcc.normen.termijnen import waarschuwingsdatum
from tests.kanalen.factories import ContactverzoekFactory
from tests.productcatalogus.factories import ProductFactory
from tests.zaken.factories import DigitaalAdresFactory, KlantFactory, ZaakFactory
from zaken.models import OutboxBericht
from zaken.services.outbox import outbox_bericht_afleveren

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 11, 2)  # a Monday
STREEFDATUM = datetime.date(2026, 11, 16)  # 10 working days later


def moment(dag: datetime.date, uur: int, minuut: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur, minuut), tzinfo=TIJDZONE)


@pytest.fixture
def product(afdeling_burgerzaken):
    return ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")


@pytest.fixture
def zaak(product):
    klant = KlantFactory(voornamen="Sanne", geslachtsnaam="Jansen")
    DigitaalAdresFactory(klant=klant, waarde="sanne@example.nl")
    return ZaakFactory(
        product=product,
        klant=klant,
        startdatum=START,
        streefdatum=STREEFDATUM,
        uiterlijke_einddatum=datetime.date(2026, 12, 14),
    )


def signaleringen(obj=None, soort=None):
    qs = Signalering.objects.all()
    if obj is not None:
        qs = qs.filter(object_id=obj.pk, content_type=ContentType.objects.get_for_model(obj))
    if soort is not None:
        qs = qs.filter(soort=soort)
    return qs


def test_waarschuwing_op_de_waarschuwingsdatum_en_niet_eerder(zaak):
    dag = waarschuwingsdatum(start=START, einddatum=STREEFDATUM, fractie=0.75)
    assert dag == datetime.date(2026, 11, 11)

    monitor_tick(nu=moment(dag - datetime.timedelta(days=1), 10))
    assert not signaleringen(zaak).exists()

    resultaat = monitor_tick(nu=moment(dag, 10))
    assert resultaat["zaak_waarschuwingen"] == 1
    signalering = signaleringen(zaak).get()
    assert signalering.soort == Signalering.Soort.WAARSCHUWING
    assert signalering.kenmerk == zaak.identificatie
    assert signalering.afdeling_id == zaak.afdeling_id
    assert signalering.organisatie_id == zaak.organisatie_id
    assert signalering.deadline.astimezone(TIJDZONE).date() == STREEFDATUM
    # A warning alone does not message the citizen.
    assert not OutboxBericht.objects.exists()


def test_fractie_komt_uit_de_instellingen(zaak, settings):
    settings.KCC_NORM_WAARSCHUWING_FRACTIE = 0.5
    dag = waarschuwingsdatum(start=START, einddatum=STREEFDATUM, fractie=0.5)
    monitor_tick(nu=moment(dag - datetime.timedelta(days=1), 10))
    assert not signaleringen(zaak).exists()
    monitor_tick(nu=moment(dag, 10))
    assert signaleringen(zaak, Signalering.Soort.WAARSCHUWING).exists()


def test_de_streefdatum_zelf_is_nog_op_tijd(zaak):
    monitor_tick(nu=moment(STREEFDATUM, 17))
    assert not signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).exists()


def test_overschrijding_en_een_bericht_aan_de_klant(zaak):
    nu = moment(datetime.date(2026, 11, 17), 10)
    resultaat = monitor_tick(nu=nu)
    assert resultaat["zaak_overschrijdingen"] == 1
    assert resultaat["klantberichten"] == 1
    assert signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).get().klant_geinformeerd_op == nu
    bericht = OutboxBericht.objects.get()
    assert bericht.soort == OutboxBericht.Soort.NOTIFICATIE
    assert bericht.dedup_sleutel == klantbericht_sleutel(zaak.identificatie)
    assert bericht.doel == "sanne@example.nl"
    assert bericht.zaak == zaak
    assert bericht.volgende_poging_op == nu  # within office hours: at once
    assert bericht.payload["onderwerp"] == KLANTBERICHT_ONDERWERP
    assert "16-11-2026" in bericht.payload["tekst"]
    assert "14-12-2026" in bericht.payload["tekst"]
    assert "Beste Sanne Jansen" in bericht.payload["tekst"]


def test_klant_met_voorkeur_post_krijgt_een_brief(product):
    klant = KlantFactory(voorkeurskanaal="post")
    DigitaalAdresFactory(klant=klant)
    zaak = ZaakFactory(product=product, klant=klant, startdatum=START, streefdatum=STREEFDATUM)
    monitor_tick(nu=moment(datetime.date(2026, 11, 17), 10))
    bericht = OutboxBericht.objects.get(zaak=zaak)
    assert bericht.doel == "post"
    assert bericht.payload["adres"] == klant.adresregel


def test_twee_keer_draaien_verandert_niets(zaak, product):
    ZaakFactory(product=product, startdatum=START, streefdatum=datetime.date(2026, 11, 18))
    cv = ContactverzoekFactory(afdeling=product.afdeling)
    nu = moment(datetime.date(2026, 11, 17), 10)
    type(cv).objects.filter(pk=cv.pk).update(
        aangemaakt_op=nu - datetime.timedelta(days=2), deadline=nu - datetime.timedelta(hours=1)
    )
    eerste = monitor_tick(nu=nu)
    aantal = Signalering.objects.count()
    assert eerste["zaak_overschrijdingen"] == 1
    assert eerste["zaak_waarschuwingen"] == 1
    assert eerste["contactverzoek_overschrijdingen"] == 1
    tweede = monitor_tick(nu=nu)
    assert Signalering.objects.count() == aantal
    assert OutboxBericht.objects.count() == 1
    assert {k: v for k, v in tweede.items() if k != "overgeslagen"} == dict.fromkeys(
        [k for k in tweede if k != "overgeslagen"], 0
    )


def test_een_tweede_tick_tijdens_de_eerste_slaat_over(zaak):
    andere = slot_nemen(naam=LOCK_SLEUTEL, seconden=60)
    assert andere is not None
    resultaat = monitor_tick(nu=moment(datetime.date(2026, 11, 17), 10))
    assert resultaat == {"overgeslagen": True}
    assert not Signalering.objects.exists()
    # The other tick's lock is left alone.
    assert Taakslot.objects.get(naam=LOCK_SLEUTEL).houder == andere


def test_na_een_tick_is_de_lock_vrij(zaak):
    monitor_tick(nu=moment(datetime.date(2026, 11, 17), 10))
    assert Taakslot.objects.get(naam=LOCK_SLEUTEL).houder == ""
    assert slot_nemen(naam=LOCK_SLEUTEL, seconden=60) is not None


def test_lock_van_een_gestorven_worker_verloopt(zaak, time_machine):
    time_machine.move_to(moment(datetime.date(2026, 11, 17), 10), tick=False)
    assert slot_nemen(naam=LOCK_SLEUTEL, seconden=LOCK_SECONDEN) is not None  # never freed
    assert monitor_tick()["overgeslagen"] is True
    time_machine.shift(datetime.timedelta(seconds=LOCK_SECONDEN + 1))
    assert monitor_tick()["overgeslagen"] is False


def test_vrijgeven_met_een_ander_token_doet_niets():
    token = slot_nemen(naam="test", seconden=60)
    slot_vrijgeven(naam="test", token="niet-van-mij")
    assert slot_nemen(naam="test", seconden=60) is None
    slot_vrijgeven(naam="test", token=token)
    assert slot_nemen(naam="test", seconden=60) is not None


def test_opgeschorte_zaak_krijgt_geen_signalering(zaak):
    zaak.opgeschort_sinds = moment(datetime.date(2026, 11, 5), 9)
    zaak.save(update_fields=["opgeschort_sinds"])
    monitor_tick(nu=moment(datetime.date(2026, 11, 11), 10))
    monitor_tick(nu=moment(datetime.date(2026, 11, 20), 10))
    assert not signaleringen(zaak).exists()
    assert not OutboxBericht.objects.exists()


def test_afgesloten_zaak_krijgt_geen_signalering(product):
    ZaakFactory(product=product, startdatum=START, streefdatum=STREEFDATUM, afgehandeld=True)
    monitor_tick(nu=moment(datetime.date(2026, 11, 20), 10))
    assert not Signalering.objects.exists()


def test_inhalen_na_stilstand_stuurt_een_bericht(zaak):
    monitor_tick(nu=moment(datetime.date(2026, 11, 12), 10))
    assert signaleringen(zaak, Signalering.Soort.WAARSCHUWING).exists()
    # The workers were down; three days after the streefdatum beat fires twice quickly.
    later = moment(datetime.date(2026, 11, 19), 10)
    monitor_tick(nu=later)
    monitor_tick(nu=later + datetime.timedelta(minutes=5))
    assert signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).count() == 1
    assert OutboxBericht.objects.filter(zaak=zaak).count() == 1


def test_bericht_dat_al_bestaat_komt_er_niet_nog_een_keer(zaak):
    """A tick that died after the outbox insert but before marking the signalering."""
    nu = moment(datetime.date(2026, 11, 17), 10)
    monitor_tick(nu=nu)
    Signalering.objects.update(klant_geinformeerd_op=None)
    monitor_tick(nu=nu + datetime.timedelta(minutes=5))
    assert OutboxBericht.objects.count() == 1


def test_hoofdzaak_zelf_wordt_niet_gesignaleerd(zaak):
    """A hoofdzaak's deadline is its latest deelzaak's: the deelzaken carry the signals."""
    hoofdzaak = ZaakFactory(
        soort="hoofdzaak",
        product=None,
        aanvraag=zaak.aanvraag,
        klant=zaak.klant,
        afdeling=zaak.afdeling,
        organisatie=zaak.organisatie,
        startdatum=START,
        streefdatum=STREEFDATUM,
    )
    monitor_tick(nu=moment(datetime.date(2026, 11, 17), 10))
    assert not signaleringen(hoofdzaak).exists()
    assert signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).exists()
    assert not OutboxBericht.objects.filter(zaak=hoofdzaak).exists()
    assert OutboxBericht.objects.filter(zaak=zaak).count() == 1


@pytest.mark.parametrize(
    ("nu", "verwacht"),
    [
        # Tuesday 23:00: held until Wednesday 08:00.
        (moment(datetime.date(2026, 11, 17), 23), moment(datetime.date(2026, 11, 18), 8)),
        # Sunday noon: held until Monday 08:00.
        (moment(datetime.date(2026, 11, 22), 12), moment(datetime.date(2026, 11, 23), 8)),
    ],
    ids=["nacht", "zondag"],
)
def test_klantbericht_wacht_op_kantoortijd(zaak, nu, verwacht):
    monitor_tick(nu=nu)
    bericht = OutboxBericht.objects.get()
    assert bericht.volgende_poging_op == verwacht

    with time_machine.travel(nu, tick=False):
        assert outbox_bericht_afleveren(bericht_id=bericht.pk) is False
    with time_machine.travel(verwacht - datetime.timedelta(minutes=1), tick=False):
        assert outbox_bericht_afleveren(bericht_id=bericht.pk) is False
    assert mail.outbox == []

    with time_machine.travel(verwacht + datetime.timedelta(minutes=1), tick=False):
        assert outbox_bericht_afleveren(bericht_id=bericht.pk) is True
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sanne@example.nl"]
    assert mail.outbox[0].subject == KLANTBERICHT_ONDERWERP


def test_contactverzoek_waarschuwing_en_overschrijding(afdeling_burgerzaken):
    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    begin = moment(datetime.date(2026, 11, 17), 9)
    deadline = moment(datetime.date(2026, 11, 18), 17)  # 32 hours later
    type(cv).objects.filter(pk=cv.pk).update(aangemaakt_op=begin, deadline=deadline)

    monitor_tick(nu=deadline - datetime.timedelta(hours=9))  # 23 of 32 hours passed
    assert not signaleringen(cv).exists()
    monitor_tick(nu=deadline - datetime.timedelta(hours=7))  # 25 of 32: past 75%
    assert signaleringen(cv, Signalering.Soort.WAARSCHUWING).get().afdeling == afdeling_burgerzaken
    monitor_tick(nu=deadline + datetime.timedelta(minutes=1))
    assert signaleringen(cv, Signalering.Soort.OVERSCHRIJDING).exists()


def test_afgehandeld_contactverzoek_wordt_niet_gesignaleerd(afdeling_burgerzaken):
    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken, status="afgehandeld")
    monitor_tick(nu=cv.deadline + datetime.timedelta(days=1))
    assert not Signalering.objects.exists()


def test_inboxbericht_over_de_reactietermijn():
    from tests.inbox.factories import InkomendBerichtFactory

    bericht = InkomendBerichtFactory()
    vervolg = InkomendBerichtFactory(is_vervolg=True)
    monitor_tick(nu=bericht.deadline + datetime.timedelta(minutes=1))
    signalering = signaleringen(bericht, Signalering.Soort.OVERSCHRIJDING).get()
    assert signalering.objectsoort == Signalering.Objectsoort.INKOMEND_BERICHT
    assert signalering.kenmerk == bericht.referentie
    assert not signaleringen(vervolg).exists()


def test_werkdagindex_rekent_als_de_werkkalender():
    van, tot = datetime.date(2025, 1, 1), datetime.date(2027, 12, 31)
    kalender = Werkkalender(van=van, tot=tot)
    index = Werkdagindex(kalender, van, tot)
    rng = random.Random(8)
    for _ in range(300):
        start = van + datetime.timedelta(days=rng.randrange(0, 700))
        eind = kalender.werkdagen_optellen(start, rng.randrange(0, 60))
        fractie = rng.choice([0.5, 0.75, 0.9])
        assert index.waarschuwingsdatum(start, eind, fractie) == waarschuwingsdatum(
            start=start, einddatum=eind, fractie=fractie, kalender=kalender
        ), (start, eind, fractie)


def test_drempel_is_de_laatste_start_die_al_gewaarschuwd_is():
    van, tot = datetime.date(2024, 1, 1), datetime.date(2027, 12, 31)
    kalender = Werkkalender(van=van, tot=tot)
    index = Werkdagindex(kalender, van, tot)
    vandaag = datetime.date(2026, 12, 23)
    for eind in (
        datetime.date(2026, 12, 23),
        datetime.date(2026, 12, 31),
        datetime.date(2027, 2, 1),
    ):
        drempel = index.laatste_start_gewaarschuwd(eind, vandaag, 0.75)
        assert index.waarschuwingsdatum(drempel, eind, 0.75) <= vandaag
        volgende = drempel + datetime.timedelta(days=1)
        if volgende <= vandaag:
            assert index.waarschuwingsdatum(volgende, eind, 0.75) > vandaag


def test_set_based_selectie_gelijk_aan_zaak_voor_zaak(product):
    """The range query warns exactly the zaken whose own waarschuwingsdatum has come."""
    rng = random.Random(3)
    kalender = Werkkalender(van=datetime.date(2026, 1, 1), tot=datetime.date(2027, 12, 31))
    vandaag = datetime.date(2026, 12, 22)
    zaken = []
    for _ in range(80):
        start = vandaag - datetime.timedelta(days=rng.randrange(0, 60))
        eind = kalender.werkdagen_optellen(start, rng.randrange(1, 40))
        if eind < vandaag:
            continue
        zaken.append(ZaakFactory(product=product, startdatum=start, streefdatum=eind))
    monitor_tick(nu=moment(vandaag, 10))
    verwacht = {
        z.pk
        for z in zaken
        if waarschuwingsdatum(
            start=z.startdatum, einddatum=z.streefdatum, fractie=0.75, kalender=kalender
        )
        <= vandaag
    }
    gewaarschuwd = set(
        signaleringen(soort=Signalering.Soort.WAARSCHUWING).values_list("object_id", flat=True)
    )
    assert 0 < len(verwacht) < len(zaken)
    assert gewaarschuwd == verwacht


def test_beat_taak_roept_de_tick_aan(zaak, time_machine):
    from kcc.normen.tasks import monitor

    time_machine.move_to(moment(datetime.date(2026, 11, 17), 10), tick=False)
    assert monitor.delay().get()["zaak_overschrijdingen"] == 1
    assert signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).exists()


def test_beat_taak_haalt_een_achterstand_in_met_opeenvolgende_ticks(product, monkeypatch):
    """A tick that reached its cap queues the next one (eager in tests: at once) until the
    backlog is signalled, each tick within the cap."""
    from kcc.normen import monitor as monitor_module
    from kcc.normen.tasks import INHAAL_SECONDEN, monitor

    for _ in range(5):
        ZaakFactory(product=product, startdatum=START, streefdatum=STREEFDATUM)
    monkeypatch.setattr(monitor_module, "MAX_SIGNALERINGEN_PER_TICK", 2)
    ticks = []
    echte_tick = monitor_module.monitor_tick

    def tellen(**kwargs):
        resultaat = echte_tick(nu=moment(datetime.date(2026, 11, 17), 10))
        ticks.append(resultaat)
        return resultaat

    monkeypatch.setattr("kcc.normen.tasks.monitor_tick", tellen)
    gepland = []
    echt_apply = monitor.apply_async
    monkeypatch.setattr(
        monitor,
        "apply_async",
        lambda *args, **kw: gepland.append(kw.get("countdown")) or echt_apply(*args, **kw),
    )
    monitor.delay().get()
    assert signaleringen(soort=Signalering.Soort.OVERSCHRIJDING).count() == 5
    assert len(ticks) == 3  # 2 + 2 + 1
    assert [t.get("nog_in_te_halen", False) for t in ticks] == [True, True, False]
    assert gepland == [None, INHAAL_SECONDEN, INHAAL_SECONDEN]  # delay(), then the catch-up


def test_wettelijke_termijn_verstreken_is_een_eigen_signalering(zaak):
    uiterlijk = zaak.uiterlijke_einddatum  # 14-12-2026
    monitor_tick(nu=moment(uiterlijk, 17))
    assert not signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING_WETTELIJK).exists()
    resultaat = monitor_tick(nu=moment(uiterlijk + datetime.timedelta(days=1), 9))
    assert resultaat["zaak_wettelijk_overschreden"] == 1
    signalering = signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING_WETTELIJK).get()
    assert signalering.deadline.astimezone(TIJDZONE).date() == uiterlijk
    # The streefdatum breach is still there, and the citizen heard once (for that one).
    assert signaleringen(zaak, Signalering.Soort.OVERSCHRIJDING).exists()
    assert OutboxBericht.objects.filter(zaak=zaak).count() == 1
    again = monitor_tick(nu=moment(uiterlijk + datetime.timedelta(days=2), 9))
    assert again["zaak_wettelijk_overschreden"] == 0


def test_opgeschorte_zaak_krijgt_geen_wettelijke_overschrijding(zaak):
    zaak.opgeschort_sinds = moment(datetime.date(2026, 12, 1), 9)
    zaak.save(update_fields=["opgeschort_sinds"])
    monitor_tick(nu=moment(datetime.date(2026, 12, 20), 10))
    assert not signaleringen(zaak).exists()


def test_waarschuwing_n_werkdagen_voor_de_streefdatum(product, settings):
    """Whichever comes first: 75% of the term, or 3 working days before the streefdatum."""
    settings.KCC_NORM_WAARSCHUWING_WERKDAGEN = 3
    lang = ZaakFactory(product=product, startdatum=START, streefdatum=datetime.date(2026, 12, 28))
    # Started Thursday 19-11, streefdatum Tuesday 24-11: three working days (20, 23, 24).
    # Its 75% day is 23-11, but it is within 3 working days from the first day on.
    kort = ZaakFactory(
        product=product,
        startdatum=datetime.date(2026, 11, 19),
        streefdatum=datetime.date(2026, 11, 24),
    )
    monitor_tick(nu=moment(datetime.date(2026, 11, 19), 10))
    assert signaleringen(kort, Signalering.Soort.WAARSCHUWING).exists()
    assert not signaleringen(lang).exists()
    # Friday 11-12: 29 of lang's 39 working days (Christmas is off) have passed, 75%.
    monitor_tick(nu=moment(datetime.date(2026, 12, 10), 10))
    assert not signaleringen(lang).exists()
    monitor_tick(nu=moment(datetime.date(2026, 12, 11), 10))
    assert signaleringen(lang, Signalering.Soort.WAARSCHUWING).exists()


def test_zonder_de_optie_alleen_de_fractie(product, settings):
    settings.KCC_NORM_WAARSCHUWING_WERKDAGEN = 0
    kort = ZaakFactory(
        product=product,
        startdatum=datetime.date(2026, 11, 19),
        streefdatum=datetime.date(2026, 11, 24),
    )
    monitor_tick(nu=moment(datetime.date(2026, 11, 19), 10))
    assert not signaleringen(kort).exists()


def test_sluitingsdagen_van_de_eigen_organisatie_tellen(product, afdeling_vergunningen):
    """Two zaken with the same dates; only one organisation is closed on three days."""
    from tests.factories import AfdelingFactory, OrganisatieFactory
    from tests.normen.factories import SluitingsdagFactory

    ander = OrganisatieFactory(naam="Waterschap")
    waterschap = ProductFactory(afdeling=AfdelingFactory(organisatie=ander))
    for dag in (11, 12, 13):
        SluitingsdagFactory(organisatie=ander, datum=datetime.date(2026, 11, dag))
    gewoon = ZaakFactory(product=product, startdatum=START, streefdatum=STREEFDATUM)
    gesloten = ZaakFactory(product=waterschap, startdatum=START, streefdatum=STREEFDATUM)
    # General calendar: 10 working days, 75% is the 7th: 11-11. With 11, 12 and 13
    # November closed the waterschap's term has 7 working days; 75% is the 5th: 9-11.
    assert waarschuwingsdatum(start=START, einddatum=STREEFDATUM) == datetime.date(2026, 11, 11)
    assert waarschuwingsdatum(
        start=START, einddatum=STREEFDATUM, organisatie=ander
    ) == datetime.date(2026, 11, 9)
    monitor_tick(nu=moment(datetime.date(2026, 11, 10), 10))
    assert signaleringen(gesloten, Signalering.Soort.WAARSCHUWING).exists()
    assert not signaleringen(gewoon).exists()


def test_een_tick_schrijft_hooguit_het_maximum_en_de_volgende_haalt_in(product, monkeypatch):
    from kcc.normen import monitor

    monkeypatch.setattr(monitor, "MAX_SIGNALERINGEN_PER_TICK", 3)
    zaken = [
        ZaakFactory(
            product=product,
            startdatum=START,
            streefdatum=STREEFDATUM - datetime.timedelta(days=dagen),
            uiterlijke_einddatum=datetime.date(2026, 12, 14),
        )
        for dagen in (0, 1, 2, 3, 4)
    ]
    nu = moment(datetime.date(2026, 11, 17), 10)
    eerste = monitor_tick(nu=nu)
    assert eerste["zaak_overschrijdingen"] == 3 and eerste["nog_in_te_halen"] is True
    # The most overdue first.
    assert set(signaleringen().values_list("object_id", flat=True)) == {z.pk for z in zaken[2:]}
    tweede = monitor_tick(nu=nu)
    assert tweede["zaak_overschrijdingen"] == 2 and "nog_in_te_halen" not in tweede
    assert signaleringen(soort=Signalering.Soort.OVERSCHRIJDING).count() == 5
    assert monitor_tick(nu=nu)["zaak_overschrijdingen"] == 0


def test_signaleringen_invoegen_zonder_nested_loop(product):
    """On PostgreSQL every INSERT ... WHERE NOT EXISTS of a tick runs with nested loops (and
    parallel workers) off in its own transaction: on the statistics of a signal table that
    was (nearly) empty, the planner otherwise rescans every signal for each open object
    (minutes per tick at a million signals, measured with make bench)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ZaakFactory(product=product, startdatum=START, streefdatum=STREEFDATUM)
    with CaptureQueriesContext(connection) as captured:
        monitor_tick(nu=moment(datetime.date(2026, 11, 17), 10))
    sql = [q["sql"] for q in captured.captured_queries]
    invoegen = [i for i, q in enumerate(sql) if q.startswith('INSERT INTO "normen_signalering"')]
    assert len(invoegen) >= 6  # every step of the tick, whether it finds anything or not
    assert signaleringen(soort=Signalering.Soort.OVERSCHRIJDING).count() == 1
    for i in invoegen:
        if connection.vendor == "postgresql":
            assert sql[i - 1] == PLAN_ZONDER_NESTED_LOOP, sql[i - 1]
        else:
            assert "enable_nestloop" not in sql[i - 1]
