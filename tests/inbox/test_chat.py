"""Chat: the citizen starts, it waits in the inbox, a medewerker answers, transcript."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kanalen.inbox import chat, services
from kanalen.inbox.models import InkomendBericht
from kanalen.models import Contactmoment

pytestmark = pytest.mark.django_db


def _start(client: Client, vraag="Mag ik een dakkapel bouwen?"):
    return client.post("/vraag/chat/", {"naam": "Ans", "email": "", "vraag": vraag, "website": ""})


def test_chat_heen_en_weer_en_transcript(kim_kcc):
    burger = Client()
    assert _start(burger).status_code == 302
    item = InkomendBericht.objects.get()
    assert item.kanaal == "chat" and item.status == "nieuw" and item.deadline

    medewerker = Client()
    medewerker.force_login(kim_kcc)
    lijst = medewerker.get(reverse("console:inbox:lijst")).content.decode()
    assert item.referentie in lijst  # waits in the one inbox

    # First message from the medewerker accepts the chat.
    response = medewerker.post(
        reverse("console:inbox:chat", args=[item.pk]),
        {"tekst": "Dat hangt af van de plek."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Dat hangt af" in response.content.decode()
    item.refresh_from_db()
    assert item.behandelaar == kim_kcc

    response = burger.post(
        "/vraag/chat/berichten/", {"tekst": "Aan de achterkant."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = burger.get("/vraag/chat/berichten/").content.decode()
    assert (
        "Dat hangt af" in html
        and "Aan de achterkant." in html
        and "U chat met een medewerker" in html
    )
    assert (
        "Aan de achterkant."
        in medewerker.get(reverse("console:inbox:chat", args=[item.pk])).content.decode()
    )

    response = medewerker.post(reverse("console:inbox:chat-beeindigen", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "beantwoord"
    cm = Contactmoment.objects.get()
    assert cm.kanaal.code == "chat"
    assert cm.anoniem_naam == "Ans"
    antwoord = cm.vragen.get().antwoord
    assert "Klant: Aan de achterkant." in antwoord and "Medewerker: Dat hangt af" in antwoord

    response = burger.post("/vraag/chat/berichten/", {"tekst": "Nog iets"})
    assert response.status_code == 400
    assert chat.CHAT_BEEINDIGD in response.content.decode()


def test_chat_alleen_eigen_sessie():
    assert Client().get("/vraag/chat/berichten/").status_code == 302
    assert Client().post("/vraag/chat/berichten/", {"tekst": "x"}).status_code == 302
    assert Client().get("/vraag/chat/gesprek/").status_code == 302


def test_collega_kan_geaccepteerde_chat_niet_overnemen(kim_kcc, tom_teamleider):
    item = chat.chat_starten(naam="A", vraag="Vraag")
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Hallo")
    item.refresh_from_db()
    with pytest.raises(ValidationError, match=services.NIET_VAN_U):
        chat.chat_bericht_medewerker(item=item, medewerker=tom_teamleider, tekst="Ik ook")


def test_chat_weigert_leeg_bericht(kim_kcc):
    with pytest.raises(ValidationError):
        chat.chat_starten(naam="A", vraag="  ")
    item = chat.chat_starten(naam="A", vraag="Vraag")
    with pytest.raises(ValidationError, match=chat.BERICHT_LEEG):
        chat.chat_bericht_burger(item=item, tekst=" ")


def test_chat_console_toegang(bo_burgerzaken):
    item = chat.chat_starten(naam="A", vraag="Vraag")
    client = Client()
    client.force_login(bo_burgerzaken)
    assert client.get(reverse("console:inbox:chat", args=[item.pk])).status_code == 403
    assert client.post(reverse("console:inbox:chat-beeindigen", args=[item.pk])).status_code == 403
    assert Client().get(reverse("console:inbox:chat", args=[item.pk])).status_code == 302


def test_poll_zonder_nieuws_geeft_204(kim_kcc):
    burger = Client()
    _start(burger)
    item = InkomendBericht.objects.get()
    html = burger.get("/vraag/chat/berichten/").content.decode()
    versie = chat.chat_versie(item=item, regels=chat.chat_regels(item=item))
    assert f'value="{versie}"' in html
    assert burger.get("/vraag/chat/berichten/", {"n": versie}).status_code == 204
    medewerker = Client()
    medewerker.force_login(kim_kcc)
    url = reverse("console:inbox:chat", args=[item.pk])
    assert medewerker.get(url, {"n": versie}).status_code == 204
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Hallo")
    assert burger.get("/vraag/chat/berichten/", {"n": versie}).status_code == 200
    assert medewerker.get(url, {"n": versie}).status_code == 200


def _ingelogde_burger_met_chat():
    from tests.portaal.factories import KlantFactory, PortaalUserFactory

    klant = KlantFactory(bsn="999993008")
    burger = Client()
    burger.force_login(PortaalUserFactory(username="jan", identiteit__bsn="999993008"))
    _start(burger)
    return burger, klant, InkomendBericht.objects.get()


def test_pollen_schrijft_een_verwerking_per_medewerker_en_chat(kim_kcc, tom_teamleider):
    from django.core.cache import cache

    from kcc.audit.models import Verwerking

    _, klant, item = _ingelogde_burger_met_chat()
    assert item.klant == klant
    url = reverse("console:inbox:chat", args=[item.pk])
    for medewerker in (kim_kcc, tom_teamleider):
        client = Client()
        client.force_login(medewerker)
        for _ in range(5):
            assert client.get(url).status_code == 200
    cache.clear()  # the database still knows: no second row
    assert client.get(url).status_code == 200
    rijen = Verwerking.objects.filter(klant=klant, scherm_of_endpoint__endswith="/chat")
    assert sorted(rijen.values_list("medewerker__username", flat=True)) == ["kim", "tom"]


def test_chat_paneel_alleen_voor_chats(kim_kcc):
    from tests.inbox.factories import InkomendBerichtFactory

    client = Client()
    client.force_login(kim_kcc)
    mail_item = InkomendBerichtFactory()
    assert client.get(reverse("console:inbox:chat", args=[mail_item.pk])).status_code == 404
    response = client.post(reverse("console:inbox:chat", args=[mail_item.pk]), {"tekst": "x"})
    assert response.status_code == 404


def test_beeindigde_chat_stopt_het_pollen(kim_kcc):
    burger = Client()
    _start(burger)
    item = InkomendBericht.objects.get()
    pagina = burger.get("/vraag/chat/gesprek/").content.decode()
    assert 'hx-trigger="every 2s"' in pagina and "X-KCC-Poll" in pagina
    chat.chat_bericht_medewerker(item=item, medewerker=kim_kcc, tekst="Hallo")
    item.refresh_from_db()
    chat.chat_beeindigen(item=item, medewerker=kim_kcc)
    item.refresh_from_db()
    versie = chat.chat_versie(item=item, regels=chat.chat_regels(item=item))
    # htmx stops polling on 286; even "nothing new" answers 286 once the chat is over.
    for params in ({}, {"n": versie}):
        response = burger.get("/vraag/chat/berichten/", params)
        assert response.status_code == chat.POLLEN_STOPPEN
        assert "De chat is beëindigd" in response.content.decode()
    assert "hx-trigger" not in burger.get("/vraag/chat/gesprek/").content.decode()
    medewerker = Client()
    medewerker.force_login(kim_kcc)
    url = reverse("console:inbox:chat", args=[item.pk])
    assert medewerker.get(url, {"n": versie}).status_code == chat.POLLEN_STOPPEN
    detail = medewerker.get(reverse("console:inbox:detail", args=[item.pk])).content.decode()
    assert 'hx-trigger="load"' in detail and "every 2s" not in detail


def test_pollen_houdt_de_digid_sessie_niet_levend():
    import time

    from kcc.portaal import sessie

    burger, _, _ = _ingelogde_burger_met_chat()

    def laatste_activiteit_op(seconden_geleden: float) -> float:
        s = burger.session
        moment = time.time() - seconden_geleden
        s[sessie.SESSIE_LAATSTE_ACTIVITEIT] = moment
        s.save()
        return moment

    moment = laatste_activiteit_op(600)
    assert burger.get("/vraag/chat/berichten/", HTTP_X_KCC_POLL="1").status_code == 200
    assert burger.session[sessie.SESSIE_LAATSTE_ACTIVITEIT] == moment
    assert burger.get("/vraag/chat/berichten/").status_code == 200  # a real request counts
    assert burger.session[sessie.SESSIE_LAATSTE_ACTIVITEIT] > moment

    # 16 minutes of only polling: the session has ended.
    laatste_activiteit_op(16 * 60)
    response = burger.get("/vraag/chat/berichten/", HTTP_X_KCC_POLL="1")
    assert response.status_code == 302 and response["Location"] == reverse("portaal:inloggen")
