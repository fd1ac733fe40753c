"""The public performance page and the teamleider reports in a real browser: axe-core clean."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.conftest import axe_all_violations, login
from tests.factories import TEST_WACHTWOORD


def _gegevens(afdeling):
    from kcc.kpi.services import kpi_periode_aggregeren
    from tests.kpi.factories import (
        ContactmomentFactory,
        KanaalFactory,
        VraagFactory,
        ZaakFactory,
        moment,
    )
    from tests.productcatalogus.factories import ProductFactory

    telefoon = KanaalFactory(code="telefoon", naam="Telefoon")
    balie = KanaalFactory(code="balie", naam="Balie")
    product = ProductFactory(afdeling=afdeling)
    vandaag = timezone.localdate()
    for weken in range(6):
        dag = vandaag - datetime.timedelta(days=7 * weken + 1)
        for kanaal in (telefoon, balie, telefoon):
            cm = ContactmomentFactory(
                kanaal=kanaal, gestart_op=moment(dag), duur_seconden=60 + 30 * weken
            )
            VraagFactory(contactmoment=cm, product=product)
        ZaakFactory(
            product=product, afgesloten_op=moment(dag), streefdatum=dag, uiterlijke_einddatum=dag
        )
    ZaakFactory(product=product)
    kpi_periode_aggregeren(
        van=vandaag - datetime.timedelta(days=50), tot=vandaag - datetime.timedelta(days=1)
    )


@pytest.mark.django_db(transaction=True)
def test_publieke_prestatiepagina_zonder_axe_fouten(page, live_server, afdeling_burgerzaken):
    _gegevens(afdeling_burgerzaken)
    page.goto(f"{live_server.url}/prestaties/")
    assert page.locator("h1").inner_text() == "Onze prestaties"
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("table caption").count() == 3
    violations = axe_all_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_rapportages_teamleider_zonder_axe_fouten(
    page, live_server, tom_teamleider, afdeling_burgerzaken
):
    _gegevens(afdeling_burgerzaken)
    login(page, live_server, "tom", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/**")
    page.goto(f"{live_server.url}/console/rapportages/")
    assert page.locator("h1").inner_text() == "Rapportages"
    page.locator("#id_kanaal").select_option(label="Telefoon")
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_url("**kanaal=**")
    assert page.locator("svg[role=img]").count() >= 3
    violations = axe_all_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]
