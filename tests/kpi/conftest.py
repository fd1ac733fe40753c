import datetime

import pytest
import time_machine

from tests.kpi.factories import KanaalFactory
from tests.portaal.factories import KlantFactory
from tests.productcatalogus.factories import ProductFactory

# A fixed "now": Friday 20 March 2026; the test data lies in early March (no holidays).
NU = datetime.datetime(2026, 3, 20, 12, 0, tzinfo=datetime.UTC)
MA = datetime.date(2026, 3, 2)  # Monday


@pytest.fixture(autouse=True)
def _vaste_tijd():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture(autouse=True)
def _lege_cache():
    """The public figures are cached per period; every test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def telefoon(db):
    return KanaalFactory(code="telefoon", naam="Telefoon", volgorde=1)


@pytest.fixture
def balie(db):
    return KanaalFactory(code="balie", naam="Balie", volgorde=2)


@pytest.fixture
def product(afdeling_burgerzaken):
    return ProductFactory(afdeling=afdeling_burgerzaken, naam="Paspoort")


@pytest.fixture
def ander_product(afdeling_vergunningen):
    return ProductFactory(afdeling=afdeling_vergunningen, naam="Omgevingsvergunning")


@pytest.fixture
def klant(db):
    return KlantFactory(bsn="999993008")
