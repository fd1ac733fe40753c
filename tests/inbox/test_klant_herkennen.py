"""Which Klant a message is linked to: never a stranger on an address they only typed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kanalen.inbox import chat, webformulier
from kanalen.inbox.email import bericht_ontvangen_email
from kanalen.inbox.models import InkomendBericht
from kanalen.models import Contactmoment
from klanten.models import DigitaalAdres
from tests.inbox.factories import klant_met_email
from tests.inbox.mails import mail
from tests.portaal.factories import KlantFactory, PortaalUserFactory

pytestmark = pytest.mark.django_db


def _geverifieerd(klant, email: str) -> None:
    DigitaalAdres.objects.filter(klant=klant, waarde=email).update(geverifieerd_op=timezone.now())


@pytest.mark.parametrize("geverifieerd", [False, True])
def test_anonieme_chat_nooit_gekoppeld_op_adres(kim_kcc, geverifieerd):
    klant = klant_met_email("jan@example.nl", voornamen="Jan", geslachtsnaam="Geheim")
    if geverifieerd:
        _geverifieerd(klant, "jan@example.nl")
    burger = Client()
    burger.post(
        "/vraag/chat/",
        {"naam": "Iemand", "email": "jan@example.nl", "vraag": "Hoe staat mijn zaak?"},
    )
    item = InkomendBericht.objects.get()
    assert item.klant is None and item.gesprek.klant is None
    assert item.klant_mogelijk

    medewerker = Client()
    medewerker.force_login(kim_kcc)
    html = medewerker.get(reverse("console:inbox:detail", args=[item.pk])).content.decode()
    assert "Mogelijk een bekende klant" in html
    assert "Geheim" not in html  # nothing of the klant whose address was typed
    assert f"/console/klanten/{klant.pk}/" not in html
    assert "Geheim" not in medewerker.get(reverse("console:inbox:lijst")).content.decode()

    # The transcript stays anonymous too.
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Wie bent u?")
    item.refresh_from_db()
    cm = chat.chat_beeindigen(item=item, medewerker=kim_kcc)
    assert cm.klant is None and not Contactmoment.objects.filter(klant=klant).exists()


def test_chat_zonder_bekend_adres_geen_hint():
    item = chat.chat_starten(naam="A", vraag="Vraag", email="onbekend@example.nl")
    assert item.klant is None and not item.klant_mogelijk


def test_ingelogde_burger_chat_wel_gekoppeld(kim_kcc):
    klant = KlantFactory(bsn="999993008")
    burger = PortaalUserFactory(username="jan", identiteit__bsn="999993008")
    client = Client()
    client.force_login(burger)
    client.post("/vraag/chat/", {"naam": "Jan", "email": "", "vraag": "Hoe staat mijn zaak?"})
    item = InkomendBericht.objects.get()
    assert item.klant == klant and not item.klant_mogelijk
    medewerker = Client()
    medewerker.force_login(kim_kcc)
    html = medewerker.get(reverse("console:inbox:detail", args=[item.pk])).content.decode()
    assert f"/console/klanten/{klant.pk}/" in html


def test_webformulier_alleen_op_geverifieerd_adres():
    klant = klant_met_email("jan@example.nl")
    vraag = {"naam": "X", "onderwerp": "O", "vraag": "V", "email": "jan@example.nl"}
    ongeverifieerd = webformulier.vraag_stellen(**vraag)
    assert ongeverifieerd.klant is None and ongeverifieerd.klant_mogelijk
    _geverifieerd(klant, "jan@example.nl")
    geverifieerd = webformulier.vraag_stellen(**vraag)
    assert geverifieerd.klant == klant and not geverifieerd.klant_mogelijk


def test_email_afzender_wel_gekoppeld():
    """E-mail: the answer goes back to the mailbox it came from, so linking is safe."""
    klant = klant_met_email("jan@example.nl")
    bericht = bericht_ontvangen_email(raw_bytes=mail())
    assert bericht.klant == klant and not bericht.klant_mogelijk
