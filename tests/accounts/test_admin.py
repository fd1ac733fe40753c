"""Beheer of accounts: a functioneel beheerder manages roles, never rights beyond them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer_client(fenna_beheer):
    client = Client()
    client.force_login(fenna_beheer)
    return client


@pytest.fixture
def superuser(roles_ready):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def _change_form(client, user: User) -> str:
    response = client.get(f"/beheer/accounts/user/{user.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def _post(client, user: User, **changes):
    """Post the change form as a browser would: the current values plus ``changes``."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "soort": user.soort,
        "functie": user.functie,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        **changes,
    }
    return client.post(f"/beheer/accounts/user/{user.pk}/change/", data)


def test_beheerder_does_not_see_superuser_or_permission_fields(beheer_client, kim_kcc):
    html = _change_form(beheer_client, kim_kcc)
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html
    assert 'name="groups"' in html


def test_superuser_sees_every_field(superuser, kim_kcc):
    client = Client()
    client.force_login(superuser)
    html = _change_form(client, kim_kcc)
    assert 'name="is_superuser"' in html
    assert 'name="user_permissions"' in html


def test_beheerder_cannot_make_anyone_superuser_or_give_permissions(beheer_client, kim_kcc):
    perm = Permission.objects.get(codename="delete_user")
    response = _post(beheer_client, kim_kcc, is_superuser="on", user_permissions=[str(perm.pk)])
    assert response.status_code == 302, response.content.decode()[:2000]
    kim_kcc.refresh_from_db()
    assert not kim_kcc.is_superuser
    assert not kim_kcc.user_permissions.exists()


def test_beheerder_assigns_only_the_four_roles(beheer_client, kim_kcc):
    eigen = Group.objects.create(name="alles-mag")
    html = _change_form(beheer_client, kim_kcc)
    assert "alles-mag" not in html
    response = _post(beheer_client, kim_kcc, groups=[str(eigen.pk)])
    assert response.status_code == 200  # the form refuses the unknown choice
    assert not kim_kcc.groups.filter(pk=eigen.pk).exists()
    teamleider = Group.objects.get(name=roles.TEAMLEIDER)
    response = _post(beheer_client, kim_kcc, groups=[str(teamleider.pk)])
    assert response.status_code == 302
    assert kim_kcc.groups.filter(name=roles.TEAMLEIDER).exists()


def test_beheerder_cannot_change_own_rights(beheer_client, fenna_beheer):
    kcc_rol = Group.objects.get(name=roles.KCC_MEDEWERKER)
    html = _change_form(beheer_client, fenna_beheer)
    assert 'name="groups"' not in html
    response = _post(beheer_client, fenna_beheer, groups=[str(kcc_rol.pk)], first_name="Fen")
    assert response.status_code == 302
    fenna_beheer.refresh_from_db()
    assert fenna_beheer.first_name == "Fen"
    assert list(fenna_beheer.groups.values_list("name", flat=True)) == [roles.FUNCTIONEEL_BEHEERDER]


def test_beheerder_cannot_change_a_superuser(beheer_client, superuser):
    response = beheer_client.get(f"/beheer/accounts/user/{superuser.pk}/change/")
    assert response.status_code == 200
    assert 'name="username"' not in response.content.decode()  # view only
    response = _post(beheer_client, superuser, email="ander@example.nl")
    assert response.status_code == 403
    password = beheer_client.post(
        f"/beheer/accounts/user/{superuser.pk}/password/",
        {"password1": "Nieuw-wachtwoord-123", "password2": "Nieuw-wachtwoord-123"},
    )
    assert password.status_code == 403
    superuser.refresh_from_db()
    assert superuser.email != "ander@example.nl"
    assert not superuser.check_password("Nieuw-wachtwoord-123")


def test_other_roles_and_anonymous_have_no_user_admin(personas, kim_kcc):
    url = f"/beheer/accounts/user/{kim_kcc.pk}/change/"
    assert Client().get(url).status_code == 302
    for naam, user in personas.items():
        if naam == "functioneel_beheerder":
            continue
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 302, naam  # to the admin login


def test_beheerder_needs_mfa_in_production(fenna_beheer, settings):
    settings.KCC_MFA_REQUIRED = True
    client = Client()
    client.force_login(fenna_beheer)
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate")


def test_beheerder_with_totp_enters_beheer(fenna_beheer, settings):
    from allauth.mfa.models import Authenticator

    settings.KCC_MFA_REQUIRED = True
    Authenticator.objects.create(user=fenna_beheer, type=Authenticator.Type.TOTP, data={})
    client = Client()
    client.force_login(fenna_beheer)
    assert client.get("/beheer/").status_code == 200


def test_opening_personal_data_in_beheer_is_a_verwerking(beheer_client, fenna_beheer):
    from tests.inbox.factories import InkomendBerichtFactory, KlantFactory
    from tests.zaken.factories import ZaakFactory

    zaak = ZaakFactory()
    bericht = InkomendBerichtFactory(klant=KlantFactory())
    zonder_klant = InkomendBerichtFactory()
    for url, klant_id in (
        (f"/beheer/zaken/zaak/{zaak.pk}/change/", zaak.klant_id),
        (f"/beheer/zaken/aanvraag/{zaak.aanvraag.pk}/change/", zaak.aanvraag.klant_id),
        (f"/beheer/inbox/inkomendbericht/{bericht.pk}/change/", bericht.klant_id),
    ):
        before = Verwerking.objects.filter(klant_id=klant_id, medewerker=fenna_beheer).count()
        assert beheer_client.get(url).status_code == 200, url
        verwerking = Verwerking.objects.filter(klant_id=klant_id, medewerker=fenna_beheer)
        assert verwerking.count() == before + 1, url
        assert verwerking.first().scherm_of_endpoint.startswith("beheer/")
        assert verwerking.first().actie == Verwerking.Actie.GELEZEN
    # Lists are not logged; an item without a known klant has nobody to log for.
    aantal = Verwerking.objects.count()
    assert beheer_client.get("/beheer/zaken/zaak/").status_code == 200
    url = f"/beheer/inbox/inkomendbericht/{zonder_klant.pk}/change/"
    assert beheer_client.get(url).status_code == 200
    assert Verwerking.objects.count() == aantal


@pytest.mark.parametrize("pad", ["/api/v1/klanten/?zoek=jansen", "/api/v1/zaken/"])
def test_token_of_staff_without_totp_is_refused_when_mfa_required(kim_kcc, settings, pad):
    from allauth.mfa.models import Authenticator
    from rest_framework.authtoken.models import Token

    from kcc.accounts.authentication import FOUT_TOKEN_ZONDER_MFA

    token = Token.objects.create(user=kim_kcc)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    settings.KCC_MFA_REQUIRED = False
    assert client.get(pad).status_code == 200
    settings.KCC_MFA_REQUIRED = True
    response = client.get(pad)
    # 401 or 403 depends on the view's first authentication scheme (DRF's rule).
    assert response.status_code in (401, 403)
    assert response.json()["detail"] == FOUT_TOKEN_ZONDER_MFA
    Authenticator.objects.create(user=kim_kcc, type=Authenticator.Type.TOTP, data={})
    assert client.get(pad).status_code == 200
