import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from kcc.kpi.models import KpiDag

pytestmark = pytest.mark.django_db


def test_vult_de_periode():
    uit = io.StringIO()
    call_command("kpi_aggregeren", "--van", "2026-03-01", "--tot", "2026-03-05", stdout=uit)
    assert KpiDag.objects.count() == 5
    assert "tot en met 2026-03-05" in uit.getvalue()


def test_standaard_365_dagen_tot_gisteren():
    call_command("kpi_aggregeren", stdout=io.StringIO())
    dagen = KpiDag.objects.order_by("dag").values_list("dag", flat=True)
    assert dagen.count() == 365
    assert dagen.last() == datetime.date(2026, 3, 19)


@pytest.mark.parametrize(
    "args",
    [
        ["--van", "gisteren"],
        ["--tot", "2026-03-20"],
        ["--van", "2026-03-10", "--tot", "2026-03-01"],
    ],
)
def test_foute_invoer(args):
    with pytest.raises(CommandError):
        call_command("kpi_aggregeren", *args, stdout=io.StringIO())
