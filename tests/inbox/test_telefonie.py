"""CTI webhook (token, events, unknown call) and the console telephony panel."""

from __future__ import annotations

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from kanalen.inbox import api, telefonie
from kanalen.inbox.models import Telefoongesprek
from tests.inbox.factories import klant_met_telefoon

pytestmark = pytest.mark.django_db

URL = "/api/v1/telefonie/gesprekken"
TOKEN = "geheim-cti-token-1234567890"


@pytest.fixture(autouse=True)
def _token(settings):
    settings.KCC_CTI_TOKEN = TOKEN


def _post(data, token=TOKEN):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token is not None else {}
    return Client().post(URL, data, content_type="application/json", **headers)


def test_pad_precies_zonder_slash():
    assert reverse("api:telefonie-gesprekken") == URL


@pytest.mark.parametrize("token", [None, "fout", ""])
def test_slecht_token_401_en_logregel(token, caplog):
    response = _post({"call_id": "c1", "event": "ringing"}, token=token)
    assert response.status_code == 401
    assert response.json()["detail"] == api.TOKEN_ONGELDIG
    assert "ongeldig token" in caplog.text
    assert not Telefoongesprek.objects.exists()


def test_leeg_geheim_weigert_alles(settings):
    settings.KCC_CTI_TOKEN = ""
    assert _post({"call_id": "c1", "event": "ringing"}, token="").status_code == 401


def test_onbekend_call_id_404(caplog):
    for event in ("answered", "ended"):
        response = _post({"call_id": "bestaat-niet", "event": event})
        assert response.status_code == 404
        assert "bestaat-niet" in response.json()["detail"]
    assert "onbekend gesprek" in caplog.text


def test_slechte_invoer_400():
    assert _post({"event": "ringing"}).status_code == 400
    assert _post({"call_id": "x", "event": "ontploft"}).status_code == 400


def test_gesprek_van_begin_tot_eind_met_klant(kim_kcc):
    klant = klant_met_telefoon("+31612345678")
    with time_machine.travel("2026-11-23 10:00:00+01:00", tick=False):
        response = _post(
            {"call_id": "c9", "event": "ringing", "caller": "06-12345678", "medewerker": "kim"}
        )
        assert response.status_code == 200 and response.json()["klant"] == klant.pk
        # The same event again (platform retry): still one call.
        _post({"call_id": "c9", "event": "ringing", "caller": "06-12345678", "medewerker": "kim"})
        _post({"call_id": "c9", "event": "answered", "extension": "201"})
    with time_machine.travel("2026-11-23 10:04:30+01:00", tick=False):
        response = _post({"call_id": "c9", "event": "ended"})
    assert response.json()["duur_seconden"] == 270
    gesprek = Telefoongesprek.objects.get()
    assert gesprek.medewerker == kim_kcc and gesprek.toestel == "201"


def test_paneel_toont_klant_of_anonieme_beller(kim_kcc, tom_teamleider):
    klant = klant_met_telefoon("+31612345678")
    client = Client()
    client.force_login(kim_kcc)
    assert "Telefoongesprek" not in client.get("/console/telefonie/actief/").content.decode()
    _post({"call_id": "a", "event": "ringing", "caller": "0612345678", "medewerker": "kim"})
    html = client.get("/console/telefonie/actief/").content.decode()
    assert "Inkomend gesprek" in html and escape(klant.naam) in html
    _post({"call_id": "a", "event": "answered"})
    _post({"call_id": "a", "event": "ended"})
    html = client.get("/console/telefonie/actief/").content.decode()
    assert "Gesprek beëindigd" in html
    gesprek = Telefoongesprek.objects.get(call_id="a")
    assert (
        f"/console/klanten/{klant.pk}/?kanaal_contact=telefoon&amp;telefoongesprek={gesprek.pk}"
        in html
    )
    # The call's id, not a time from the browser; 'kanaal' would filter the timeline.
    assert "gestart_op=" not in html and "kanaal=telefoon" not in html
    # An anonymous caller for Tom.
    _post({"call_id": "b", "event": "ringing", "caller": "anonymous", "medewerker": "tom"})
    client.force_login(tom_teamleider)
    html = client.get("/console/telefonie/actief/").content.decode()
    assert "Onbekende beller" in html and "afgeschermd nummer" in html


def test_paneel_wordt_gepold_op_console(kim_kcc):
    client = Client()
    client.force_login(kim_kcc)
    html = client.get(reverse("console:inbox:lijst")).content.decode()
    assert 'hx-get="/console/telefonie/actief/"' in html and 'id="kcc-telefoon"' in html
    eerste = client.get("/console/telefonie/actief/").content.decode()
    assert 'hx-trigger="every 1s"' in eerste and "?v=geen" in eerste
    assert 'hx-swap-oob="true"' in eerste  # the first answer always sets the panel


def test_paneel_alleen_vervangen_als_gesprek_verandert(kim_kcc):
    client = Client()
    client.force_login(kim_kcc)
    _post({"call_id": "v1", "event": "ringing", "caller": "0612345678", "medewerker": "kim"})
    gesprek = Telefoongesprek.objects.get()
    versie = f"{gesprek.pk}-ringing-"
    html = client.get("/console/telefonie/actief/", {"v": versie}).content.decode()
    assert "hx-swap-oob" not in html and "Inkomend gesprek" not in html  # focus stays put
    _post({"call_id": "v1", "event": "answered"})
    html = client.get("/console/telefonie/actief/", {"v": versie}).content.decode()
    assert 'hx-swap-oob="true"' in html and "In gesprek" in html
    assert f"v={gesprek.pk}-answered-" in html


def test_paneel_toegang(bo_burgerzaken, fenna_beheer):
    assert Client().get("/console/telefonie/actief/").status_code == 302
    for user in (bo_burgerzaken, fenna_beheer):
        client = Client()
        client.force_login(user)
        assert client.get("/console/telefonie/actief/").status_code == 403


def test_token_vergelijking():
    assert telefonie.cti_token_geldig(authorization=f"Bearer {TOKEN}")
    assert not telefonie.cti_token_geldig(authorization=f"Basic {TOKEN}")


def test_alleen_toestelnummer_bereikt_de_console_van_die_medewerker(kim_kcc, caplog):
    from kanalen.inbox.models import Toestel

    Toestel.objects.create(nummer="201", medewerker=kim_kcc)
    klant = klant_met_telefoon("+31612345678")
    response = _post(
        {"call_id": "t1", "event": "ringing", "caller": "0612345678", "extension": "201"}
    )
    assert response.status_code == 200
    assert Telefoongesprek.objects.get().medewerker == kim_kcc
    client = Client()
    client.force_login(kim_kcc)
    html = client.get("/console/telefonie/actief/").content.decode()
    assert "Inkomend gesprek" in html and escape(klant.naam) in html

    # Picked up at another extension (a hunt group): the call moves to that medewerker.
    _post({"call_id": "t2", "event": "ringing", "caller": "0612345678", "extension": "999"})
    assert "hoort bij geen medewerker" in caplog.text
    assert Telefoongesprek.objects.get(call_id="t2").medewerker is None
    _post({"call_id": "t2", "event": "answered", "extension": "201"})
    assert Telefoongesprek.objects.get(call_id="t2").medewerker == kim_kcc


def test_gebruikersnaam_gaat_voor_toestel(kim_kcc, tom_teamleider):
    from kanalen.inbox.models import Toestel

    Toestel.objects.create(nummer="201", medewerker=kim_kcc)
    _post({"call_id": "t3", "event": "ringing", "extension": "201", "medewerker": "tom"})
    assert Telefoongesprek.objects.get().medewerker == tom_teamleider
