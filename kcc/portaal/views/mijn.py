"""Mijn overzicht: the citizen's zaken, questions to answer, messages and contact history."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kcc.portaal import selectors, zaken_selectors
from kcc.portaal.forms import InformatieverzoekForm
from kcc.portaal.permissions import portaal_login_required
from kcc.portaal.ratelimit import rate_limited
from zaken.errors import ZaakFout
from zaken.services.zaken import informatieverzoek_beantwoorden

ANTWOORD_ONTVANGEN = "Bedankt. Wij hebben uw antwoord ontvangen en gaan verder met uw aanvraag."
# Mijn overzicht shows the latest questions; Mijn berichten shows them all.
OVERZICHT_BERICHTEN = 5


@portaal_login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    context = {
        "zaken": zaken_selectors.zaken_voor_portaal(klant_ids=klant_ids),
        "informatieverzoeken": zaken_selectors.informatieverzoeken_open(klant_ids=klant_ids),
        "contactmomenten": selectors.contactmomenten_voor_portaal(klant_ids=klant_ids),
        "contactverzoeken": selectors.contactverzoeken_voor_portaal(klant_ids=klant_ids),
        "berichten": selectors.berichten_voor_portaal(
            klant_ids=klant_ids, maximaal=OVERZICHT_BERICHTEN
        ),
        "bekend": bool(klant_ids),
    }
    selectors.portaal_gelezen(user=request.user, klant_ids=klant_ids, scherm="mijn")
    return render(request, "portaal/mijn/overzicht.html", context)


@portaal_login_required
def berichten(request: HttpRequest) -> HttpResponse:
    """Mijn berichten: the questions I sent on any channel, their status and our answers."""
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    context = {"berichten": selectors.berichten_voor_portaal(klant_ids=klant_ids)}
    selectors.portaal_gelezen(user=request.user, klant_ids=klant_ids, scherm="mijn/berichten")
    return render(request, "portaal/mijn/berichten.html", context)


@portaal_login_required
def zaak_detail(request: HttpRequest, identificatie: str) -> HttpResponse:
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    zaak = zaken_selectors.zaak_voor_portaal(klant_ids=klant_ids, identificatie=identificatie)
    if zaak is None:
        raise Http404("Zaak niet gevonden.")
    informatieverzoeken = [
        iv
        for iv in zaken_selectors.informatieverzoeken_open(klant_ids=klant_ids)
        if iv.zaak_id == zaak.pk or iv.zaak_id in {d.pk for d in zaak.deelzaken}
    ]
    selectors.portaal_gelezen(
        user=request.user,
        klant_ids=klant_ids,
        scherm="mijn/zaken",
        toelichting=f"Zaak {zaak.identificatie} ingezien door de klant zelf",
    )
    return render(
        request,
        "portaal/mijn/zaak.html",
        {"zaak": zaak, "informatieverzoeken": informatieverzoeken},
    )


@portaal_login_required
@rate_limited("informatieverzoek", per_minuut=10)
def informatieverzoek(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer a question of the backoffice; the zaak's clock runs again."""
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    verzoek = zaken_selectors.informatieverzoek_voor_portaal(klant_ids=klant_ids, pk=pk)
    if verzoek is None:
        raise Http404("Vraag niet gevonden.")
    form = InformatieverzoekForm(request.POST or None)
    if request.method == "POST" and verzoek.is_open and form.is_valid():
        try:
            informatieverzoek_beantwoorden(
                informatieverzoek=verzoek, antwoord=form.cleaned_data["antwoord"]
            )
        except ZaakFout as exc:
            form.add_error("antwoord", exc.message)
        else:
            messages.success(request, ANTWOORD_ONTVANGEN)
            return redirect("portaal:zaak", identificatie=verzoek.zaak.identificatie)
    selectors.portaal_gelezen(
        user=request.user,
        klant_ids=klant_ids,
        scherm="mijn/informatieverzoeken",
        toelichting=f"Vraag bij zaak {verzoek.zaak.identificatie} ingezien door de klant zelf",
    )
    status = 400 if form.errors else 200
    return render(
        request,
        "portaal/mijn/informatieverzoek.html",
        {"verzoek": verzoek, "form": form},
        status=status,
    )
