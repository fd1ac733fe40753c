"""Balie appointments: capacity, cancel, reminder, today's list, visit registration."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kanalen.inbox import balie
from kanalen.inbox.models import Afspraak, BalieLocatie, Tijdslot
from kanalen.models import Contactmoment
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def locatie():
    return BalieLocatie.objects.create(naam="Stadhuis", adres="Markt 1")


def _slot(locatie, uren=2, capaciteit=1):
    return Tijdslot.objects.create(
        locatie=locatie,
        begint_op=timezone.now() + datetime.timedelta(hours=uren),
        capaciteit=capaciteit,
    )


def test_boeken_tot_capaciteit_en_bevestiging(
    locatie, mailoutbox, django_capture_on_commit_callbacks
):
    slot = _slot(locatie, capaciteit=1)
    with django_capture_on_commit_callbacks(execute=True):
        afspraak = balie.afspraak_boeken(tijdslot_id=slot.pk, naam="Ans", email="ans@example.nl")
    assert len(mailoutbox) == 1
    assert f"/vraag/afspraak/annuleren/{afspraak.code}/" in mailoutbox[0].body
    with pytest.raises(ValidationError, match=balie.TIJDSLOT_VOL):
        balie.afspraak_boeken(tijdslot_id=slot.pk, naam="Bob", email="bob@example.nl")
    assert not balie.vrije_tijdsloten().filter(pk=slot.pk).exists()
    balie.afspraak_annuleren(code=afspraak.code)
    assert balie.vrije_tijdsloten().filter(pk=slot.pk).exists()
    with pytest.raises(ValidationError, match=re.escape(balie.ANNULEREN_NIET_MOGELIJK)):
        balie.afspraak_annuleren(code=afspraak.code)


def test_voorbij_tijdslot_geweigerd(locatie):
    slot = _slot(locatie, uren=-1)
    with pytest.raises(ValidationError, match=balie.TIJDSLOT_VOORBIJ):
        balie.afspraak_boeken(tijdslot_id=slot.pk, naam="Ans", email="ans@example.nl")


def test_herinnering_een_keer(locatie, mailoutbox):
    morgen = _slot(locatie, uren=20)
    later = _slot(locatie, uren=60)
    Afspraak.objects.create(tijdslot=morgen, naam="A", email="a@example.nl", code="c1")
    Afspraak.objects.create(tijdslot=later, naam="B", email="b@example.nl", code="c2")
    assert balie.herinneringen_versturen() == 1
    assert balie.herinneringen_versturen() == 0
    assert [m.to for m in mailoutbox] == [["a@example.nl"]]


def test_publiek_boeken_en_annuleren(locatie):
    slot = _slot(locatie)
    client = Client()
    assert client.get("/vraag/afspraak/").status_code == 200
    response = client.post(
        "/vraag/afspraak/",
        {"tijdslot": slot.pk, "naam": "Ans", "email": "ans@example.nl"},
        follow=True,
    )
    assert "Uw afspraak is gemaakt" in response.content.decode()
    afspraak = Afspraak.objects.get()
    # Slot now full: a second booking gets a clear message.
    response = Client().post(
        "/vraag/afspraak/", {"tijdslot": slot.pk, "naam": "B", "email": "b@example.nl"}
    )
    assert response.status_code == 400
    url = reverse("portaal:afspraak-annuleren", args=[afspraak.code])
    assert Client().post(url).status_code == 200
    afspraak.refresh_from_db()
    assert afspraak.status == "geannuleerd"
    assert Client().get("/vraag/afspraak/annuleren/onbekend/").status_code == 404
    assert Client().get("/vraag/afspraak/bevestigd/").status_code == 302


def test_console_vandaag_en_bezoek(kim_kcc, locatie):
    slot = Tijdslot.objects.create(locatie=locatie, begint_op=timezone.now(), capaciteit=5)
    afspraak = Afspraak.objects.create(tijdslot=slot, naam="Ans", email="ans@example.nl", code="x1")
    client = Client()
    client.force_login(kim_kcc)

    def groei():
        for i in range(3):
            Afspraak.objects.create(tijdslot=slot, naam=f"N{i}", email="n@example.nl", code=f"g{i}")

    assert_constant_queries(
        lambda: client.get(reverse("console:inbox:afspraken")), groei, label="afspraken"
    )
    response = client.post(
        reverse("console:inbox:afspraak-bezoek", args=[afspraak.pk]),
        {"antwoord": "Paspoort aangevraagd"},
    )
    assert response.status_code == 302
    afspraak.refresh_from_db()
    assert afspraak.status == "verschenen"
    cm = Contactmoment.objects.get()
    assert cm.kanaal.code == "balie" and cm.anoniem_naam == "Ans"
    response = client.post(
        reverse("console:inbox:afspraak-bezoek", args=[afspraak.pk]),
        {"antwoord": "Nog eens"},
        follow=True,
    )
    assert balie.BEZOEK_AL_GEREGISTREERD in response.content.decode()
    assert Contactmoment.objects.count() == 1


def test_console_toegang(bo_burgerzaken, fenna_beheer, locatie):
    afspraak = Afspraak.objects.create(
        tijdslot=_slot(locatie), naam="A", email="a@example.nl", code="t1"
    )
    urls = [
        reverse("console:inbox:afspraken"),
        reverse("console:inbox:afspraak-bezoek", args=[afspraak.pk]),
    ]
    for url in urls:
        assert Client().get(url).status_code == 302
        for user in (bo_burgerzaken, fenna_beheer):
            client = Client()
            client.force_login(user)
            assert client.post(url).status_code == 403


def test_boeken_met_productkeuze(locatie):
    from tests.productcatalogus.factories import ProductFactory

    paspoort = ProductFactory(naam="Paspoort", slug="paspoort", kanalen=["balie", "telefoon"])
    ProductFactory(naam="Alleen online", slug="online", kanalen=["webformulier"])
    slot = _slot(locatie)
    html = Client().get("/vraag/afspraak/").content.decode()
    assert "Waarvoor komt u?" in html and "Paspoort" in html and "Alleen online" not in html
    html = Client().get("/vraag/afspraak/", {"product": "paspoort"}).content.decode()
    assert f'<option value="{paspoort.pk}" selected>' in html
    gegevens = {"tijdslot": slot.pk, "naam": "Ans", "email": "ans@example.nl"}
    response = Client().post("/vraag/afspraak/", gegevens)
    assert response.status_code == 400 and not Afspraak.objects.exists()  # product required
    response = Client().post("/vraag/afspraak/", {**gegevens, "product": "abc"})
    assert response.status_code == 400
    assert balie.PRODUCT_NIET_AAN_BALIE in response.content.decode()
    response = Client().post("/vraag/afspraak/", {**gegevens, "product": paspoort.pk}, follow=True)
    assert "voor Paspoort" in response.content.decode()
    assert Afspraak.objects.get().product == paspoort


def test_product_zonder_balie_geweigerd(locatie):
    from tests.productcatalogus.factories import ProductFactory

    online = ProductFactory(kanalen=["webformulier"])
    with pytest.raises(ValidationError, match=balie.PRODUCT_NIET_AAN_BALIE):
        balie.afspraak_boeken(
            tijdslot_id=_slot(locatie).pk, naam="A", email="a@example.nl", product_id=online.pk
        )


def test_boekpagina_constant_aantal_queries(locatie):
    from tests.productcatalogus.factories import ProductFactory

    client = Client()

    def groei():
        for i in range(5):
            ProductFactory(kanalen=["balie"])
            _slot(locatie, uren=3 + i)

    assert_constant_queries(lambda: client.get("/vraag/afspraak/"), groei, label="boeken")


def test_vraag_chat_en_afspraak_gelinkt_vanaf_home_en_portaal():
    from tests.portaal.factories import PortaalUserFactory

    anoniem, client = Client(), Client()
    client.force_login(PortaalUserFactory(username="jan", identiteit__bsn="999993008"))
    for bezoeker in (anoniem, client):
        html = bezoeker.get(reverse("portaal:home")).content.decode()
        for naam in ("portaal:vraag", "portaal:chat", "portaal:afspraak"):
            assert f'href="{reverse(naam)}"' in html
    # In the portal navigation of a logged-in citizen, on every page.
    html = client.get(reverse("portaal:vraag")).content.decode()
    navigatie = html[html.index('class="kcc-nav"') :]
    navigatie = navigatie[: navigatie.index("</nav>")]
    for naam in ("portaal:vraag", "portaal:chat", "portaal:afspraak"):
        assert f'href="{reverse(naam)}"' in navigatie
    assert 'aria-current="page">Stel een vraag' in navigatie


def test_bevestiging_en_herinnering_zijn_uitgaande_contacten(
    locatie, mailoutbox, django_capture_on_commit_callbacks
):
    from kcc.portaal.selectors import contactmomenten_voor_portaal
    from tests.inbox.factories import KlantFactory

    klant = KlantFactory()
    with django_capture_on_commit_callbacks(execute=True):
        afspraak = balie.afspraak_boeken(
            tijdslot_id=_slot(locatie, uren=20).pk, naam="Ans", email="ans@example.nl", klant=klant
        )
    bevestiging = Contactmoment.objects.get()
    assert (bevestiging.richting, bevestiging.kanaal.code, bevestiging.klant) == (
        "uitgaand",
        "email",
        klant,
    )
    assert bevestiging.medewerker is None and bevestiging.duur_seconden == 0
    assert bevestiging.vragen.get().antwoord == mailoutbox[0].body
    assert balie.herinneringen_versturen() == 1
    herinnering = Contactmoment.objects.exclude(pk=bevestiging.pk).get()
    assert herinnering.vragen.get().vraag == "Herinnering: uw afspraak"
    assert set(contactmomenten_voor_portaal(klant_ids=[klant.pk])) == {bevestiging, herinnering}
    afspraak.refresh_from_db()
    assert afspraak.bevestigd_op is not None


def test_anonieme_boeking_contact_met_naam_en_adres(
    locatie, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        balie.afspraak_boeken(tijdslot_id=_slot(locatie).pk, naam="Bob", email="bob@example.nl")
    cm = Contactmoment.objects.get()
    assert (cm.klant, cm.anoniem_naam, cm.anoniem_email) == (None, "Bob", "bob@example.nl")


def test_bevestiging_die_niet_weg_kon_gaat_later_alsnog(
    locatie, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    import time_machine
    from django.core.mail import EmailMessage

    echt = EmailMessage.send

    def kapot(self, *args, **kwargs):
        raise ConnectionRefusedError("mailserver weg")

    monkeypatch.setattr(EmailMessage, "send", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        afspraak = balie.afspraak_boeken(
            tijdslot_id=_slot(locatie, uren=48).pk, naam="Ans", email="ans@example.nl"
        )
    afspraak.refresh_from_db()
    assert afspraak.bevestigd_op is None and not Contactmoment.objects.exists()
    monkeypatch.setattr(EmailMessage, "send", echt)
    assert balie.bevestigingen_herversturen() == 0  # not before a minute has passed
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert balie.bevestigingen_herversturen() == 1
        assert balie.bevestigingen_herversturen() == 0  # once
    assert [m.subject for m in mailoutbox] == ["Bevestiging van uw afspraak"]
    assert Contactmoment.objects.get().richting == "uitgaand"
