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
