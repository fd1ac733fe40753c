"""The regie dashboard /console/regie/: teamleiders only, constant queries, drill-down."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from kanalen.models import Contactverzoek
from kcc.normen.models import Signalering
from kcc.normen.monitor import monitor_tick
from tests.factories import TEST_WACHTWOORD, OrganisatieFactory
from tests.inbox.factories import InkomendBerichtFactory
from tests.kanalen.factories import ContactverzoekFactory
from tests.productcatalogus.factories import ProductFactory
from tests.queries import assert_constant_queries
from tests.zaken.factories import ZaakFactory

pytestmark = pytest.mark.django_db

URL = "/console/regie/"


def client_voor(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_url_naam_blijft():
    assert reverse("console:regie") == URL


def test_anoniem_naar_inloggen():
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["kim_kcc", "bo_burgerzaken", "vera_vergunningen"])
def test_andere_rollen_mogen_niet(persona, request):
    user = request.getfixturevalue(persona)
    assert client_voor(user).get(URL).status_code == 403


def _hoofdzaak_met_deelzaak_te_laat(product, nummer: int):
    hoofdzaak = ZaakFactory(
        soort="hoofdzaak",
        product=None,
        aanvraag__product=product,
        afdeling=product.afdeling,
        organisatie=product.organisatie,
        startdatum=datetime.date.today() - datetime.timedelta(days=30),
        streefdatum=datetime.date.today() + datetime.timedelta(days=10),
    )
    deelzaak = ZaakFactory(
        soort="deelzaak",
        hoofdzaak=hoofdzaak,
        product=product,
        klant=hoofdzaak.klant,
        startdatum=datetime.date.today() - datetime.timedelta(days=30),
        te_laat=True,
    )
    cv = ContactverzoekFactory(afdeling=product.afdeling)
    Contactverzoek.objects.filter(pk=cv.pk).update(
        deadline=cv.deadline - datetime.timedelta(days=3)
    )
    InkomendBerichtFactory(referentie=f"KCC-2026-8{nummer:05d}", te_laat=True)
    return hoofdzaak, deelzaak


def test_teamleider_ziet_het_overzicht_met_drill_down(tom_teamleider, afdeling_burgerzaken):
    product = ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")
    hoofdzaak, deelzaak = _hoofdzaak_met_deelzaak_te_laat(product, 1)
    andere_org = ProductFactory(
        afdeling__organisatie=OrganisatieFactory(naam="UWV"), naam="WW-uitkering"
    )
    ZaakFactory(product=andere_org, te_laat=True)
    opgeschort = ZaakFactory(product=product, te_laat=True)
    opgeschort.opgeschort_sinds = opgeschort.aangemaakt_op
    opgeschort.save(update_fields=["opgeschort_sinds"])
    monitor_tick()

    response = client_voor(tom_teamleider).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    overzicht = response.context["overzicht"]
    assert [z.pk for z in overzicht.hoofdzaken_risico] == [hoofdzaak.pk]
    assert overzicht.hoofdzaken_risico[0].deelzaken_te_laat == 1
    assert overzicht.aantal_zaken_te_laat == 2  # not the suspended one
    assert {g.naam: g.aantal for g in overzicht.per_organisatie} == {
        afdeling_burgerzaken.organisatie.naam: 1,
        "UWV": 1,
    }
    assert {g.naam for g in overzicht.per_product} == {"Paspoort", "WW-uitkering"}
    assert overzicht.aantal_contactverzoeken_te_laat == 1
    assert overzicht.aantal_inbox_te_laat == 1
    assert reverse("console:zaken:zaak", args=[hoofdzaak.identificatie]) in html
    assert reverse("console:zaken:zaak", args=[deelzaak.identificatie]) in html
    assert opgeschort.identificatie not in html
    assert 'scope="col"' in html and "<caption" in html


def test_regie_constant_aantal_queries(tom_teamleider, afdeling_burgerzaken):
    client = Client()
    client.login(username=tom_teamleider.username, password=TEST_WACHTWOORD)
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    teller = iter(range(100, 1000))

    def groei():
        for _ in range(4):
            _hoofdzaak_met_deelzaak_te_laat(product, next(teller))
        monitor_tick()

    groei()

    def pagina():
        assert client.get(URL).status_code == 200

    assert_constant_queries(pagina, groei, label="regie")


@pytest.fixture
def escalatie(afdeling_burgerzaken):
    zaak = ZaakFactory(product=ProductFactory(afdeling=afdeling_burgerzaken), te_laat=True)
    monitor_tick()
    return Signalering.objects.get(object_id=zaak.pk, soort="overschrijding")


def test_teamleider_ziet_escalatie_en_zet_hem_op_gezien(tom_teamleider, escalatie):
    client = client_voor(tom_teamleider)
    assert [s.pk for s in client.get(URL).context["overzicht"].escalaties] == [escalatie.pk]
    url = reverse("console:normen:gezien", args=[escalatie.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == URL
    escalatie.refresh_from_db()
    assert escalatie.gezien_door == tom_teamleider
    eerste = escalatie.gezien_op
    client.post(url)  # a second click changes nothing
    escalatie.refresh_from_db()
    assert escalatie.gezien_op == eerste
    assert client.get(URL).context["overzicht"].escalaties == []


def test_gezien_alleen_voor_teamleider(kim_kcc, bo_burgerzaken, escalatie):
    url = reverse("console:normen:gezien", args=[escalatie.pk])
    assert client_voor(kim_kcc).post(url).status_code == 403
    assert client_voor(bo_burgerzaken).post(url).status_code == 403
    anoniem = Client().post(url)
    assert anoniem.status_code == 302
    assert anoniem["Location"].startswith("/accounts/login/")
    escalatie.refresh_from_db()
    assert escalatie.gezien_op is None


def test_gezien_onbekend_of_get(tom_teamleider, escalatie):
    client = client_voor(tom_teamleider)
    onbekend = reverse("console:normen:gezien", args=[escalatie.pk + 999])
    assert client.post(onbekend).status_code == 404
    assert client.get(reverse("console:normen:gezien", args=[escalatie.pk])).status_code == 405


def test_beheer_ziet_signaleringen_alleen_lezen(fenna_beheer, escalatie):
    client = client_voor(fenna_beheer)
    response = client.get("/beheer/normen/signalering/")
    assert response.status_code == 200
    assert escalatie.kenmerk in response.content.decode()
    assert client.get("/beheer/normen/signalering/add/").status_code == 403


def test_titel_is_alleen_de_titel_en_de_h1_staat_in_de_body(tom_teamleider):
    html = client_voor(tom_teamleider).get(URL).content.decode()
    titel = html[html.index("<title>") : html.index("</title>")]
    assert titel == "<title>Regie: servicenormen · " + titel.split(" · ", 1)[1]
    assert "<" not in titel[len("<title>") :]
    assert html.index("<body") < html.index('<h1 class="utrecht-heading-1">Regie: servicenormen')


def test_hoofdzaak_telt_niet_mee_bij_te_laat_maar_staat_apart(tom_teamleider, afdeling_burgerzaken):
    product = ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")
    hoofdzaak, deelzaak = _hoofdzaak_met_deelzaak_te_laat(product, 7)
    hoofdzaak.streefdatum = deelzaak.streefdatum  # the hoofdzaak's is its latest deelzaak's
    hoofdzaak.save(update_fields=["streefdatum"])
    monitor_tick()
    overzicht = client_voor(tom_teamleider).get(URL).context["overzicht"]
    assert overzicht.aantal_zaken_te_laat == 1
    assert [z.pk for z in overzicht.zaken_te_laat] == [deelzaak.pk]
    assert {g.naam for g in overzicht.per_product} == {"Paspoort"}
    assert [z.pk for z in overzicht.hoofdzaken_risico] == [hoofdzaak.pk]
    assert overzicht.aantal_hoofdzaken_risico == 1
    assert not Signalering.objects.filter(object_id=hoofdzaak.pk, objectsoort="zaak").exists()


def test_groepen_linken_naar_de_gefilterde_lijst(tom_teamleider, afdeling_burgerzaken):
    paspoort = ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")
    uwv = OrganisatieFactory(naam="UWV")
    ww = ProductFactory(afdeling__organisatie=uwv, naam="WW-uitkering")
    eigen = ZaakFactory(product=paspoort, te_laat=True)
    ander = ZaakFactory(product=ww, te_laat=True)
    client = client_voor(tom_teamleider)
    html = client.get(URL).content.decode()
    lijst = reverse("console:normen:te_laat")
    for parameter, waarde in (
        ("organisatie", uwv.pk),
        ("afdeling", ww.afdeling_id),
        ("product", ww.pk),
    ):
        url = f"{lijst}?{parameter}={waarde}"
        assert f'href="{url}"' in html
        inhoud = client.get(url).content.decode()
        assert ander.identificatie in inhoud and eigen.identificatie not in inhoud
    alles = client.get(lijst).content.decode()
    assert ander.identificatie in alles and eigen.identificatie in alles


@pytest.mark.parametrize("query", ["?product=²", "?organisatie=abc", "?afdeling=0"])
def test_lijst_te_laat_ongeldige_filter_is_400(tom_teamleider, query):
    from kcc.normen.views import FOUT_FILTER

    response = client_voor(tom_teamleider).get(reverse("console:normen:te_laat") + query)
    assert response.status_code == 400
    assert FOUT_FILTER in response.content.decode()


def test_lijst_te_laat_toegang(kim_kcc, bo_burgerzaken):
    url = reverse("console:normen:te_laat")
    assert client_voor(kim_kcc).get(url).status_code == 403
    assert client_voor(bo_burgerzaken).get(url).status_code == 403
    anoniem = Client().get(url)
    assert anoniem.status_code == 302 and anoniem["Location"].startswith("/accounts/login/")


def test_lijst_te_laat_constant_aantal_queries(tom_teamleider, afdeling_burgerzaken):
    client = client_voor(tom_teamleider)
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    ZaakFactory(product=product, te_laat=True)
    url = reverse("console:normen:te_laat") + f"?product={product.pk}"
    assert_constant_queries(
        lambda: client.get(url),
        lambda: [ZaakFactory(product=product, te_laat=True) for _ in range(4)],
        label="regie te laat",
    )


def test_contactverzoeken_en_inbox_linken_door(tom_teamleider, afdeling_burgerzaken):
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    _hoofdzaak_met_deelzaak_te_laat(product, 3)
    overzicht = client_voor(tom_teamleider).get(URL)
    html = overzicht.content.decode()
    cv = overzicht.context["overzicht"].contactverzoeken_te_laat[0]
    bericht = overzicht.context["overzicht"].inbox_te_laat[0]
    klantbeeld = reverse("console:klanten:klantbeeld", args=[cv.klant_id])
    assert f'href="{klantbeeld}#verzoeken-titel"' in html
    assert f'href="{reverse("console:inbox:detail", args=[bericht.pk])}"' in html


@pytest.mark.parametrize("objectsoort", ["zaak", "contactverzoek", "anoniem", "inbox"])
def test_escalatie_opent_het_object(tom_teamleider, afdeling_burgerzaken, objectsoort):
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    hoofdzaak, deelzaak = _hoofdzaak_met_deelzaak_te_laat(product, 4)
    cv = Contactverzoek.objects.get()
    if objectsoort == "anoniem":
        Contactverzoek.objects.filter(pk=cv.pk).update(klant=None)
    monitor_tick()
    soort = {"anoniem": "contactverzoek", "inbox": "inkomend_bericht"}.get(objectsoort, objectsoort)
    escalatie = Signalering.objects.get(objectsoort=soort, soort="overschrijding")
    client = client_voor(tom_teamleider)
    html = client.get(URL).content.decode()
    url = reverse("console:normen:openen", args=[escalatie.pk])
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 302
    verwacht = {
        "zaak": reverse("console:zaken:zaak", args=[deelzaak.identificatie]),
        "contactverzoek": reverse("console:klanten:klantbeeld", args=[cv.klant_id])
        + "#verzoeken-titel",
        "anoniem": URL,
        "inbox": reverse("console:inbox:detail", args=[escalatie.object_id]),
    }[objectsoort]
    assert response["Location"] == verwacht


def test_escalatie_openen_alleen_voor_teamleider(
    kim_kcc, bo_burgerzaken, tom_teamleider, escalatie
):
    url = reverse("console:normen:openen", args=[escalatie.pk])
    assert client_voor(kim_kcc).get(url).status_code == 403
    assert client_voor(bo_burgerzaken).get(url).status_code == 403
    assert Client().get(url).status_code == 302
    onbekend = reverse("console:normen:openen", args=[escalatie.pk + 999])
    assert client_voor(tom_teamleider).get(onbekend).status_code == 404
