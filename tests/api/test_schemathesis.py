"""Property-based API test: schemathesis generates requests from /api/v1/schema/.

Every operation, authenticated as a medewerker holding every staff role, must give no
server error and only responses that match the schema. The number of examples per
operation is small in CI (KCC_SCHEMATHESIS_EXAMPLES raises it for a deeper run).

The database is transactional (rows really committed), so an error that only shows at
commit (a deferred foreign key on PostgreSQL) is a server error here too. Random strings
rarely hit the values that break path parameters, so those are also tried one by one.
"""

import os
import re
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from kcc.accounts import roles
from tests.factories import UserFactory

EXAMPLES = int(os.environ.get("KCC_SCHEMATHESIS_EXAMPLES", "15"))


@pytest.fixture
def api_schema(transactional_db):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from kcc.wsgi import application

    # Like Django's test client: keep the test transaction's connection open between
    # requests (the WSGI handler would otherwise close it after each one).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(roles_ready, afdeling_burgerzaken):
    user = UserFactory(username="api-alles", afdelingen=[afdeling_burgerzaken])
    from django.contrib.auth.models import Group

    user.groups.set(Group.objects.filter(name__in=roles.STAFF_ROLES))
    return Token.objects.create(user=user).key


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_has_no_server_errors_and_keeps_its_schema(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )


# Path parameter values that broke views before: unicode digits pass str.isdigit() but not
# int(), huge numbers overflow the database integer, and the rest is plain hostile input.
LASTIGE_WAARDEN = ["²", "١٢٣", "9" * 40, "-1", "0", "1.5", " 1", "%00", "a" * 300, "🙂"]


def test_path_parameters_with_hostile_values_are_refused_clearly(client, token):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"}
    fouten = []
    aantal = 0
    for pad, operaties in schema["paths"].items():
        if "{" not in pad:
            continue
        for methode in ("get", "post"):
            if methode not in operaties:
                continue
            for waarde in LASTIGE_WAARDEN:
                url = re.sub(r"\{[^}]+\}", quote(waarde, safe=""), pad)
                if methode == "get":
                    response = client.get(url, **headers)
                else:
                    response = client.post(url, {}, content_type="application/json", **headers)
                aantal += 1
                if response.status_code >= 500:
                    fouten.append((methode.upper(), url[:120], response.status_code))
    assert aantal > 50
    assert not fouten, "\n".join(map(str, fouten))
