"""Every URL of the project has an explicit access rule, and the rule holds.

The matrix is generated from the URL configuration: a new page or endpoint without
``@role_required``/``@public`` (or a DRF permission from ``kcc.core.permissions``)
fails this test. Pages without URL parameters are also requested as every persona and
anonymously; pages with parameters are covered by their app's own tests.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kcc.accounts import roles

# Third-party URL trees with their own access rules, checked separately below.
EXTERNAL_PREFIXES = ("beheer/", "accounts/", "i18n/", "media/")
# Parts of the API that are documentation, open on purpose.
PUBLIC_API = ("api/v1/", "api/v1/schema/", "api/v1/docs/")

PERSONA_ROLE = {
    "kcc_medewerker": roles.KCC_MEDEWERKER,
    "teamleider": roles.TEAMLEIDER,
    "backoffice_medewerker": roles.BACKOFFICE_MEDEWERKER,
    "backoffice_andere_afdeling": roles.BACKOFFICE_MEDEWERKER,
    "functioneel_beheerder": roles.FUNCTIONEEL_BEHEERDER,
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _rule(callback):
    """('public',) or ('roles', names) or None when the view has no explicit rule."""
    if getattr(callback, "kcc_public", False):
        return ("public", ())
    if getattr(callback, "kcc_roles", None):
        return ("roles", callback.kcc_roles)
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None:
        if getattr(cls, "kcc_public", False):
            return ("public", ())
        if getattr(cls, "kcc_roles", None):
            return ("roles", cls.kcc_roles)
        for perm in getattr(cls, "permission_classes", ()):
            if getattr(perm, "kcc_public", False):
                return ("public", ())
            if getattr(perm, "kcc_roles", None):
                return ("roles", perm.kcc_roles)
    return None


def _own_urls():
    for route, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(EXTERNAL_PREFIXES):
            continue
        yield route, pattern


def _concrete(route: str) -> str | None:
    if "<" in route or "(" in route or "\\" in route:
        return None
    return "/" + route.lstrip("^").rstrip("$")


def test_every_url_has_an_explicit_rule():
    missing = []
    for route, pattern in _own_urls():
        if route in PUBLIC_API:
            continue
        if _rule(pattern.callback) is None:
            missing.append(route)
    assert not missing, f"URL's zonder expliciete toegangsregel: {missing}"


@pytest.mark.django_db
def test_matrix_for_pages_without_parameters(personas):
    checked = 0
    for route, pattern in _own_urls():
        path = _concrete(route)
        rule = _rule(pattern.callback)
        if path is None or rule is None or route in PUBLIC_API:
            continue
        is_api = route.startswith("api/")
        anon = Client().get(path)
        if rule[0] == "public":
            # /health/ answers 503 when a part is down: that is its job, not an error.
            assert anon.status_code not in (401, 403, 500), (path, anon.status_code)
            continue
        if is_api:
            assert anon.status_code in (401, 403), (path, anon.status_code)
        else:
            # Staff pages send to the staff login, portal pages to DigiD/eHerkenning.
            login_url = "/inloggen/" if route.startswith("mijn/") else "/accounts/login/"
            assert anon.status_code == 302 and login_url in anon["Location"], path
        for persona, user in personas.items():
            client = Client()
            client.force_login(user)
            response = client.get(path)
            allowed = PERSONA_ROLE[persona] in rule[1]
            if allowed:
                assert response.status_code not in (401, 403), (path, persona)
                assert response.status_code < 500, (path, persona)
            else:
                assert response.status_code == 403, (path, persona, response.status_code)
        checked += 1
    assert checked >= 3


@pytest.mark.django_db
def test_beheer_only_for_staff_flag(personas):
    for persona, user in personas.items():
        client = Client()
        client.force_login(user)
        response = client.get("/beheer/")
        if persona == "functioneel_beheerder":
            assert response.status_code == 200
        else:
            assert response.status_code == 302, persona
    assert Client().get("/beheer/").status_code == 302


@pytest.mark.django_db
def test_citizen_never_enters_staff_shells(db):
    from tests.factories import UserFactory

    burger = UserFactory(username="burger", burger=True)
    client = Client()
    client.force_login(burger)
    for path in ("/console/", "/console/regie/", "/backoffice/", "/ik/"):
        assert client.get(path).status_code == 403, path
