"""Logging in and out of the portal: DigiD/eHerkenning through the broker or the simulator."""

from __future__ import annotations

from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kcc.core.permissions import public
from kcc.portaal.forms import SimulatorDigidForm, SimulatorEherkenningForm
from kcc.portaal.models import PortaalIdentiteit
from kcc.portaal.permissions import portaal_login_required
from kcc.portaal.ratelimit import rate_limited
from kcc.portaal.services.identiteit import simulator_inloggen
from kcc.portaal.sessie import is_portaalgebruiker

UITGELOGD = "U bent uitgelogd. Sluit ook uw browser als u een gedeelde computer gebruikt."


def _volgende(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("portaal:mijn")


def _broker_apps() -> dict[str, bool]:
    """Which of the two brokers is configured (settings or the database)."""
    ids = {app["provider_id"] for app in settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]}
    ids |= set(
        SocialApp.objects.filter(provider="openid_connect").values_list("provider_id", flat=True)
    )
    return {"digid": "digid" in ids, "eherkenning": "eherkenning" in ids}


@public
def inloggen(request: HttpRequest) -> HttpResponse:
    if is_portaalgebruiker(request.user):
        return redirect(_volgende(request))
    return render(
        request,
        "portaal/inloggen.html",
        {
            "brokers": _broker_apps(),
            "simulator": settings.KCC_DIGID_SIMULATOR,
            "next": _volgende(request),
        },
    )


@public
@rate_limited("simulator", per_minuut=20)
def simulator(request: HttpRequest) -> HttpResponse:
    if not settings.KCC_DIGID_SIMULATOR:
        raise Http404()
    digid_form = SimulatorDigidForm(prefix="digid")
    eherkenning_form = SimulatorEherkenningForm(prefix="eherkenning")
    if request.method == "POST":
        middel = request.POST.get("middel")
        if middel == PortaalIdentiteit.Middel.DIGID:
            form = digid_form = SimulatorDigidForm(request.POST, prefix="digid")
        else:
            middel = PortaalIdentiteit.Middel.EHERKENNING
            form = eherkenning_form = SimulatorEherkenningForm(request.POST, prefix="eherkenning")
        if form.is_valid():
            if request.user.is_authenticated:
                logout(request)
            simulator_inloggen(request=request, middel=middel, nummer=form.cleaned_data["nummer"])
            return redirect(_volgende(request))
    return render(
        request,
        "portaal/simulator.html",
        {
            "digid_form": digid_form,
            "eherkenning_form": eherkenning_form,
            "next": _volgende(request),
        },
    )


@public
def uitloggen(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
        messages.success(request, UITGELOGD)
        return redirect("portaal:home")
    return render(request, "portaal/uitloggen.html")


@portaal_login_required
@require_POST
def sessie_verlengen(request: HttpRequest) -> HttpResponse:
    """The page's script calls this when the citizen chooses to stay logged in.

    The session middleware has already counted this request as activity.
    """
    return HttpResponse(status=204)
