"""'Stel een vraag' on the public site and in the portal (anonymous or logged in)."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kanalen.inbox import webformulier
from kanalen.inbox.forms_portaal import VraagForm
from kanalen.inbox.models import InkomendBericht
from kcc.core.permissions import public

logger = logging.getLogger(__name__)
SESSIE_SLEUTEL = "inbox_vraag_referentie"


def _klant(request):
    """The citizen's own Klant when logged in to the portal with exactly one record."""
    if not request.user.is_authenticated or request.user.is_medewerker:
        return None
    from kcc.portaal.selectors import portaal_klanten_qs

    klanten = list(portaal_klanten_qs(user=request.user).prefetch_related("digitale_adressen")[:2])
    if not klanten and request.method == "POST":
        # Sending: without the citizen's own record the answer could never show in the
        # portal, so the portal makes it from the BRP/KVK first (None if that fails).
        from kcc.portaal.services.gegevens import portaal_klant_voor_contact

        return portaal_klant_voor_contact(user=request.user)
    return klanten[0] if len(klanten) == 1 else None


@public
def vraag(request: HttpRequest) -> HttpResponse:
    klant = _klant(request)
    status = 200
    if request.method == "POST":
        form = VraagForm(request.POST)
        if form.is_robot():
            logger.warning(
                "Webformulier: honeypot ingevuld vanaf %s", request.META.get("REMOTE_ADDR")
            )
        if form.is_valid():
            if webformulier.limiet_bereikt(
                email=form.cleaned_data["email"], ip=request.META.get("REMOTE_ADDR", "")
            ):
                form.add_error(None, webformulier.TE_VAAK)
                status = 429
            else:
                bericht = webformulier.vraag_stellen(
                    naam=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    telefoon=form.cleaned_data["telefoon"],
                    onderwerp=form.cleaned_data["onderwerp"],
                    vraag=form.cleaned_data["vraag"],
                    klant=klant,
                )
                request.session[SESSIE_SLEUTEL] = bericht.referentie
                return redirect("portaal:vraag-ontvangen")
        else:
            status = 400
    else:
        initial = {}
        if klant is not None:
            initial["naam"] = klant.naam
            voorkeur = [a.waarde for a in klant.digitale_adressen.all() if a.soort == "email"]
            initial["email"] = voorkeur[0] if voorkeur else ""
        form = VraagForm(initial=initial)
    return render(request, "portaal/vraag/formulier.html", {"form": form}, status=status)


@public
def ontvangen(request: HttpRequest) -> HttpResponse:
    referentie = request.session.get(SESSIE_SLEUTEL)
    if not referentie:
        return redirect("portaal:vraag")
    return render(request, "portaal/vraag/ontvangen.html", {"referentie": referentie})


CHAT_SESSIE = "inbox_chat_gesprek"


@public
def chat_start(request: HttpRequest) -> HttpResponse:
    from kanalen.inbox import chat as chat_services
    from kanalen.inbox.forms_portaal import ChatStartForm

    status = 200
    if request.method == "POST":
        form = ChatStartForm(request.POST)
        if form.is_robot():
            logger.warning("Chat: honeypot ingevuld vanaf %s", request.META.get("REMOTE_ADDR"))
        if form.is_valid():
            if webformulier.limiet_bereikt(
                email=form.cleaned_data["email"], ip=request.META.get("REMOTE_ADDR", "")
            ):
                form.add_error(None, webformulier.TE_VAAK)
                status = 429
            else:
                item = chat_services.chat_starten(
                    naam=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    vraag=form.cleaned_data["vraag"],
                    klant=_klant(request),
                )
                request.session[CHAT_SESSIE] = item.gesprek_id
                return redirect("portaal:chat-gesprek")
        else:
            status = 400
    else:
        form = ChatStartForm()
    return render(request, "portaal/vraag/chat_start.html", {"form": form}, status=status)


def _chat_context(request, fout: str = "") -> dict | None:
    from kanalen.inbox import chat as chat_services

    gesprek_id = request.session.get(CHAT_SESSIE)
    item = chat_services.chat_item(gesprek_id=gesprek_id) if gesprek_id else None
    if item is None:
        return None
    regels = chat_services.chat_regels(item=item)
    versie = chat_services.chat_versie(item=item, regels=regels)
    return {"item": item, "regels": regels, "fout": fout, "versie": versie}


@public
def chat_gesprek(request: HttpRequest) -> HttpResponse:
    context = _chat_context(request)
    if context is None:
        return redirect("portaal:chat")
    return render(request, "portaal/vraag/chat.html", context)


@public
def chat_berichten(request: HttpRequest) -> HttpResponse:
    """The citizen's own chat only (the session holds it): GET polls, POST sends."""
    from django.core.exceptions import ValidationError

    from kanalen.inbox import chat as chat_services

    context = _chat_context(request)
    if context is None:
        return redirect("portaal:chat")
    open_ = context["item"].status in InkomendBericht.OPEN
    status = 200 if open_ else chat_services.POLLEN_STOPPEN
    if request.method == "GET" and open_ and request.GET.get("n") == context["versie"]:
        return HttpResponse(status=204)  # nothing new: htmx leaves the list alone
    if request.method == "POST":
        try:
            chat_services.chat_bericht_burger(
                item=context["item"], tekst=request.POST.get("tekst", "")
            )
        except ValidationError as exc:
            context["fout"] = " ".join(exc.messages)
            status = 400
        if not request.htmx:
            if status == 200:
                return redirect("portaal:chat-gesprek")
            return render(request, "portaal/vraag/chat.html", context, status=status)
        context = _chat_context(request, fout=context["fout"])
    return render(request, "portaal/vraag/_chat_berichten.html", context, status=status)
