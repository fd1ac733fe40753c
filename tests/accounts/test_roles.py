import pytest
from django.contrib.auth.models import Group

from kcc.accounts import roles
from kcc.accounts.services import medewerker_create, roles_sync

pytestmark = pytest.mark.django_db


def test_roles_sync_creates_all_groups_idempotently():
    roles_sync()
    roles_sync()
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.STAFF_ROLES)
    beheer = Group.objects.get(name=roles.FUNCTIONEEL_BEHEERDER)
    assert beheer.permissions.filter(codename="change_organisatie").exists()
    kcc = Group.objects.get(name=roles.KCC_MEDEWERKER)
    assert not kcc.permissions.filter(codename="change_organisatie").exists()


def test_medewerker_create_with_role(afdeling_burgerzaken):
    roles_sync()
    user = medewerker_create(
        username="nieuw",
        email="nieuw@test.nl",
        password="Een-lang-wachtwoord-1",
        rollen=[roles.BACKOFFICE_MEDEWERKER],
        afdelingen=[afdeling_burgerzaken],
    )
    assert user.has_role(roles.BACKOFFICE_MEDEWERKER)
    assert not user.has_role(roles.KCC_MEDEWERKER)
    assert list(user.afdelingen.all()) == [afdeling_burgerzaken]


def test_medewerker_create_refuses_unknown_role():
    with pytest.raises(ValueError, match="Onbekende rol"):
        medewerker_create(username="x", email="x@test.nl", password=None, rollen=["baas"])


def test_citizen_has_no_staff_role(db):
    from tests.factories import UserFactory

    roles_sync()
    burger = UserFactory(username="b", burger=True, rol=roles.KCC_MEDEWERKER)
    assert not burger.has_role(roles.KCC_MEDEWERKER)
    assert not burger.is_medewerker


def test_rollen_komen_met_de_gebruiker_en_tellen_meteen(kim_kcc):
    """The session's user and a token's user bring their roles along (PostgreSQL: in the
    same query); a role taken away counts from the next request, page or API."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token

    from kcc.accounts.authentication import MedewerkerTokenAuthentication
    from kcc.accounts.backends import RollenModelBackend

    with CaptureQueriesContext(connection) as queries:
        user = RollenModelBackend().get_user(kim_kcc.pk)
        assert user.has_role(roles.KCC_MEDEWERKER)
        assert not user.has_role(roles.TEAMLEIDER)
    assert len(queries) == (1 if connection.vendor == "postgresql" else 2)

    token = Token.objects.create(user=kim_kcc)
    with CaptureQueriesContext(connection) as queries:
        user, _ = MedewerkerTokenAuthentication().authenticate_credentials(token.key)
        assert user.rollen == [roles.KCC_MEDEWERKER]
    assert len(queries) == (1 if connection.vendor == "postgresql" else 2)

    pagina, api = Client(), Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    pagina.force_login(kim_kcc)
    assert pagina.get("/console/klanten/zoeken/").status_code == 200
    assert api.get("/api/v1/klanten/?zoek=jansen").status_code == 200
    kim_kcc.groups.clear()
    assert pagina.get("/console/klanten/zoeken/").status_code == 403
    assert api.get("/api/v1/klanten/?zoek=jansen").status_code == 403


def test_ongeldig_of_inactief_token_geweigerd(kim_kcc):
    from rest_framework import exceptions
    from rest_framework.authtoken.models import Token

    from kcc.accounts.authentication import MedewerkerTokenAuthentication

    token = Token.objects.create(user=kim_kcc)
    with pytest.raises(exceptions.AuthenticationFailed):
        MedewerkerTokenAuthentication().authenticate_credentials("bestaat-niet")
    kim_kcc.is_active = False
    kim_kcc.save()
    with pytest.raises(exceptions.AuthenticationFailed):
        MedewerkerTokenAuthentication().authenticate_credentials(token.key)
