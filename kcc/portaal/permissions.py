"""Access rule for the pages of "Mijn omgeving": only a logged-in burger or ondernemer."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kcc.portaal.sessie import is_portaalgebruiker

ALLEEN_BURGERS = (
    "Deze pagina is voor burgers en ondernemers die met DigiD of eHerkenning zijn ingelogd."
)
# Pseudo-roles read by the authorisation matrix: no staff role may open these pages.
PORTAAL_ROLLEN = ("burger", "ondernemer")


def portaal_login_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("portaal:inloggen"))
        if not is_portaalgebruiker(user):
            raise PermissionDenied(ALLEEN_BURGERS)
        return view(request, *args, **kwargs)

    wrapped.kcc_roles = PORTAAL_ROLLEN
    return wrapped
