import pytest
from django.core.cache import cache

from tests.portaal.factories import KlantFactory, PortaalUserFactory, maak_catalogus


@pytest.fixture(autouse=True)
def _leeg_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jan(db):
    """Jan, a citizen with a Klant record (BSN 999993008)."""
    user = PortaalUserFactory(username="jan", identiteit__bsn="999993008")
    user.klant = KlantFactory(bsn="999993008")
    return user


@pytest.fixture
def maria(db):
    """Maria, another citizen: she must never see Jan's data."""
    user = PortaalUserFactory(username="maria", identiteit__bsn="999993021")
    user.klant = KlantFactory(
        bsn="999993021", voornamen="Maria", voorvoegsel="de", geslachtsnaam="Vries"
    )
    return user


@pytest.fixture
def catalogus(db):
    return maak_catalogus()


@pytest.fixture
def jan_client(client, jan):
    client.force_login(jan)
    return client
