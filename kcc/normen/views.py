"""Console pages of the norm monitor: the teamleider's regie dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kcc.accounts import roles
from kcc.core.permissions import role_required
from kcc.normen.models import Signalering
from kcc.normen.selectors import regie_overzicht, signalering_get_for_teamleider
from kcc.normen.services import signalering_gezien as signalering_gezien_service

GEZIEN = "De escalatie van {kenmerk} staat op gezien."


@role_required(roles.TEAMLEIDER)
def regie(request: HttpRequest) -> HttpResponse:
    overzicht = regie_overzicht(medewerker=request.user)
    return render(request, "console/regie/dashboard.html", {"overzicht": overzicht})


@role_required(roles.TEAMLEIDER)
@require_POST
def signalering_gezien(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        signalering = signalering_get_for_teamleider(medewerker=request.user, pk=pk)
    except Signalering.DoesNotExist as exc:
        raise Http404 from exc
    signalering_gezien_service(signalering=signalering, medewerker=request.user)
    messages.success(request, GEZIEN.format(kenmerk=signalering.kenmerk))
    return redirect("console:regie")
