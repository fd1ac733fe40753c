"""Authentication backends that read a user's roles with the user.

Every staff page and API call checks a role (``User.has_role``), which read the user's
groups in a query of its own after the query that loaded the user. On PostgreSQL the
group names now come along with the user, as an array in the same statement, so a
request pays one query less; the roles are still read from the database on every
request (a role taken away counts at once). The ids of the user's afdelingen come along
the same way (every backoffice page and call is scoped by them). Other databases keep
the separate queries.

The statement is written out once (``_sql``) instead of built by the ORM on every
request: compiling the user query with its subquery cost about 2 ms, more than running it.
"""

from __future__ import annotations

from functools import cache

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection

from kcc.core.sql import kolom, tabel

_ROLLEN = "kcc_rollen"
_AFDELINGEN = "kcc_afdeling_ids"
_TOKEN_AANGEMAAKT = "kcc_token_aangemaakt"


@cache
def _sql(via_token: bool) -> str:
    """SELECT the user (by id, or by the key of its API token) with its group names and
    the ids of its afdelingen."""
    from rest_framework.authtoken.models import Token

    user = get_user_model()
    groep, lid = user.groups.through, user.afdelingen.through
    lidmaatschap = (
        f"ARRAY(SELECT g.{kolom(Group, 'name')} FROM {tabel(Group)} g "  # noqa: S608 - names from the models
        f"JOIN {tabel(groep)} ug ON ug.{kolom(groep, 'group')} = g.{kolom(Group, 'id')} "
        f"WHERE ug.{kolom(groep, 'user')} = u.{kolom(user, 'id')}) AS {_ROLLEN}, "
        f"ARRAY(SELECT ua.{kolom(lid, 'afdeling')} FROM {tabel(lid)} ua "
        f"WHERE ua.{kolom(lid, 'user')} = u.{kolom(user, 'id')}) AS {_AFDELINGEN}"
    )
    if not via_token:
        return f"SELECT u.*, {lidmaatschap} FROM {tabel(user)} u WHERE u.{kolom(user, 'id')} = %s"  # noqa: S608 - names from the models
    return (
        f"SELECT u.*, {lidmaatschap}, t.{kolom(Token, 'created')} AS {_TOKEN_AANGEMAAKT} "  # noqa: S608 - names from the models
        f"FROM {tabel(Token)} t JOIN {tabel(user)} u "
        f"ON u.{kolom(user, 'id')} = t.{kolom(Token, 'user')} "
        f"WHERE t.{kolom(Token, 'key')} = %s"
    )


def gebruiker_met_rollen(user_id):
    """The user with this id, its roles and afdelingen read along (None when there is none)."""
    user_model = get_user_model()
    if connection.vendor != "postgresql":
        return user_model._default_manager.filter(pk=user_id).first()
    user = next(iter(user_model._default_manager.raw(_sql(False), [user_id])), None)
    if user is not None:
        _onthouden(user)
    return user


def _onthouden(user) -> None:
    user.rollen_onthouden(getattr(user, _ROLLEN))
    user.afdeling_ids_onthouden(getattr(user, _AFDELINGEN))


def token_met_gebruiker(key: str):
    """The API token with this key, its user and the user's roles read along (or None)."""
    from rest_framework.authtoken.models import Token

    if connection.vendor != "postgresql":
        return Token.objects.select_related("user").filter(key=key).order_by().first()
    user = next(iter(get_user_model()._default_manager.raw(_sql(True), [key])), None)
    if user is None:
        return None
    _onthouden(user)
    token = Token(key=key, user_id=user.pk, created=getattr(user, _TOKEN_AANGEMAAKT))
    token.user = user
    return token


class _RollenMetGebruiker:
    def get_user(self, user_id):
        try:
            user = gebruiker_met_rollen(int(user_id))
        except (TypeError, ValueError):
            return None
        if user is None or not self.user_can_authenticate(user):
            return None
        return user


class RollenModelBackend(_RollenMetGebruiker, ModelBackend):
    """Django's ModelBackend; the roles come with the user (see the module docstring)."""


class RollenAllauthBackend(_RollenMetGebruiker, AuthenticationBackend):
    """allauth's backend (login by e-mail or username); the roles come with the user."""
