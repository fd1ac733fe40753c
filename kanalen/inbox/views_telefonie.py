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

from kanalen.codes import KanaalCode
from kanalen.inbox import telefonie
from kanalen.inbox.services import INBOX_ROLLEN
from kcc.core.permissions import role_required


@role_required(*INBOX_ROLLEN)
def actief(request: HttpRequest) -> HttpResponse:
    gesprek = telefonie.actief_gesprek(medewerker=request.user)
    versie = "geen"
    registreren = ""
    if gesprek is not None:
        versie = f"{gesprek.pk}-{gesprek.status}-{gesprek.contactmoment_id or ''}"
        # The registration form carries the call's id: the server takes the contact's start,
        # end and duration from the call itself (kanalen.services), never from the browser.
        # On the klantbeeld 'kanaal' filters the timeline, so the new contact's channel
        # goes in 'kanaal_contact' there; the anonymous form calls it 'kanaal'.
        if gesprek.klant_id:
            pad = reverse("console:klanten:klantbeeld", args=[gesprek.klant_id])
            query = {"kanaal_contact": KanaalCode.TELEFOON, "telefoongesprek": gesprek.pk}
        else:
            pad = reverse("console:contact:anoniem")
            query = {"kanaal": KanaalCode.TELEFOON, "telefoongesprek": gesprek.pk}
        registreren = f"{pad}?{urlencode(query)}"
    context = {
        "gesprek": gesprek,
        "registreren": registreren,
        "versie": versie,
        "gewijzigd": request.GET.get("v") != versie,
    }
    return render(request, "console/telefonie/_actief.html", context)
