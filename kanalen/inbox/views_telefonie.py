"""The telephony panel: polled every second by htmx on the console pages.

The poller sends the version of the panel it shows (``?v=``). Only when the call
changed does the answer carry a new panel (an out-of-band swap); otherwise just a new
poller, so keyboard focus inside the panel is never lost to a needless refresh.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from kanalen.inbox import telefonie
from kanalen.inbox.services import INBOX_ROLLEN
from kcc.core.permissions import role_required


@role_required(*INBOX_ROLLEN)
def actief(request: HttpRequest) -> HttpResponse:
    gesprek = telefonie.actief_gesprek(medewerker=request.user)
    versie = f"{gesprek.pk}-{gesprek.status}" if gesprek else "geen"
    registreren = ""
    if gesprek is not None:
        # The registration form opens with channel telefoon and the call's start, so the
        # contact's duration is the call's (kanalen computes it from gestart_op).
        query = {"kanaal_contact": "telefoon", "kanaal": "telefoon"}
        if gesprek.aangenomen_op:
            query["gestart_op"] = gesprek.aangenomen_op.isoformat()
        if gesprek.klant_id:
            registreren = reverse("console:klanten:klantbeeld", args=[gesprek.klant_id])
        else:
            registreren = reverse("console:contact:anoniem")
        registreren += "?" + urlencode(query)
    context = {
        "gesprek": gesprek,
        "registreren": registreren,
        "versie": versie,
        "gewijzigd": request.GET.get("v") != versie,
    }
    return render(request, "console/telefonie/_actief.html", context)
