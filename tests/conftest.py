"""Shared fixtures: named personas, the Celery app in eager mode, the network closed."""

from __future__ import annotations

import socket

import pytest

from kcc.accounts import roles
from kcc.accounts.services import roles_sync
from tests.factories import AfdelingFactory, OrganisatieFactory, UserFactory


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests never reach the internet: only loopback connections are allowed."""
    real_connect = socket.socket.connect

    def guarded_connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")
        ):
            raise OSError(f"Netwerk buiten deze machine is in tests geblokkeerd: {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture(autouse=True)
def _lege_cache():
    """Every test starts with an empty cache: rate limits, kept select options
    (kcc.core.keuzes) and cached figures of an earlier test, or of another database that
    shares the Redis cache, must not leak into it."""
    from django.core.cache import cache

    from kcc.core import keuzes

    cache.clear()
    keuzes.lokaal_vergeten()


@pytest.fixture(autouse=True)
def _celery_eager():
    from kcc.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def roles_ready(db):
    roles_sync()


@pytest.fixture
def gemeente(db):
    return OrganisatieFactory(eigen=True)


@pytest.fixture
def afdeling_burgerzaken(gemeente):
    return AfdelingFactory(organisatie=gemeente, code="burgerzaken", naam="Burgerzaken")


@pytest.fixture
def afdeling_vergunningen(gemeente):
    return AfdelingFactory(organisatie=gemeente, code="vergunningen", naam="Vergunningen")


# Personas: named people with different rights (see CONVENTIONS.md).
@pytest.fixture
def kim_kcc(roles_ready, gemeente):
    """Kim, KCC-medewerker at the front office."""
    return UserFactory(username="kim", rol=roles.KCC_MEDEWERKER)


@pytest.fixture
def tom_teamleider(roles_ready):
    """Tom, teamleider of the KCC."""
    return UserFactory(username="tom", rol=roles.TEAMLEIDER)


@pytest.fixture
def bo_burgerzaken(roles_ready, afdeling_burgerzaken):
    """Bo, backoffice-medewerker of Burgerzaken."""
    return UserFactory(
        username="bo", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )


@pytest.fixture
def vera_vergunningen(roles_ready, afdeling_vergunningen):
    """Vera, backoffice-medewerker of another afdeling (Vergunningen)."""
    return UserFactory(
        username="vera", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_vergunningen]
    )


@pytest.fixture
def fenna_beheer(roles_ready):
    """Fenna, functioneel beheerder."""
    return UserFactory(username="fenna", rol=roles.FUNCTIONEEL_BEHEERDER, is_staff=True)


@pytest.fixture
def zonder_rol(db):
    """A medewerker account that has no role yet."""
    return UserFactory(username="nieuw")


@pytest.fixture
def personas(kim_kcc, tom_teamleider, bo_burgerzaken, vera_vergunningen, fenna_beheer):
    return {
        "kcc_medewerker": kim_kcc,
        "teamleider": tom_teamleider,
        "backoffice_medewerker": bo_burgerzaken,
        "backoffice_andere_afdeling": vera_vergunningen,
        "functioneel_beheerder": fenna_beheer,
    }
