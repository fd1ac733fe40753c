"""API authentication for medewerkers with a ``Token``.

``MfaRequiredMiddleware`` guards sessions, but a token call authenticates inside DRF,
after the middleware has run. So the second-factor rule is applied here as well: where
MFA is required (production), a token only works for a medewerker who has TOTP set up.
A token is thereby bound to a person who passed the second factor at least once; it is
a machine credential for that person's integrations and is revoked by deleting it.
External organisations' systems use their own tokens (``zaken.api.authentication``).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from kcc.accounts.backends import token_met_gebruiker

FOUT_TOKEN_ZONDER_MFA = (
    "Dit API-token hoort bij een medewerker zonder tweede factor (TOTP). Stel eerst een "
    "tweede factor in; pas dan werkt het token."
)


def needs_mfa(user) -> bool:
    """A staff account that must use a second factor where MFA is required."""
    return bool(
        user.is_authenticated
        and user.is_medewerker
        and (user.sees_personal_data or user.is_superuser)
    )


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class MedewerkerTokenAuthentication(TokenAuthentication):
    """DRF's ``Token`` scheme, refused for staff without TOTP when MFA is required."""

    def authenticate_credentials(self, key):
        # DRF's lookup written out: the token's user with its roles and afdelingen in
        # one statement (kcc.accounts.backends).
        token = token_met_gebruiker(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if settings.KCC_MFA_REQUIRED and needs_mfa(user) and not has_totp(user):
            raise exceptions.AuthenticationFailed(FOUT_TOKEN_ZONDER_MFA)
        return user, token
