from django.contrib import messages
from django.shortcuts import redirect

from kcc.portaal import sessie

# Requests that are not the citizen doing something: they must not keep a session alive.
_GEEN_ACTIVITEIT = ("/static/", "/media/", "/health/")


class PortaalSessieMiddleware:
    """Ends a burger's or ondernemer's session after 15 idle minutes or 4 hours in total."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if sessie.is_portaalgebruiker(user) and not request.path.startswith(_GEEN_ACTIVITEIT):
            reden = sessie.sessie_verlopen(request)
            if reden:
                sessie.sessie_beeindigen(request)
                messages.warning(request, reden)
                return redirect("portaal:inloggen")
            sessie.sessie_activiteit(request)
        return self.get_response(request)
