"""Answering an item: the question is an inbound contact (FCR), the answer an outbound one,
both in the klantbeeld and the portal; social media answered on its own channel."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kanalen.inbox import chat, services
from kanalen.inbox.forms import SOCIALE_MEDIA_UITLEG
from kanalen.inbox.models import Antwoord
from kanalen.models import Contactmoment
from kanalen.selectors import contactmomenten_voor_klant
from kcc.kpi.selectors import KpiFilter, kpi_rapport
from kcc.portaal.selectors import contactmomenten_voor_portaal
from tests.inbox.factories import InkomendBerichtFactory, klant_met_email

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kanaal", ["email", "webformulier", "post"])
def test_beantwoord_item_geeft_inkomend_en_uitgaand_contact(kim_kcc, kanaal):
    klant = klant_met_email("jan@example.nl")
    bericht = InkomendBerichtFactory(
        kanaal=kanaal, gesprek__kanaal=kanaal, klant=klant, gesprek__klant=klant
    )
    with time_machine.travel("2026-11-23 10:00:00+01:00", tick=False):
        services.bericht_claimen(bericht=bericht, medewerker=kim_kcc)
    with time_machine.travel("2026-11-23 10:12:00+01:00", tick=False):
        antwoord = services.antwoord_versturen(
            bericht=bericht, medewerker=kim_kcc, tekst="Zo zit het.", kanaal_code="post"
        )
    uit = antwoord.contactmoment
    vraag = uit.vorig_contactmoment
    assert (vraag.richting, vraag.kanaal.code) == ("inkomend", kanaal)
    assert vraag.resultaat == "beantwoord"
    assert vraag.vragen.get().vraag == bericht.onderwerp
    assert vraag.vragen.get().antwoord == "Zo zit het."
    assert vraag.duur_seconden == 12 * 60  # handling time: from claiming to answering
    assert (uit.richting, uit.kanaal.code) == ("uitgaand", "post")
    # FCR sees the inbox channel: one inbound contact, answered, no repeat.
    dag = datetime.date(2026, 11, 23)
    fcr = kpi_rapport(KpiFilter(van=dag, tot=dag), alles_live=True).fcr
    assert (fcr.totaal, fcr.opgelost) == (1, 1)
    assert set(contactmomenten_voor_klant(klant=klant)) == {vraag, uit}
    assert set(contactmomenten_voor_portaal(klant_ids=[klant.pk])) == {vraag, uit}


def test_herhaald_contact_op_zelfde_vac_telt_niet_als_opgelost(kim_kcc):
    from tests.productcatalogus.factories import VACFactory

    vac = VACFactory(vraag="Openingstijden?", antwoord="<p>9 tot 17</p>")
    klant = klant_met_email("jan@example.nl")
    for uur in (10, 11):
        bericht = InkomendBerichtFactory(klant=klant, gesprek__klant=klant)
        with time_machine.travel(f"2026-11-23 {uur}:00:00+01:00", tick=False):
            services.antwoord_versturen(
                bericht=bericht, medewerker=kim_kcc, tekst="", kanaal_code="post", vac_id=vac.pk
            )
    dag = datetime.date(2026, 11, 23)
    fcr = kpi_rapport(KpiFilter(van=dag, tot=dag), alles_live=True).fcr
    assert (fcr.totaal, fcr.opgelost) == (2, 1)  # the first came back within 5 working days


def test_chat_is_een_contact_met_beide_richtingen(kim_kcc):
    item = chat.chat_starten(naam="Ans", vraag="Mag ik een dakkapel?")
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Dat hangt ervan af.")
    item.refresh_from_db()
    chat.chat_bericht_burger(item=item, tekst="Aan de achterkant.")
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Dan mag het.")
    cm = chat.chat_beeindigen(item=item, medewerker=kim_kcc)
    assert Contactmoment.objects.get() == cm and cm.richting == "inkomend"
    transcript = cm.vragen.get().antwoord
    assert "Klant: Aan de achterkant." in transcript and "Medewerker: Dan mag het." in transcript
    assert set(Antwoord.objects.values_list("contactmoment", flat=True)) == {cm.pk}


def test_sociale_media_beantwoorden_op_eigen_kanaal(kim_kcc, mailoutbox):
    bericht = InkomendBerichtFactory(
        kanaal="sociale_media", gesprek__kanaal="sociale_media", afzender_email=""
    )
    assert services.standaard_antwoordkanaal(bericht=bericht) == "sociale_media"
    client = Client()
    client.force_login(kim_kcc)
    html = client.get(reverse("console:inbox:detail", args=[bericht.pk])).content.decode()
    assert "Geen koppeling met sociale media" in html
    assert SOCIALE_MEDIA_UITLEG in html
    assert '<option value="sociale_media" selected>' in html
    response = client.post(
        reverse("console:inbox:antwoorden", args=[bericht.pk]),
        {"kanaal": "sociale_media", "tekst": "Wij hebben u een DM gestuurd."},
    )
    assert response.status_code == 302
    antwoord = Antwoord.objects.get()
    assert antwoord.kanaal == "sociale_media" and antwoord.verzonden_op is not None
    assert antwoord.contactmoment.kanaal.code == "sociale_media"
    assert antwoord.contactmoment.richting == "uitgaand"
    assert mailoutbox == []


def test_sociale_media_alleen_voor_een_bericht_van_sociale_media(kim_kcc):
    bericht = InkomendBerichtFactory()
    with pytest.raises(ValidationError, match=services.ONBEKEND_ANTWOORDKANAAL):
        services.antwoord_versturen(
            bericht=bericht, medewerker=kim_kcc, tekst="x", kanaal_code="sociale_media"
        )
    client = Client()
    client.force_login(kim_kcc)
    html = client.get(reverse("console:inbox:detail", args=[bericht.pk])).content.decode()
    assert 'value="sociale_media"' not in html
    response = client.post(
        reverse("console:inbox:antwoorden", args=[bericht.pk]),
        {"kanaal": "sociale_media", "tekst": "x"},
    )
    assert response.status_code == 400
