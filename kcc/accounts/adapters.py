from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from kcc.accounts.models import User

LOGIN_ALLEEN_MEDEWERKERS = "Met dit formulier kunnen alleen medewerkers inloggen."
# Set on the request by the portal's DigiD/eHerkenning adapter (kcc.portaal.adapters).
PORTAAL_LOGIN_VLAG = "kcc_portaal_login"
FOUT_INLOGGEN = (
    "De gebruikersnaam of het wachtwoord is niet juist. Controleer uw gegevens en probeer het "
    "opnieuw."
)
TE_VAAK_FOUT = (
    "U heeft te vaak een onjuist wachtwoord ingevoerd. Wacht enkele minuten en probeer het "
    "dan opnieuw."
)


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are made by the functioneel beheerder, never by self sign-up."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": FOUT_INLOGGEN,
        "email_password_mismatch": FOUT_INLOGGEN,
        "too_many_login_attempts": TE_VAAK_FOUT,
    }

    def is_open_for_signup(self, request) -> bool:
        return False

    def login(self, request, user):
        # Burgers and ondernemers have no password; this keeps it so if one ever gets one.
        if user.soort != User.Soort.MEDEWERKER and not getattr(request, PORTAAL_LOGIN_VLAG, False):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(LOGIN_ALLEEN_MEDEWERKERS)
        return super().login(request, user)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """DigiD and eHerkenning come in through an OIDC broker: those users are citizens."""

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.soort = User.Soort.BURGER
        return user
