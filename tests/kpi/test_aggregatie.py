"""The daily tables: idempotent, and the report gives the same figures from them as live."""

import datetime
import random

import pytest
from django.conf import settings

from kanalen.models import Contactmoment
from kcc.kpi import selectors, services
from kcc.kpi.models import ContactDagcijfer, ContactDuurBucket, KpiDag, ZaakDagcijfer
from kcc.kpi.selectors import KpiFilter
from kcc.kpi.tasks import kpi_dagcijfers_bijwerken
from tests.kpi.conftest import MA
from tests.kpi.factories import (
    AanvraagFactory,
    ContactmomentFactory,
    ContactverzoekFactory,
    VraagFactory,
    ZaakFactory,
    moment,
)
from tests.portaal.factories import KlantFactory
from zaken.models import Aanvraag

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)
VANDAAG = datetime.date(2026, 3, 20)


@pytest.fixture
def gemengde_data(telefoon, balie, product, ander_product):
    """Three weeks of contacts and zaken, with repeats, contactverzoeken and today's contacts."""
    rnd = random.Random(7)
    klanten = [KlantFactory(bsn=f"99999{i:04d}") for i in range(6)]
    resultaten = list(Contactmoment.Resultaat.values)
    for i in range(90):
        dag = MA + rnd.randrange(19) * DAG  # up to and including today (20 March)
        cm = ContactmomentFactory(
            klant=rnd.choice(klanten + [None]),
            kanaal=rnd.choice([telefoon, balie]),
            richting=rnd.choice(["inkomend", "inkomend", "uitgaand"]),
            resultaat=rnd.choice(resultaten[:1] * 3 + resultaten),
            gestart_op=moment(dag, uur=rnd.randrange(8, 18)),
            duur_seconden=30 * rnd.randrange(1, 20),
        )
        if rnd.random() < 0.8:
            VraagFactory(contactmoment=cm, product=rnd.choice([product, ander_product]))
        if rnd.random() < 0.1:
            ContactverzoekFactory(contactmoment=cm, afdeling=product.afdeling)
    for i in range(30):
        ZaakFactory(
            product=rnd.choice([product, ander_product]),
            afgesloten_op=moment(MA + rnd.randrange(19) * DAG),
            streefdatum=MA + rnd.randrange(19) * DAG,
        )


def filters(telefoon, product, ander_product):
    periode = {"van": MA, "tot": VANDAAG}
    return [
        KpiFilter(**periode),
        KpiFilter(**periode, kanaal=telefoon),
        KpiFilter(**periode, product_id=product.pk),
        KpiFilter(**periode, afdeling_id=ander_product.afdeling_id),
        KpiFilter(**periode, organisatie_id=product.organisatie_id),
        KpiFilter(van=MA + 3 * DAG, tot=MA + 10 * DAG),
    ]


def test_tabellen_geven_dezelfde_cijfers_als_live(gemengde_data, telefoon, product, ander_product):
    services.kpi_periode_aggregeren(van=MA, tot=VANDAAG - DAG)
    for f in filters(telefoon, product, ander_product):
        b = selectors.bronnen(f)
        assert b.tabel is not None
        live = selectors.kpi_rapport(f, alles_live=True)
        assert live.fcr.totaal > 0 or f.kanaal
        assert selectors.kpi_rapport(f) == live


def test_alleen_tabel_en_gemengd(gemengde_data, telefoon, product, ander_product):
    # Aggregated up to 10 March only: 11-20 March come live; same figures.
    services.kpi_periode_aggregeren(van=MA, tot=MA + 8 * DAG)
    f = KpiFilter(van=MA, tot=VANDAAG)
    assert selectors.bronnen(f) == selectors.Bronnen(
        tabel=(MA, MA + 8 * DAG), live=((MA + 9 * DAG, VANDAAG),)
    )
    assert selectors.kpi_rapport(f) == selectors.kpi_rapport(f, alles_live=True)
    alleen_tabel = KpiFilter(van=MA, tot=MA + 4 * DAG)
    assert selectors.bronnen(alleen_tabel).live == ()
    assert selectors.kpi_rapport(alleen_tabel) == selectors.kpi_rapport(
        alleen_tabel, alles_live=True
    )


def test_aggregeren_is_idempotent(gemengde_data):
    services.kpi_dag_aggregeren(dag=MA + 2 * DAG)
    aantallen = (
        ContactDagcijfer.objects.count(),
        ContactDuurBucket.objects.count(),
        ZaakDagcijfer.objects.count(),
    )
    assert aantallen[0] > 0
    services.kpi_dag_aggregeren(dag=MA + 2 * DAG)
    assert aantallen == (
        ContactDagcijfer.objects.count(),
        ContactDuurBucket.objects.count(),
        ZaakDagcijfer.objects.count(),
    )
    assert KpiDag.objects.filter(dag=MA + 2 * DAG).count() == 1


def test_herberekening_ziet_later_herhaald_contact(klant, telefoon, product):
    cm = ContactmomentFactory(klant=klant, kanaal=telefoon, gestart_op=moment(MA))
    VraagFactory(contactmoment=cm, product=product)
    services.kpi_dag_aggregeren(dag=MA)
    assert ContactDagcijfer.objects.get(dag=MA, totaalregel=False).fcr_opgelost == 1
    herhaling = ContactmomentFactory(klant=klant, kanaal=telefoon, gestart_op=moment(MA + 2 * DAG))
    VraagFactory(contactmoment=herhaling, product=product)
    # the nightly run on Wednesday recomputes Monday: the repeat contact now counts
    services.kpi_nachtelijk_aggregeren(vandaag=MA + 3 * DAG)
    assert ContactDagcijfer.objects.get(dag=MA, totaalregel=False).fcr_opgelost == 0


def test_dagcijfers_tellen_aanvraag_gestart_als_de_selector(klant, telefoon):
    """The daily table counts 'aanvraag gestart' as resolved only with a submitted aanvraag,
    and the nightly recomputation sees a concept submitted later."""
    concept = AanvraagFactory(klant=klant, status=Aanvraag.Status.CONCEPT)
    for aanvraag in (AanvraagFactory(klant=klant), concept, None):
        ContactmomentFactory(
            klant=klant,
            kanaal=telefoon,
            gestart_op=moment(MA),
            resultaat=Contactmoment.Resultaat.AANVRAAG_GESTART,
            aanvraag=aanvraag,
        )
    services.kpi_dag_aggregeren(dag=MA)
    rij = ContactDagcijfer.objects.get(dag=MA, totaalregel=True)
    assert (rij.fcr_basis, rij.fcr_opgelost) == (3, 1)
    concept.status = Aanvraag.Status.INGEDIEND
    concept.save()
    services.kpi_nachtelijk_aggregeren(vandaag=MA + 3 * DAG)
    assert ContactDagcijfer.objects.get(dag=MA, totaalregel=True).fcr_opgelost == 2
    live = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA), alles_live=True).fcr
    vanuit_tabel = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA)).fcr
    assert (live.totaal, live.opgelost) == (vanuit_tabel.totaal, vanuit_tabel.opgelost) == (3, 2)


def test_vandaag_wordt_niet_opgeslagen():
    with pytest.raises(ValueError, match=services.FOUT_DAG_NIET_VOORBIJ):
        services.kpi_dag_aggregeren(dag=VANDAAG)


def test_beat_taak_werkt_de_laatste_dagen_bij(db):
    assert (
        settings.CELERY_BEAT_SCHEDULE["kpi-dagcijfers-bijwerken"]["task"]
        == kpi_dagcijfers_bijwerken.name
    )
    assert kpi_dagcijfers_bijwerken.delay().get() == services.HERBEREKEN_DAGEN
    dagen = list(KpiDag.objects.order_by("dag").values_list("dag", flat=True))
    assert dagen[0] == VANDAAG - services.HERBEREKEN_DAGEN * DAG
    assert dagen[-1] == VANDAAG - DAG
