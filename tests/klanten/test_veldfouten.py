"""An invalid identifier or phone number is reported at its own field."""

import pytest
from django.test import Client

from klanten import validators
from klanten.api.views import BSN_OF_KVK
from klanten.models import DigitaalAdresWijziging
from tests.klanten.clients import api as _api
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "veld", "fout"),
    [
        ({"bsn": "999993009"}, "bsn", validators.BSN_ONGELDIG),
        ({"bsn": "12"}, "bsn", validators.BSN_ONGELDIG),
        ({"kvk_nummer": "1234567"}, "kvk_nummer", validators.KVK_ONGELDIG),
        ({}, "non_field_errors", BSN_OF_KVK),
        ({"bsn": "999993021", "kvk_nummer": "69599084"}, "non_field_errors", BSN_OF_KVK),
    ],
)
def test_api_klant_aanmaken_fout_bij_veld(kim_kcc, body, veld, fout):
    response = _api(kim_kcc).post("/api/v1/klanten/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {veld: [fout]}


def test_console_adres_wijzigen_fout_bij_het_veld(kim_kcc):
    adres = DigitaalAdresFactory(klant=KlantFactory(), waarde="+31612345678")
    client = Client()
    client.force_login(kim_kcc)
    response = client.post(
        f"/console/klanten/{adres.klant_id}/gegevens/",
        {"actie": "adres_wijzigen", "adres": adres.pk, "wijzig-waarde": "12"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="wijzig-{adres.pk}-fout"' in html and validators.TELEFOON_ONGELDIG in html
    assert f'aria-describedby="wijzig-{adres.pk}-fout"' in html and 'value="12"' in html
    adres.refresh_from_db()
    assert adres.waarde == "+31612345678"
    assert not DigitaalAdresWijziging.objects.exists()
