import pytest

from zaken.models import ZaakTeller
from zaken.services.identificatie import zaak_identificaties_reserveren

pytestmark = pytest.mark.django_db


def test_numbers_are_consecutive_per_year_and_readable():
    assert zaak_identificaties_reserveren(jaar=2026) == ["ZAAK-2026-000001"]
    assert zaak_identificaties_reserveren(jaar=2026, aantal=3) == [
        "ZAAK-2026-000002",
        "ZAAK-2026-000003",
        "ZAAK-2026-000004",
    ]
    assert zaak_identificaties_reserveren(jaar=2027) == ["ZAAK-2027-000001"]
    assert ZaakTeller.objects.get(jaar=2026).laatste == 4


def test_aantal_must_be_positive():
    with pytest.raises(ValueError):
        zaak_identificaties_reserveren(jaar=2026, aantal=0)
