import pytest
from django.core.management import call_command

from kcc.accounts.models import User
from productcatalogus.models import Afdeling, Organisatie

pytestmark = pytest.mark.django_db


def _run() -> str:
    from io import StringIO

    out = StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


def test_demo_data_loads_federation_and_staff():
    output = _run()
    assert "[1/" in output  # progress
    assert Organisatie.objects.filter(is_eigen_organisatie=True).count() == 1
    assert Organisatie.objects.filter(integratie_modus="extern").count() >= 3
    assert Afdeling.objects.count() >= 10
    for username in ("kcc", "teamleider", "backoffice", "beheerder"):
        assert User.objects.get(username=username).rollen
    assert "Welkom-bij-het-KCC" in output


def test_demo_data_second_run_changes_nothing():
    _run()
    output = _run()
    assert "aangemaakt" not in output
    assert "bijgewerkt" not in output


def test_production_prints_no_passwords(settings):
    settings.PRODUCTION = True
    output = _run()
    assert "Welkom-bij-het-KCC" not in output
