"""Each KPI on hand-built data, exactly as DESIGN.md defines it (live computation)."""

import datetime

import pytest
import time_machine

from kanalen.models import Contactmoment
from kcc.kpi import selectors
from kcc.kpi.selectors import KpiFilter
from tests.kpi.conftest import MA, NU
from tests.kpi.factories import (
    AanvraagFactory,
    ContactmomentFactory,
    ContactverzoekFactory,
    InkomendBerichtFactory,
    VraagFactory,
    ZaakFactory,
    moment,
)
from tests.portaal.factories import KlantFactory
from tests.productcatalogus.factories import VACFactory
from zaken.models import Aanvraag

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)


def contact(klant, kanaal, dag, *, product=None, vac=None, **kwargs):
    cm = ContactmomentFactory(klant=klant, kanaal=kanaal, gestart_op=moment(dag), **kwargs)
    if product or vac:
        VraagFactory(contactmoment=cm, product=product, vac=vac)
    return cm


def fcr(van=MA, tot=MA, **filters):
    return selectors.kpi_rapport(KpiFilter(van=van, tot=tot, **filters), alles_live=True).fcr


class TestEersteContactoplossing:
    def test_beantwoord_zonder_vervolg_telt(self, klant, telefoon, product):
        contact(klant, telefoon, MA, product=product)
        assert (fcr().totaal, fcr().opgelost) == (1, 1)
        assert fcr().percentage == 100.0 and fcr().gehaald is True

    def test_nieuw_contact_zelfde_product_na_3_werkdagen_telt_niet(
        self, klant, telefoon, balie, product
    ):
        contact(klant, telefoon, MA, product=product)
        contact(klant, balie, MA + 3 * DAG, product=product)  # Thursday: 3 working days later
        assert (fcr().totaal, fcr().opgelost) == (1, 0)

    def test_nieuw_contact_op_5e_werkdag_telt_nog_mee(self, klant, telefoon, product):
        contact(klant, telefoon, MA, product=product)
        contact(klant, telefoon, MA + 7 * DAG, product=product)  # next Monday: 5th working day
        assert fcr().opgelost == 0

    def test_nieuw_contact_na_6_werkdagen_telt_wel(self, klant, telefoon, product):
        contact(klant, telefoon, MA, product=product)
        contact(klant, telefoon, MA + 8 * DAG, product=product)  # Tuesday after: 6th working day
        assert (fcr().totaal, fcr().opgelost) == (1, 1)

    def test_zelfde_vac_binnen_venster_telt_niet(self, klant, telefoon):
        vac = VACFactory()
        contact(klant, telefoon, MA, vac=vac)
        contact(klant, telefoon, MA + DAG, vac=vac)
        assert fcr().opgelost == 0

    def test_ander_product_of_andere_klant_of_uitgaand_vervolg_telt_wel(
        self, klant, telefoon, product, ander_product
    ):
        contact(klant, telefoon, MA, product=product)
        contact(klant, telefoon, MA + DAG, product=ander_product)
        contact(KlantFactory(bsn="999990019"), telefoon, MA + DAG, product=product)
        contact(
            klant, telefoon, MA + DAG, product=product, richting=Contactmoment.Richting.UITGAAND
        )
        assert fcr().opgelost == 1

    def test_contact_met_contactverzoek_telt_nooit(self, klant, telefoon, product):
        cm = contact(klant, telefoon, MA, product=product)
        ContactverzoekFactory(contactmoment=cm)
        assert (fcr().totaal, fcr().opgelost) == (1, 0)

    def test_doorverbonden_en_doorverwezen_tellen_niet(self, klant, telefoon):
        contact(klant, telefoon, MA, resultaat=Contactmoment.Resultaat.DOORVERBONDEN)
        contact(klant, telefoon, MA, resultaat=Contactmoment.Resultaat.DOORVERWEZEN)
        assert (fcr().totaal, fcr().opgelost) == (2, 0)

    def test_aanvraag_telt_alleen_als_die_compleet_is_ingediend(self, klant, telefoon):
        gestart = Contactmoment.Resultaat.AANVRAAG_GESTART
        ingediend = AanvraagFactory(klant=klant)
        concept = AanvraagFactory(klant=klant, status=Aanvraag.Status.CONCEPT)
        contact(klant, telefoon, MA, resultaat=gestart, aanvraag=ingediend)
        contact(klant, telefoon, MA, resultaat=gestart, aanvraag=concept)
        contact(klant, telefoon, MA, resultaat=gestart)  # no aanvraag registered with it
        assert (fcr().totaal, fcr().opgelost) == (3, 1)
        concept.status = Aanvraag.Status.INGEDIEND
        concept.save()
        assert fcr().opgelost == 2

    def test_nieuw_contact_in_het_weekend_valt_binnen_het_venster(self, klant, telefoon, product):
        contact(klant, telefoon, MA, product=product)
        contact(klant, telefoon, MA + 6 * DAG, product=product)  # Sunday: no working day
        assert (fcr().totaal, fcr().opgelost) == (1, 0)

    def test_anoniem_en_uitgaand_vallen_buiten_de_noemer(self, klant, telefoon):
        contact(None, telefoon, MA)
        contact(klant, telefoon, MA, richting=Contactmoment.Richting.UITGAAND)
        assert fcr().totaal == 0 and fcr().percentage is None and fcr().gehaald is None

    def test_onder_doel(self, klant, telefoon, product):
        for _ in range(4):
            contact(klant, telefoon, MA)
        contact(klant, telefoon, MA, resultaat=Contactmoment.Resultaat.DOORVERBONDEN)
        uitkomst = fcr()
        assert uitkomst.percentage == 80.0 and uitkomst.gehaald is True
        contact(klant, telefoon, MA, resultaat=Contactmoment.Resultaat.DOORVERBONDEN)
        assert fcr().gehaald is False


class TestAfgehandeldBinnenNorm:
    def test_servicenorm_en_wettelijke_termijn_apart(self, product):
        # streefdatum 9 March, uiterlijke einddatum 16 March (factory defaults)
        ZaakFactory(
            product=product, afgesloten_op=moment(datetime.date(2026, 3, 9), uur=16)
        )  # both
        ZaakFactory(product=product, afgesloten_op=moment(datetime.date(2026, 3, 12)))  # legal only
        ZaakFactory(product=product, afgesloten_op=moment(datetime.date(2026, 3, 17)))  # neither
        ZaakFactory(
            product=product, afgesloten_op=moment(datetime.date(2026, 3, 10)), streefdatum=None
        )
        ZaakFactory(product=product, afgesloten_op=None)  # open: not counted
        r = selectors.kpi_rapport(
            KpiFilter(van=datetime.date(2026, 3, 1), tot=datetime.date(2026, 3, 19)),
            alles_live=True,
        )
        assert (r.servicenorm.aantal, r.servicenorm.binnen) == (3, 1)
        assert (r.wettelijk.aantal, r.wettelijk.binnen) == (4, 3)
        assert r.wettelijk.percentage == 75.0

    def test_periode_is_afsluitdag_in_nederlandse_tijd(self, product):
        # 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam: closed after the streefdatum.
        ZaakFactory(
            product=product,
            afgesloten_op=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC),
        )
        r = selectors.kpi_rapport(
            KpiFilter(van=datetime.date(2026, 3, 10), tot=datetime.date(2026, 3, 10)),
            alles_live=True,
        )
        assert (r.servicenorm.aantal, r.servicenorm.binnen) == (1, 0)


class TestAfhandeltijd:
    def test_gemiddelde_en_p90_per_kanaal(self, klant, telefoon, balie):
        for i in range(1, 11):
            contact(klant, telefoon, MA, duur_seconden=30 * i)  # 30 .. 300
        contact(klant, balie, MA, duur_seconden=600)
        r = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA), alles_live=True)
        per_kanaal = {a.kanaal.code: a for a in r.afhandeltijden}
        assert per_kanaal["telefoon"].aantal == 10
        assert per_kanaal["telefoon"].gemiddeld_seconden == 165.0
        assert per_kanaal["telefoon"].p90_seconden == 270  # nearest rank: 9th of 10
        assert per_kanaal["balie"].p90_seconden == 600

    def test_p90_in_vakken_van_30_seconden(self, klant, telefoon):
        contact(klant, telefoon, MA, duur_seconden=95)
        r = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA), alles_live=True)
        assert r.afhandeltijden[0].p90_seconden == 90
        assert r.afhandeltijden[0].gemiddeld_seconden == 95.0

    def test_p90_uit_histogram(self):
        assert selectors.p90_uit_histogram({}) is None
        assert selectors.p90_uit_histogram({0: 89, 30: 1, 60: 10}) == 30
        assert selectors.p90_uit_histogram({0: 89, 60: 11}) == 60
        assert selectors.p90_uit_histogram({0: 90, 60: 10}) == 0


class TestVolumes:
    def test_per_kanaal_per_dag_en_week(self, klant, telefoon, balie):
        contact(klant, telefoon, MA)
        contact(klant, telefoon, MA + DAG)
        contact(klant, balie, MA + 7 * DAG)
        r = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA + 8 * DAG), alles_live=True)
        v = r.volumes
        assert [k.code for k in v.kanalen] == ["telefoon", "balie"]
        assert v.per_dag[0] == (MA, [1, 0], 1)
        assert v.per_dag[1] == (MA + DAG, [1, 0], 1)
        assert v.per_dag[7] == (MA + 7 * DAG, [0, 1], 1)
        assert v.per_week == [(MA, [2, 0], 2), (MA + 7 * DAG, [0, 1], 1)]
        assert v.totaal_per_kanaal == [2, 1]


class TestReactieBinnenNorm:
    def test_beantwoord_voor_deadline(self):
        ontvangen = moment(MA)
        deadline = ontvangen + 2 * DAG
        InkomendBerichtFactory(
            ontvangen_op=ontvangen,
            deadline=deadline,
            beantwoord_op=ontvangen + DAG,
            status="beantwoord",
        )
        InkomendBerichtFactory(
            ontvangen_op=ontvangen,
            deadline=deadline,
            beantwoord_op=deadline + DAG,
            status="beantwoord",
        )
        InkomendBerichtFactory(
            ontvangen_op=ontvangen, deadline=deadline
        )  # open, deadline passed: late
        InkomendBerichtFactory(
            ontvangen_op=ontvangen, deadline=deadline, is_vervolg=True
        )  # not an item
        InkomendBerichtFactory(
            ontvangen_op=ontvangen, kanaal="chat", deadline=moment(MA + 30 * DAG)
        )  # not due
        r = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA), alles_live=True)
        assert (r.reactie.aantal, r.reactie.binnen) == (3, 1)
        assert r.reactie_per_kanaal[0][0] == "chat" and r.reactie_per_kanaal[0][1].aantal == 0


class TestWerkvoorraad:
    def test_open_zaken_en_contactverzoeken_per_afdeling(
        self, klant, telefoon, product, ander_product
    ):
        ZaakFactory(product=product)
        ZaakFactory(product=product)
        ZaakFactory(product=product, afgesloten_op=moment(MA))
        ZaakFactory(product=ander_product)
        cv = ContactverzoekFactory(
            contactmoment=contact(klant, telefoon, MA), afdeling=product.afdeling
        )
        ContactverzoekFactory(
            contactmoment=cv.contactmoment, afdeling=product.afdeling, status="afgehandeld"
        )
        regels = selectors.kpi_backlog(KpiFilter(van=MA, tot=MA))
        per_afdeling = {r.afdeling.code: (r.open_zaken, r.open_contactverzoeken) for r in regels}
        assert per_afdeling == {"burgerzaken": (2, 1), "vergunningen": (1, 0)}
        gefilterd = selectors.kpi_backlog(
            KpiFilter(van=MA, tot=MA, afdeling_id=ander_product.afdeling_id)
        )
        assert [r.afdeling.code for r in gefilterd] == ["vergunningen"]

    def test_hooguit_een_minuut_oud(self, product, monkeypatch):
        import time

        # The cache's own clock counts: a 1-second lifetime, waited for real and in the
        # frozen test clock.
        monkeypatch.setattr(selectors, "BACKLOG_CACHE_SECONDEN", 1)
        ZaakFactory(product=product)
        assert selectors.kpi_backlog(KpiFilter(van=MA, tot=MA))[0].open_zaken == 1
        ZaakFactory(product=product)
        assert selectors.kpi_backlog(KpiFilter(van=MA, tot=MA))[0].open_zaken == 1
        time.sleep(1.2)  # Redis: real seconds; the in-process cache: the frozen clock moved
        with time_machine.travel(NU + datetime.timedelta(seconds=2), tick=False):
            assert selectors.kpi_backlog(KpiFilter(van=MA, tot=MA))[0].open_zaken == 2

    def test_productfilter_telt_een_verzoek_met_twee_vragen_een_keer(
        self, klant, telefoon, product
    ):
        cm = contact(klant, telefoon, MA, product=product)
        cm.vragen.create(volgnummer=2, vraag="Nog een", antwoord="Ja", product=product)
        ContactverzoekFactory(contactmoment=cm, afdeling=product.afdeling)
        regels = selectors.kpi_backlog(KpiFilter(van=MA, tot=MA, product_id=product.pk))
        assert [r.open_contactverzoeken for r in regels] == [1]


class TestFilters:
    def test_kanaal_product_afdeling_organisatie(
        self, klant, telefoon, balie, product, ander_product
    ):
        contact(klant, telefoon, MA, product=product)
        contact(klant, balie, MA, product=ander_product)
        contact(klant, balie, MA)  # no product
        ZaakFactory(product=product, afgesloten_op=moment(MA))
        ZaakFactory(product=ander_product, afgesloten_op=moment(MA))
        alles = selectors.kpi_rapport(KpiFilter(van=MA, tot=MA), alles_live=True)
        assert alles.fcr.totaal == 3 and alles.servicenorm.aantal == 2

        def r(**filters):
            return selectors.kpi_rapport(KpiFilter(van=MA, tot=MA, **filters), alles_live=True)

        assert r(kanaal=telefoon).fcr.totaal == 1
        assert r(kanaal=balie).volumes.totaal_per_kanaal == [2]
        assert r(product_id=product.pk).fcr.totaal == 1
        assert r(product_id=product.pk).servicenorm.aantal == 1
        assert r(afdeling_id=ander_product.afdeling_id).fcr.totaal == 1
        assert r(afdeling_id=ander_product.afdeling_id).servicenorm.aantal == 1
        assert r(organisatie_id=product.organisatie_id).fcr.totaal == 2
        # the zaak's channel is the channel of its aanvraag (factory: balie)
        assert r(kanaal=balie).servicenorm.aantal == 2
        assert r(kanaal=telefoon).servicenorm.aantal == 0

    def test_periode_grenzen(self, klant, telefoon):
        contact(klant, telefoon, MA - DAG)
        contact(klant, telefoon, MA)
        contact(klant, telefoon, MA + DAG)
        assert fcr(van=MA, tot=MA).totaal == 1
        assert fcr(van=MA - DAG, tot=MA + DAG).totaal == 3
