import pytest
from django.core.cache import cache

# The BRP and KVK behind the HTTP boundary (local providers, or down), as in the klanten tests.
from tests.klanten.conftest import brp_plat, registers  # noqa: F401
from tests.portaal.factories import (
    KlantFactory,
    PortaalUserFactory,
    maak_catalogus,
    maak_demoproduct,
    maak_organisatieklant,
)


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


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads of these tests land in a temporary folder, not in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def correctie(catalogus):
    """The demo's "Correctie persoonsgegevens", handled by Burgerzaken."""
    return maak_demoproduct("correctie-persoonsgegevens", catalogus["burgerzaken"])


@pytest.fixture
def bakkerij(db):
    """An ondernemer of Bakkerij De Korenschoof (eHerkenning, KVK 69599084)."""
    user = PortaalUserFactory(username="bakker", soort="ondernemer", identiteit__kvk="69599084")
    user.klant = maak_organisatieklant("69599084", "000038509490", "Bakkerij De Korenschoof B.V.")
    return user


@pytest.fixture
def buurthuis(db):
    """An ondernemer of another organisation: never sees the bakkerij's zaken or contacts."""
    user = PortaalUserFactory(username="buurthuis", soort="ondernemer", identiteit__kvk="68750110")
    user.klant = maak_organisatieklant("68750110", "000037143557", "Stichting Buurthuis De Linde")
    return user
