"""Property-based API test: schemathesis generates requests from /api/v1/schema/.

Every operation, authenticated as a medewerker holding every staff role, must give no
server error and only responses that match the schema. The number of examples per
operation is small in CI (KCC_SCHEMATHESIS_EXAMPLES raises it for a deeper run).
"""

import os

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
def api_schema(db):
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
