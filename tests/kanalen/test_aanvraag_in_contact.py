"""A contact with result 'aanvraag gestart' links the aanvraag registered in it (FCR)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kanalen import services
from kanalen.api.views import AANVRAAG_ONBEKEND
from kanalen.models import Contactmoment
from tests.klanten.clients import api, ingelogd
from tests.klanten.factories import KlantFactory
from tests.zaken.factories import AanvraagFactory

pytestmark = pytest.mark.django_db

GESTART = Contactmoment.Resultaat.AANVRAAG_GESTART


def _aanvraag_keuzes(html: str) -> set[str]:
    """The option values of the form's aanvraag select (selected ones marked with '*')."""
    select = re.search(r'<select name="aanvraag".*?</select>', html, re.S).group(0)
    return {
        waarde + ("*" if gekozen else "")
        for waarde, gekozen in re.findall(r'<option value="(\d+)"( selected)?', select)
    }


def _registreer(medewerker, kanalen, klant, **kwargs):
    return services.contactmoment_registreren(
        medewerker=medewerker,
        kanaal=kanalen["telefoon"],
        vragen=[services.VraagInvoer(vraag="Ik wil een paspoort", antwoord="Aanvraag gedaan")],
        gestart_op=timezone.now() - datetime.timedelta(minutes=4),
        klant=klant,
        **kwargs,
    )


def test_aanvraag_wordt_gekoppeld(kim_kcc, kanalen):
    klant = KlantFactory()
    aanvraag = AanvraagFactory(klant=klant)
    cm = _registreer(kim_kcc, kanalen, klant, resultaat=GESTART, aanvraag=aanvraag)
    assert cm.aanvraag == aanvraag
    # Another result keeps no aanvraag (it was not started in this contact).
    ander = _registreer(kim_kcc, kanalen, klant, resultaat="beantwoord", aanvraag=aanvraag)
    assert ander.aanvraag is None


def test_aanvraag_van_andere_klant_geweigerd(kim_kcc, kanalen):
    with pytest.raises(ValidationError) as exc:
        _registreer(kim_kcc, kanalen, KlantFactory(), resultaat=GESTART, aanvraag=AanvraagFactory())
    assert exc.value.message_dict == {"aanvraag": [services.AANVRAAG_ANDERE_KLANT]}
    assert not Contactmoment.objects.exists()


def test_terug_van_de_aanvraag_staat_het_contact_klaar(kim_kcc, kanalen):
    klant = KlantFactory()
    aanvraag = AanvraagFactory(klant=klant, ingediend_door=kim_kcc)
    client = ingelogd(kim_kcc)
    html = client.get(f"/console/klanten/{klant.pk}/", {"aanvraag": aanvraag.pk}).content.decode()
    assert _aanvraag_keuzes(html) == {f"{aanvraag.pk}*"}
    assert re.search(r'<option value="aanvraag_gestart" selected>', html)
    gestart = re.search(r'name="gestart_op" value="([^"]+)"', html).group(1)
    assert datetime.datetime.fromisoformat(gestart) == aanvraag.aangemaakt_op
    response = client.post(
        f"/console/klanten/{klant.pk}/contact/",
        {
            "gestart_op": gestart,
            "kanaal": "telefoon",
            "resultaat": GESTART,
            "aanvraag": aanvraag.pk,
            "vragen-TOTAL_FORMS": "1",
            "vragen-INITIAL_FORMS": "0",
            "vragen-0-vraag": "Paspoort aanvragen",
            "vragen-0-antwoord": "Aanvraag geregistreerd",
        },
    )
    assert response.status_code == 302
    assert Contactmoment.objects.get().aanvraag == aanvraag
    # Linked once: the next contact cannot choose it again.
    html = client.get(f"/console/klanten/{klant.pk}/").content.decode()
    assert _aanvraag_keuzes(html) == set()


def test_oude_of_andermans_aanvraag_niet_te_kiezen(kim_kcc, kanalen):
    klant = KlantFactory()
    oud = AanvraagFactory(klant=klant)
    oud.aangemaakt_op = timezone.now() - datetime.timedelta(days=1)
    oud.save(update_fields=["aangemaakt_op"])
    ander = AanvraagFactory()
    html = (
        ingelogd(kim_kcc)
        .get(f"/console/klanten/{klant.pk}/", {"aanvraag": ander.pk})
        .content.decode()
    )
    assert _aanvraag_keuzes(html) == set()
    nieuw = AanvraagFactory(klant=klant)
    html = ingelogd(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    assert _aanvraag_keuzes(html) == {str(nieuw.pk)}


def test_api_contactmoment_met_aanvraag(kim_kcc, kanalen):
    klant = KlantFactory()
    aanvraag = AanvraagFactory(klant=klant)
    client = api(kim_kcc)

    def post(aanvraag_id):
        return client.post(
            "/api/v1/contactmomenten/",
            {
                "klant": klant.pk,
                "kanaal": "telefoon",
                "resultaat": GESTART,
                "aanvraag": aanvraag_id,
                "vragen": [{"vraag": "Paspoort"}],
            },
            content_type="application/json",
        )

    assert post(AanvraagFactory().pk).json() == {"aanvraag": [AANVRAAG_ONBEKEND]}
    response = post(aanvraag.pk)
    assert response.status_code == 201 and response.json()["aanvraag"] == aanvraag.pk


def test_bevestiging_leidt_terug_naar_het_contact(kim_kcc):
    aanvraag = AanvraagFactory(klant=KlantFactory())
    html = ingelogd(kim_kcc).get(f"/console/aanvragen/{aanvraag.pk}/").content.decode()
    assert f"/console/klanten/{aanvraag.klant_id}/?aanvraag={aanvraag.pk}" in html
