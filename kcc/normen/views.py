"""Console pages of the norm monitor: the teamleider's regie dashboard and its drill-downs."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kcc.accounts import roles
from kcc.core.permissions import role_required
from kcc.normen.models import Signalering
from kcc.normen.selectors import (
    contactverzoek_klant_id,
    regie_overzicht,
    signalering_get_for_teamleider,
    zaken_te_laat_voor_regie,
)
from kcc.normen.services import signalering_gezien as signalering_gezien_service

GEZIEN = "De escalatie van {kenmerk} staat op gezien."
ANONIEM_CONTACTVERZOEK = (
    "{kenmerk} hoort bij geen klant; de afdeling {afdeling} ziet het in haar backoffice."
)
FOUT_FILTER = "Ongeldige filter: kies een rij uit het regieoverzicht."
TE_LAAT_PER_PAGINA = 50
MAX_ID = 2**63 - 1


def _signalering(request: HttpRequest, pk: int) -> Signalering:
    try:
        return signalering_get_for_teamleider(medewerker=request.user, pk=pk)
    except Signalering.DoesNotExist as exc:
        raise Http404 from exc


@role_required(roles.TEAMLEIDER)
def regie(request: HttpRequest) -> HttpResponse:
    overzicht = regie_overzicht(medewerker=request.user)
    return render(request, "console/regie/dashboard.html", {"overzicht": overzicht})


@role_required(roles.TEAMLEIDER)
@require_POST
def signalering_gezien(request: HttpRequest, pk: int) -> HttpResponse:
    signalering = _signalering(request, pk)
    signalering_gezien_service(signalering=signalering, medewerker=request.user)
    messages.success(request, GEZIEN.format(kenmerk=signalering.kenmerk))
    return redirect("console:regie")


@role_required(roles.TEAMLEIDER)
def signalering_openen(request: HttpRequest, pk: int) -> HttpResponse:
    """Drill-down from an escalation to the page of the signalled object."""
    signalering = _signalering(request, pk)
    soort = Signalering.Objectsoort
    if signalering.objectsoort == soort.ZAAK:
        return redirect("console:zaken:zaak", signalering.kenmerk)
    if signalering.objectsoort == soort.INKOMEND_BERICHT:
        return redirect("console:inbox:detail", signalering.object_id)
    klant_id = contactverzoek_klant_id(medewerker=request.user, signalering=signalering)
    if klant_id is None:
        messages.info(
            request,
            ANONIEM_CONTACTVERZOEK.format(
                kenmerk=signalering.kenmerk,
                afdeling=signalering.afdeling.naam if signalering.afdeling else "KCC",
            ),
        )
        return redirect("console:regie")
    return redirect(reverse("console:klanten:klantbeeld", args=[klant_id]) + "#verzoeken-titel")


def _id_veld() -> forms.IntegerField:
    fout = dict.fromkeys(("invalid", "min_value", "max_value"), FOUT_FILTER)
    return forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, error_messages=fout)


class TeLaatFilterForm(forms.Form):
    """Which 'te laat per ...' row was clicked: ids only (400 for anything else)."""

    organisatie = _id_veld()
    afdeling = _id_veld()
    product = _id_veld()


@role_required(roles.TEAMLEIDER)
def zaken_te_laat(request: HttpRequest) -> HttpResponse:
    """All late zaken, or those of one organisation, afdeling or product (paginated)."""
    form = TeLaatFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "console/regie/te_laat.html", {"form": form}, status=400)
    filters = {k: v for k, v in form.cleaned_data.items() if v is not None}
    zaken = zaken_te_laat_voor_regie(medewerker=request.user, filters=filters)
    pagina = Paginator(zaken, TE_LAAT_PER_PAGINA).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "console/regie/te_laat.html",
        {
            "form": form,
            "pagina": pagina,
            "zaken": list(pagina.object_list),
            "filter_query": params.urlencode(),
            "gefilterd": bool(filters),
        },
    )
