"""Authentication backends that read a user's roles with the user.

Every staff page and API call checks a role (``User.has_role``), which read the user's
groups in a query of its own after the query that loaded the user. On PostgreSQL the
group names now come along with the user, as an array in the same statement, so a
request pays one query less; the roles are still read from the database on every
request (a role taken away counts at once). Other databases keep the separate query.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import OuterRef, QuerySet

_ROLLEN = "kcc_rollen"


def met_rollen(qs: QuerySet, user_pad: str = "pk") -> QuerySet:
    """``qs`` with the names of the user's groups (the user at ``user_pad``) read along;
    ``rollen_overnemen`` hands them to the user. PostgreSQL only: elsewhere unchanged."""
    if connection.vendor != "postgresql":
        return qs
    from django.contrib.postgres.expressions import ArraySubquery

    namen = Group.objects.filter(user=OuterRef(user_pad)).order_by().values("name")
    return qs.annotate(**{_ROLLEN: ArraySubquery(namen)})


def rollen_overnemen(bron, user) -> None:
    """Give ``user`` the roles read along on ``bron`` (the user itself, or its token)."""
    namen = getattr(bron, _ROLLEN, None)
    if namen is not None:
        user.rollen_onthouden(namen)


class _RollenMetGebruiker:
    def get_user(self, user_id):
        user = met_rollen(get_user_model()._default_manager.filter(pk=user_id)).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        rollen_overnemen(user, user)
        return user


class RollenModelBackend(_RollenMetGebruiker, ModelBackend):
    """Django's ModelBackend; the roles come with the user (see the module docstring)."""


class RollenAllauthBackend(_RollenMetGebruiker, AuthenticationBackend):
    """allauth's backend (login by e-mail or username); the roles come with the user."""
