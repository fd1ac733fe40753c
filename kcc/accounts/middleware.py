from django.conf import settings
from django.shortcuts import redirect

from kcc.accounts.authentication import has_totp, needs_mfa

# Paths a medewerker without a second factor may still open: to set one up or log out.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/health/", "/i18n/")


class MfaRequiredMiddleware:
    """In production every staff role that sees personal data must have TOTP set up.

    API calls with a ``Token`` authenticate after this middleware; the same rule is
    applied to them in ``kcc.accounts.authentication``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KCC_MFA_REQUIRED and self._needs_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _needs_mfa(request) -> bool:
        user = getattr(request, "user", None)
        if user is None or request.path.startswith(_OPEN_PREFIXES):
            return False
        return needs_mfa(user) and not has_totp(user)
