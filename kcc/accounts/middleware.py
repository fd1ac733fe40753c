from django.conf import settings
from django.shortcuts import redirect

# Paths a medewerker without a second factor may still open: to set one up or log out.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/health/", "/i18n/")


class MfaRequiredMiddleware:
    """In production every staff role that sees personal data must have TOTP set up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.KCC_MFA_REQUIRED and self._needs_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _needs_mfa(request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_medewerker:
            return False
        if request.path.startswith(_OPEN_PREFIXES):
            return False
        if not user.sees_personal_data:
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
