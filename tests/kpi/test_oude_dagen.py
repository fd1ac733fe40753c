"""Days without aggregates are computed live: figures never change by aggregating.

The nightly job recomputes only the last days; older days (before the first run, after
an import, nights it did not run) are filled a bounded number per night. Until then the
reports must compute them live instead of silently leaving them out.
"""

import datetime

import pytest

from kcc.kpi import selectors, services
from kcc.kpi.models import KpiDag
from kcc.kpi.selectors import KpiFilter
from tests.kpi.conftest import MA
from tests.kpi.factories import ContactmomentFactory, VraagFactory, ZaakFactory, moment

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)
VANDAAG = datetime.date(2026, 3, 20)
GISTEREN = VANDAAG - DAG


@pytest.fixture
def oude_en_nieuwe_data(klant, telefoon, balie, product):
    """Contacts and zaken 70, 45 and 20 days ago, and in the last week."""
    for dagen_terug in (70, 45, 44, 20, 6, 3, 1):
        dag = VANDAAG - dagen_terug * DAG
        for kanaal in (telefoon, balie):
            cm = ContactmomentFactory(
                klant=klant, kanaal=kanaal, gestart_op=moment(dag), duur_seconden=40 + dagen_terug
            )
            VraagFactory(contactmoment=cm, product=product)
        ZaakFactory(product=product, afgesloten_op=moment(dag), streefdatum=dag)


def _publiek_filter() -> KpiFilter:
    van = GISTEREN - (selectors.PUBLIEKE_PERIODE_DAGEN - 1) * DAG
    return KpiFilter(van=van, tot=GISTEREN)


def test_nachtelijke_run_verandert_de_publieke_cijfers_niet(oude_en_nieuwe_data):
    f = _publiek_filter()
    voor = selectors.kpi_rapport(f)
    assert voor.volumes.totaal_per_kanaal == [7, 7]
    services.kpi_nachtelijk_aggregeren(vandaag=VANDAAG)
    assert selectors.kpi_rapport(f) == voor
    eerste = VANDAAG - 70 * DAG
    geaggregeerd = KpiDag.objects.filter(dag__range=(eerste, GISTEREN))
    assert geaggregeerd.count() == services.HERBEREKEN_DAGEN + services.INHAAL_DAGEN_PER_NACHT
    # the next night fills the rest, back to the first contact; still the same figures
    services.kpi_nachtelijk_aggregeren(vandaag=VANDAAG)
    assert geaggregeerd.count() == 70
    assert selectors.bronnen(f).live == ((f.van, eerste - DAG),)
    assert selectors.kpi_rapport(f) == voor


def test_gaten_worden_live_berekend_en_per_nacht_begrensd_gevuld(oude_en_nieuwe_data, monkeypatch):
    f = _publiek_filter()
    voor = selectors.kpi_rapport(f, alles_live=True)
    monkeypatch.setattr(services, "INHAAL_DAGEN_PER_NACHT", 10)
    n = services.kpi_nachtelijk_aggregeren(vandaag=VANDAAG)
    assert n == services.HERBEREKEN_DAGEN + 10
    b = selectors.bronnen(f)
    assert b.tabel == (VANDAAG - 20 * DAG, GISTEREN)  # newest missing days first
    assert b.live == ((f.van, VANDAAG - 21 * DAG),)
    assert selectors.kpi_rapport(f) == voor
    services.kpi_nachtelijk_aggregeren(vandaag=VANDAAG)
    assert selectors.kpi_rapport(f) == voor
    assert selectors.bronnen(f).tabel == (VANDAAG - 30 * DAG, GISTEREN)


def test_losse_dagen_en_te_veel_gaten(oude_en_nieuwe_data):
    f = KpiFilter(van=VANDAAG - 50 * DAG, tot=GISTEREN)
    live = selectors.kpi_rapport(f, alles_live=True)
    for dagen_terug in (45, 30):
        services.kpi_dag_aggregeren(dag=VANDAAG - dagen_terug * DAG)
    b = selectors.bronnen(f)
    assert len(b.live) == 3
    assert selectors.kpi_rapport(f) == live
    for dagen_terug in (40, 35, 25, 20):
        services.kpi_dag_aggregeren(dag=VANDAAG - dagen_terug * DAG)
    # more runs of missing days than MAX_LIVE_REEKSEN: the whole period live, same figures
    assert selectors.bronnen(f) == selectors.Bronnen(tabel=None, live=((f.van, f.tot),))
    assert selectors.kpi_rapport(f) == live


def test_herhaald_aggregeren_schrijft_niets(oude_en_nieuwe_data):
    dag = VANDAAG - 45 * DAG
    assert services.kpi_dag_aggregeren(dag=dag) is True
    bijgewerkt = KpiDag.objects.get(dag=dag).bijgewerkt_op
    assert services.kpi_dag_aggregeren(dag=dag) is False
    assert KpiDag.objects.get(dag=dag).bijgewerkt_op == bijgewerkt
    ContactmomentFactory(gestart_op=moment(dag))  # a late registration on that day
    assert services.kpi_dag_aggregeren(dag=dag) is True


def test_eerste_dag_zonder_gegevens(db):
    assert services.kpi_eerste_dag() is None
    assert services.kpi_nachtelijk_aggregeren(vandaag=VANDAAG) == services.HERBEREKEN_DAGEN


def test_eerste_dag_is_oudste_contact_of_zaak(telefoon, product):
    ZaakFactory(product=product, afgesloten_op=moment(MA - 30 * DAG))
    ContactmomentFactory(kanaal=telefoon, gestart_op=moment(MA - 3 * DAG))
    assert services.kpi_eerste_dag() == MA - 30 * DAG
