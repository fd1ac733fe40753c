import re

import pytest
import requests
import responses

from tests.kanalen.factories import kanalen_aanmaken
from tests.klanten.registers import registreer_providers


@pytest.fixture
def kanalen(db):
    return kanalen_aanmaken()


@pytest.fixture
def registers():
    """BRP and KVK answer through the local providers (over the `responses` boundary)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        registreer_providers(rsps)
        yield rsps


@pytest.fixture
def brp_plat():
    """Every registry call fails: the BRP and KVK are down."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        for method in (responses.POST, responses.GET):
            rsps.add(method, re.compile(r".*"), body=requests.ConnectionError("niet bereikbaar"))
        yield rsps
