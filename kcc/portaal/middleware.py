from django.contrib import messages
from django.shortcuts import redirect

from kcc.portaal import sessie

# Requests that are not the citizen doing something: they must not keep a session alive.
_GEEN_ACTIVITEIT = ("/static/", "/media/", "/health/")
# Set by a page's poller (the chat asks for new messages every 2 seconds): a poll checks
# the session but is no activity. Sent by the client, which can only shorten its session.
POLL_KOP = "X-KCC-Poll"


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
            if not request.headers.get(POLL_KOP):
                sessie.sessie_activiteit(request)
        return self.get_response(request)
