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


def _snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, all columns (timestamps included), in primary-key order."""
    from django.apps import apps

    tabellen = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        velden = [f.attname for f in model._meta.concrete_fields]
        tabellen[model._meta.label] = list(
            model._default_manager.order_by("pk").values_list(*velden)
        )
    return tabellen


def test_demo_data_second_run_changes_nothing():
    _run()
    voor = _snapshot()
    output = _run()
    assert "aangemaakt" not in output
    assert "bijgewerkt" not in output
    na = _snapshot()
    veranderd = {
        tabel: {"voor": len(rijen), "na": len(na[tabel])}
        for tabel, rijen in voor.items()
        if rijen != na[tabel]
    }
    assert not veranderd, f"Een tweede run veranderde deze tabellen: {veranderd}"
    # the KPI tables were filled for the demo days, so reports read them (not only live)
    from kcc.kpi.models import KpiDag

    assert voor["kpi.KpiDag"] and KpiDag.objects.exists()


def test_production_prints_no_passwords(settings):
    settings.PRODUCTION = True
    output = _run()
    assert "Welkom-bij-het-KCC" not in output
