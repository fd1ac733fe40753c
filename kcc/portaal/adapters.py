"""allauth adapter for DigiD and eHerkenning logins through the OIDC broker."""

from __future__ import annotations

import hashlib

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.models import SocialLogin
from django.conf import settings
from django.shortcuts import render

from kcc.accounts.adapters import PORTAAL_LOGIN_VLAG, SocialAccountAdapter
from kcc.accounts.models import User
from kcc.portaal.models import PortaalIdentiteit
from kcc.portaal.services.identiteit import (
    IdentiteitOngeldig,
    identiteit_vastleggen,
    identiteit_zoeken,
    nummer_normaliseren,
)

# Provider ids of the broker apps in settings.SOCIALACCOUNT_PROVIDERS.
MIDDEL_PER_PROVIDER = {
    "digid": PortaalIdentiteit.Middel.DIGID,
    "eherkenning": PortaalIdentiteit.Middel.EHERKENNING,
}


def _claims(sociallogin: SocialLogin) -> dict:
    extra = sociallogin.account.extra_data or {}
    claims = dict(extra.get("id_token") or {})
    claims.update(extra.get("userinfo") or {})
    return claims


def _gegevens(sociallogin: SocialLogin) -> tuple[str, str, str]:
    """(middel, nummer, niveau) from the broker's claims; IdentiteitOngeldig if unusable."""
    middel = MIDDEL_PER_PROVIDER.get(sociallogin.account.provider)
    if middel is None:
        raise IdentiteitOngeldig()
    claims = _claims(sociallogin)
    claim = (
        settings.KCC_OIDC_BSN_CLAIM
        if middel == PortaalIdentiteit.Middel.DIGID
        else settings.KCC_OIDC_KVK_CLAIM
    )
    nummer = claims.get(claim)
    if not isinstance(nummer, str | int):
        raise IdentiteitOngeldig()
    return middel, nummer_normaliseren(middel, str(nummer)), str(claims.get("acr", ""))


class PortaalSocialAccountAdapter(SocialAccountAdapter):
    """DigiD users become burgers, eHerkenning users ondernemers, with their BSN or KVK."""

    def _fout(self, request, sociallogin=None):
        response = render(request, "portaal/inloggen_mislukt.html", status=403)
        return ImmediateHttpResponse(response)

    def pre_social_login(self, request, sociallogin):
        try:
            middel, nummer, niveau = _gegevens(sociallogin)
        except IdentiteitOngeldig:
            raise self._fout(request) from None
        if not sociallogin.is_existing:
            # A new broker subject for a BSN we know (pairwise subjects): same account.
            bestaand = identiteit_zoeken(middel=middel, nummer=nummer)
            if bestaand is not None:
                sociallogin.connect(request, bestaand.user)
        if sociallogin.is_existing:
            if sociallogin.user.soort == User.Soort.MEDEWERKER:
                raise self._fout(request)
            self._vastleggen(sociallogin.user, middel, nummer, niveau)
        # The staff account adapter lets a citizen log in only on this path.
        setattr(request, PORTAAL_LOGIN_VLAG, True)

    def _vastleggen(self, user, middel, nummer, niveau):
        try:
            identiteit_vastleggen(
                user=user,
                middel=middel,
                nummer=nummer,
                niveau=niveau,
                bron=PortaalIdentiteit.Bron.OIDC,
            )
        except IdentiteitOngeldig:
            raise self._fout(None) from None

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        middel, nummer, niveau = _gegevens(sociallogin)
        self._vastleggen(user, middel, nummer, niveau)
        return user

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return True

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        # DigiD gives no e-mail address; the citizen adds one in "Mijn gegevens".
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        try:
            middel, _nummer, _niveau = _gegevens(sociallogin)
        except IdentiteitOngeldig:
            raise self._fout(request) from None
        user.soort = (
            User.Soort.BURGER if middel == PortaalIdentiteit.Middel.DIGID else User.Soort.ONDERNEMER
        )
        # The username must not reveal the BSN; a hash of the broker subject is stable.
        digest = hashlib.sha256(
            f"{sociallogin.account.provider}:{sociallogin.account.uid}".encode()
        ).hexdigest()
        user.username = f"{middel}-{digest[:16]}"
        user.email = ""
        return user

    def get_login_redirect_url(self, request):
        return "/mijn/"

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        raise self._fout(request)
