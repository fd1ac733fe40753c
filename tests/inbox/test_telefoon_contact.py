"""A contact registered from a phone call takes the call's start, end and duration (by the
call's id, never a time from the browser), once per call."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.test import Client

from kanalen.inbox import telefonie
from kanalen.inbox.models import Telefoongesprek
from kanalen.models import Contactmoment
from tests.inbox.factories import klant_met_telefoon
from tests.kanalen.factories import ContactmomentFactory, kanalen_aanmaken

pytestmark = pytest.mark.django_db


def _moment(tekst: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"2026-11-23 {tekst}+01:00")


def _gesprek(medewerker, *, beantwoord="10:00:00", beeindigd: str | None = "10:04:30"):
    with time_machine.travel(_moment("09:59:50"), tick=False):
        gesprek = telefonie.telefoongesprek_melden(
            call_id=f"c-{medewerker.pk}-{beeindigd}",
            gebeurtenis="ringing",
            beller="0612345678",
            medewerker=medewerker.username,
        )
    with time_machine.travel(_moment(beantwoord), tick=False):
        telefonie.telefoongesprek_melden(call_id=gesprek.call_id, gebeurtenis="answered")
    if beeindigd:
        with time_machine.travel(_moment(beeindigd), tick=False):
            telefonie.telefoongesprek_melden(call_id=gesprek.call_id, gebeurtenis="ended")
    gesprek.refresh_from_db()
    return gesprek


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _registreren(client, klant, gesprek_id, **extra):
    html = client.get(
        f"/console/klanten/{klant.pk}/",
        {"kanaal_contact": "telefoon", "telefoongesprek": gesprek_id},
    ).content.decode()
    gesprek = re.search(r'name="telefoongesprek" value="([^"]*)"', html)
    data = {
        "gestart_op": re.search(r'name="gestart_op" value="([^"]+)"', html).group(1),
        "telefoongesprek": gesprek.group(1) if gesprek else "",
        "kanaal": "telefoon",
        "resultaat": "beantwoord",
        "vragen-TOTAL_FORMS": "1",
        "vragen-INITIAL_FORMS": "0",
        "vragen-MIN_NUM_FORMS": "1",
        "vragen-MAX_NUM_FORMS": "10",
        "vragen-0-vraag": "Wanneer is het stadhuis open?",
        "vragen-0-antwoord": "Van 9 tot 17 uur.",
        **extra,
    }
    return client.post(f"/console/klanten/{klant.pk}/contact/", data)


@pytest.fixture
def klant():
    kanalen_aanmaken()
    return klant_met_telefoon("+31612345678")


def test_contact_krijgt_begin_einde_en_duur_van_het_gesprek(kim_kcc, klant):
    gesprek = _gesprek(kim_kcc)
    client = _client(kim_kcc)
    with time_machine.travel(_moment("10:20:00"), tick=False):  # registered much later
        # Whatever start the browser sends, the call's clock counts.
        response = _registreren(client, klant, gesprek.pk, gestart_op="2026-11-23T09:00:00+01:00")
    assert response.status_code == 302
    cm = Contactmoment.objects.get(klant=klant)
    assert (cm.gestart_op, cm.beeindigd_op) == (_moment("10:00:00"), _moment("10:04:30"))
    assert cm.duur_seconden == 270 == gesprek.duur_seconden
    gesprek.refresh_from_db()
    assert gesprek.contactmoment == cm


def test_gesprek_dat_nog_loopt_telt_tot_nu(kim_kcc, klant):
    gesprek = _gesprek(kim_kcc, beeindigd=None)
    with time_machine.travel(_moment("10:03:00"), tick=False):
        assert _registreren(_client(kim_kcc), klant, gesprek.pk).status_code == 302
    cm = Contactmoment.objects.get(klant=klant)
    assert cm.gestart_op == _moment("10:00:00") and cm.duur_seconden == 180


def test_een_gesprek_geeft_een_contactmoment(kim_kcc, klant):
    gesprek = _gesprek(kim_kcc)
    client = _client(kim_kcc)
    with time_machine.travel(_moment("10:06:00"), tick=False):
        assert _registreren(client, klant, gesprek.pk).status_code == 302
        response = _registreren(client, klant, gesprek.pk)
    assert response.status_code == 200  # the form again, with the reason
    assert telefonie.GESPREK_AL_VASTGELEGD in response.content.decode()
    assert Contactmoment.objects.filter(klant=klant).count() == 1


def test_gesprek_van_een_collega_telt_niet(kim_kcc, tom_teamleider, klant):
    gesprek = _gesprek(tom_teamleider)
    with time_machine.travel(_moment("10:06:00"), tick=False):
        response = _registreren(_client(kim_kcc), klant, gesprek.pk)
    assert telefonie.GESPREK_NIET_VAN_U in response.content.decode()
    assert not Contactmoment.objects.exists()
    assert Telefoongesprek.objects.get().contactmoment is None


@pytest.mark.parametrize("onzin", ["abc", "0", "-3", "99999999999999999999"])
def test_onzin_als_gesprek_geeft_een_melding(kim_kcc, klant, onzin):
    response = _registreren(_client(kim_kcc), klant, "", telefoongesprek=onzin)
    assert response.status_code == 200
    assert telefonie.GESPREK_NIET_VAN_U in response.content.decode()
    assert not Contactmoment.objects.exists()


def test_klantbeeld_vanuit_gesprek_toont_alle_kanalen(kim_kcc, klant):
    kanalen = kanalen_aanmaken()
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["email"], vragen=[("Mailvraag", "Ja", None, None)]
    )
    gesprek = _gesprek(kim_kcc, beeindigd=None)
    html = (
        _client(kim_kcc)
        .get(
            f"/console/klanten/{klant.pk}/",
            {"kanaal_contact": "telefoon", "telefoongesprek": gesprek.pk},
        )
        .content.decode()
    )
    assert "Mailvraag" in html  # the new contact's channel does not filter the timeline
    assert f'name="telefoongesprek" value="{gesprek.pk}"' in html


def test_anoniem_contact_vanuit_gesprek(kim_kcc):
    kanalen_aanmaken()
    with time_machine.travel(_moment("09:59:50"), tick=False):
        gesprek = telefonie.telefoongesprek_melden(
            call_id="anoniem", gebeurtenis="ringing", beller="anonymous", medewerker="kim"
        )
    with time_machine.travel(_moment("10:00:00"), tick=False):
        html = _client(kim_kcc).get("/console/telefonie/actief/").content.decode()
        link = re.search(r'href="([^"]+)">Contact registreren', html).group(1)
        assert link == f"/console/contact/anoniem/?kanaal=telefoon&amp;telefoongesprek={gesprek.pk}"
        pagina = _client(kim_kcc).get(link.replace("&amp;", "&")).content.decode()
    assert f'name="telefoongesprek" value="{gesprek.pk}"' in pagina
