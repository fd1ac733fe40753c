"""What the monitor's Signaleringen lead to: queue warnings and the teamleider digest."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client

from kanalen.models import Contactverzoek
from kcc.accounts import roles
from kcc.normen.calendar import TIJDZONE
from kcc.normen.digest import teamleider_digest_versturen
from kcc.normen.monitor import monitor_tick
from kcc.normen.selectors import signaleringen_voor_medewerker
from kcc.normen.tasks import teamleider_digest
from tests.factories import UserFactory
from tests.kanalen.factories import ContactverzoekFactory
from tests.productcatalogus.factories import ProductFactory
from tests.queries import assert_constant_queries
from tests.zaken.factories import ZaakFactory

pytestmark = pytest.mark.django_db

DINSDAG = datetime.datetime(2026, 11, 17, 10, 0, tzinfo=TIJDZONE)


@pytest.fixture
def zaken(afdeling_burgerzaken, afdeling_vergunningen, bo_burgerzaken):
    burgerzaken = ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")
    vergunningen = ProductFactory(afdeling=afdeling_vergunningen, naam="Kapvergunning")
    te_laat = ZaakFactory(
        product=burgerzaken,
        startdatum=datetime.date(2026, 11, 2),
        streefdatum=datetime.date(2026, 11, 16),
    )
    bijna = ZaakFactory(
        product=burgerzaken,
        startdatum=datetime.date(2026, 11, 2),
        streefdatum=datetime.date(2026, 11, 18),
    )
    # Another afdeling's zaak, but this medewerker handles it personally.
    eigen = ZaakFactory(
        product=vergunningen,
        behandelaar=bo_burgerzaken,
        startdatum=datetime.date(2026, 11, 2),
        streefdatum=datetime.date(2026, 11, 13),
    )
    vreemd = ZaakFactory(
        product=vergunningen,
        startdatum=datetime.date(2026, 11, 2),
        streefdatum=datetime.date(2026, 11, 13),
    )
    monitor_tick(nu=DINSDAG)
    return {"te_laat": te_laat, "bijna": bijna, "eigen": eigen, "vreemd": vreemd}


def test_medewerker_ziet_signaleringen_van_afdeling_en_eigen_zaken(zaken, bo_burgerzaken):
    kenmerken = {
        s.kenmerk: s.soort for s in signaleringen_voor_medewerker(medewerker=bo_burgerzaken)
    }
    assert kenmerken == {
        zaken["te_laat"].identificatie: "overschrijding",
        zaken["bijna"].identificatie: "waarschuwing",
        zaken["eigen"].identificatie: "overschrijding",
    }


def test_andere_afdeling_ziet_ze_niet(zaken, vera_vergunningen):
    kenmerken = {s.kenmerk for s in signaleringen_voor_medewerker(medewerker=vera_vergunningen)}
    assert kenmerken == {zaken["eigen"].identificatie, zaken["vreemd"].identificatie}


def test_afgesloten_zaak_valt_uit_de_lijst(zaken, bo_burgerzaken):
    zaak = zaken["te_laat"]
    zaak.afgesloten_op = DINSDAG
    zaak.save(update_fields=["afgesloten_op"])
    kenmerken = {s.kenmerk for s in signaleringen_voor_medewerker(medewerker=bo_burgerzaken)}
    assert zaak.identificatie not in kenmerken


def test_waarschuwing_verdwijnt_als_de_overschrijding_er_is(zaken, bo_burgerzaken):
    monitor_tick(nu=DINSDAG + datetime.timedelta(days=2))  # Thursday: "bijna" is now late
    soorten = [
        s.soort
        for s in signaleringen_voor_medewerker(medewerker=bo_burgerzaken)
        if s.kenmerk == zaken["bijna"].identificatie
    ]
    assert soorten == ["overschrijding"]


def _rij(html: str, kenmerk: str) -> str:
    """The table row of the werkvoorraad that holds ``kenmerk``."""
    begin = html.index(kenmerk)
    return html[html.rindex("<tr", 0, begin) : html.index("</tr>", begin)]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_werkvoorraad_toont_per_zaak_het_signaal(zaken, bo_burgerzaken, afdeling_burgerzaken):
    rustig = ZaakFactory(product=zaken["te_laat"].product)
    html = _client(bo_burgerzaken).get("/backoffice/?tab=open").content.decode()
    assert "termijn overschreden" in _rij(html, zaken["te_laat"].identificatie)
    assert "waarschuwing" in _rij(html, zaken["bijna"].identificatie)
    assert "termijn overschreden" not in _rij(html, zaken["bijna"].identificatie)
    rij = _rij(html, rustig.identificatie)
    assert "waarschuwing" not in rij and "overschreden" not in rij


def test_tab_signaleringen_toont_alleen_gesignaleerde_zaken_en_contactverzoeken(
    zaken, bo_burgerzaken, afdeling_burgerzaken
):
    rustig = ZaakFactory(product=zaken["te_laat"].product)
    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    Contactverzoek.objects.filter(pk=cv.pk).update(
        aangemaakt_op=DINSDAG - datetime.timedelta(days=2),
        deadline=DINSDAG - datetime.timedelta(hours=1),
    )
    monitor_tick(nu=DINSDAG + datetime.timedelta(minutes=5))
    response = _client(bo_burgerzaken).get("/backoffice/?tab=signaleringen")
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["tabs"][-1] == ("signaleringen", "Signaleringen", 2)
    assert zaken["te_laat"].identificatie in html
    assert zaken["bijna"].identificatie in html
    assert rustig.identificatie not in html
    # Another afdeling's zaak stays out, even with a signal.
    assert zaken["vreemd"].identificatie not in html
    # The contactverzoek's signal, with a link to it.
    assert f'href="/backoffice/contactverzoeken/{cv.pk}/"' in html
    assert "Contactverzoeken met een termijn in gevaar" in html


def test_zaakdetail_toont_de_signalering(zaken, bo_burgerzaken):
    zaak = zaken["te_laat"]
    html = _client(bo_burgerzaken).get(f"/backoffice/zaken/{zaak.identificatie}/").content
    html = html.decode()
    assert 'id="zaak-signaleringen"' in html
    assert "De streefdatum (16-11-2026) is verstreken." in html
    bijna = zaken["bijna"].identificatie
    html = _client(bo_burgerzaken).get(f"/backoffice/zaken/{bijna}/").content.decode()
    assert "De streefdatum (18-11-2026) komt dichtbij." in html


def test_werkvoorraad_signaleringen_constant_aantal_queries(zaken, bo_burgerzaken):
    client = _client(bo_burgerzaken)
    product = zaken["te_laat"].product
    teller = iter(range(1, 100))

    def groei():
        for _ in range(3):
            ZaakFactory(
                product=product,
                startdatum=datetime.date(2026, 11, 2),
                streefdatum=datetime.date(2026, 11, 10),
            )
            cv = ContactverzoekFactory(afdeling=product.afdeling)
            Contactverzoek.objects.filter(pk=cv.pk).update(
                aangemaakt_op=DINSDAG - datetime.timedelta(days=2),
                deadline=DINSDAG - datetime.timedelta(hours=next(teller)),
            )
        monitor_tick(nu=DINSDAG + datetime.timedelta(minutes=next(teller)))

    for tab in ("signaleringen", "open"):
        assert_constant_queries(
            lambda tab=tab: client.get(f"/backoffice/?tab={tab}"), groei, label=tab
        )


def test_digest_een_mail_per_teamleider(
    zaken, tom_teamleider, time_machine, django_capture_on_commit_callbacks
):
    UserFactory(username="tineke", rol=roles.TEAMLEIDER)
    UserFactory(username="zonder-mail", rol=roles.TEAMLEIDER, email="")
    time_machine.move_to(datetime.datetime(2026, 11, 17, 8, 0, tzinfo=TIJDZONE), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert teamleider_digest() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["tineke@test.nl", "tom@test.nl"]
    bericht = mail.outbox[0]
    assert "3 zaken" in bericht.subject
    assert "Zaken over de streefdatum: 3" in bericht.body
    assert zaken["eigen"].identificatie in bericht.body
    assert "Kapvergunning" in bericht.body


def test_digest_gaat_via_de_outbox_en_een_keer_per_dag(
    zaken, tom_teamleider, time_machine, django_capture_on_commit_callbacks
):
    from kcc.normen.digest import digest_sleutel
    from zaken.models import OutboxBericht

    acht_uur = datetime.datetime(2026, 11, 17, 8, 0, tzinfo=TIJDZONE)
    time_machine.move_to(acht_uur, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert teamleider_digest() == 1
    bericht = OutboxBericht.objects.get(soort=OutboxBericht.Soort.MEDEWERKER)
    assert bericht.dedup_sleutel == digest_sleutel(
        datum=acht_uur.date(), teamleider_id=tom_teamleider.pk
    )
    assert bericht.status == OutboxBericht.Status.VERZONDEN
    assert bericht.contactmoment is None  # a mail to staff is not a customer contact
    # Beat fires again the same day (or the task is retried): nothing new.
    time_machine.move_to(acht_uur + datetime.timedelta(minutes=30), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert teamleider_digest() == 0
    assert len(mail.outbox) == 1
    # The next working day brings the next digest.
    time_machine.move_to(acht_uur + datetime.timedelta(days=1), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert teamleider_digest() == 1
    assert len(mail.outbox) == 2


def test_digest_mailserver_weg_dan_later_verstuurd(
    zaken, tom_teamleider, time_machine, django_capture_on_commit_callbacks, monkeypatch
):
    from unittest import mock

    from zaken.models import OutboxBericht
    from zaken.services.outbox import outbox_herverzenden

    acht_uur = datetime.datetime(2026, 11, 17, 8, 0, tzinfo=TIJDZONE)
    time_machine.move_to(acht_uur, tick=False)
    monkeypatch.setattr("zaken.services.outbox.send_mail", mock.Mock(side_effect=OSError()))
    with django_capture_on_commit_callbacks(execute=True):
        teamleider_digest()
    digest = OutboxBericht.objects.get(soort=OutboxBericht.Soort.MEDEWERKER)
    assert digest.status == OutboxBericht.Status.WACHTEND
    monkeypatch.undo()
    time_machine.move_to(acht_uur + datetime.timedelta(minutes=5), tick=False)
    outbox_herverzenden()
    digest.refresh_from_db()
    assert digest.status == OutboxBericht.Status.VERZONDEN
    assert [m.to for m in mail.outbox] == [["tom@test.nl"]]


def test_geen_digest_op_zondag(zaken, tom_teamleider):
    zondag = datetime.datetime(2026, 11, 22, 8, 0, tzinfo=TIJDZONE)
    assert teamleider_digest_versturen(nu=zondag) == 0
    assert mail.outbox == []
