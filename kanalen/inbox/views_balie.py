"""Balie appointments: booking and cancelling on the public site, today's list and the
visit registration in the console."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kanalen.inbox import balie
from kanalen.inbox.models import Afspraak
from kanalen.inbox.services import INBOX_ROLLEN
from kanalen.inbox.views_portaal import _klant
from kcc.core.permissions import public, role_required
from kcc.core.widgets import SnelleSelect
from klanten import validators

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SESSIE = "inbox_afspraak"


class BoekenForm(forms.Form):
    product = forms.ModelChoiceField(
        label="Waarvoor komt u?",
        queryset=None,
        empty_label="Kies een product",
        error_messages={"invalid_choice": balie.PRODUCT_NIET_AAN_BALIE},
        widget=SnelleSelect({"class": "utrecht-select utrecht-select--html-select"}),
    )
    tijdslot = forms.TypedChoiceField(label="Tijdstip", coerce=int, widget=forms.RadioSelect)
    naam = forms.CharField(
        label="Uw naam", max_length=200, widget=forms.TextInput({**_TEXT, "autocomplete": "name"})
    )
    email = forms.CharField(
        label="Uw e-mailadres",
        max_length=254,
        help_text="U krijgt een bevestiging en een dag van tevoren een herinnering.",
        widget=forms.EmailInput({**_TEXT, "autocomplete": "email"}),
    )
    telefoon = forms.CharField(
        label="Uw telefoonnummer", max_length=30, required=False, widget=forms.TextInput(_TEXT)
    )

    def __init__(self, *args, tijdsloten, producten, **kwargs):
        super().__init__(*args, **kwargs)
        if producten:
            self.fields["product"].queryset = balie.balie_producten()
            self.fields["product"].choices = [("", "Kies een product")] + [
                (p.pk, p.naam) for p in producten
            ]
        else:
            # No product is bookable at the desk (beheer): come without one.
            del self.fields["product"]
        self.fields["tijdslot"].choices = [
            (t.pk, f"{t.begint_op.astimezone():%d-%m-%Y %H:%M} · {t.locatie.naam}")
            for t in tijdsloten
        ]

    def clean_email(self) -> str:
        return validators.normaliseer_email(self.cleaned_data["email"])

    def clean_telefoon(self) -> str:
        telefoon = self.cleaned_data["telefoon"].strip()
        return validators.normaliseer_telefoon(telefoon) if telefoon else ""


class BezoekForm(forms.Form):
    vraag = forms.CharField(
        label="Vraag van de klant", max_length=2000, required=False, widget=forms.TextInput(_TEXT)
    )
    antwoord = forms.CharField(
        label="Wat is er gedaan",
        max_length=5000,
        widget=forms.Textarea(
            {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
    )


@public
def boeken(request: HttpRequest) -> HttpResponse:
    producten = list(balie.balie_producten())
    # From a product page: ?product=<slug> chooses it (only a product bookable at the desk).
    slug = request.GET.get("product", "")[:200]
    product = next((p for p in producten if p.slug == slug), None) if slug else None
    tijdsloten = list(balie.vrije_tijdsloten()[:200])
    status = 200
    if request.method == "POST":
        form = BoekenForm(request.POST, tijdsloten=tijdsloten, producten=producten)
        if form.is_valid():
            gekozen = form.cleaned_data.get("product")
            try:
                afspraak = balie.afspraak_boeken(
                    tijdslot_id=form.cleaned_data["tijdslot"],
                    naam=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    telefoon=form.cleaned_data["telefoon"],
                    product_id=gekozen.pk if gekozen else None,
                    klant=_klant(request),
                )
            except ValidationError as exc:
                for veld, fouten in exc.message_dict.items():
                    form.add_error(veld, fouten)
            else:
                request.session[SESSIE] = afspraak.pk
                return redirect("portaal:afspraak-bevestigd")
        status = 400
    else:
        form = BoekenForm(tijdsloten=tijdsloten, producten=producten, initial={"product": product})
    context = {"form": form, "product": product, "heeft_tijdsloten": bool(tijdsloten)}
    return render(request, "portaal/afspraak/boeken.html", context, status=status)


@public
def bevestigd(request: HttpRequest) -> HttpResponse:
    afspraak = (
        Afspraak.objects.select_related("tijdslot__locatie", "product")
        .filter(pk=request.session.get(SESSIE) or 0)
        .first()
    )
    if afspraak is None:
        return redirect("portaal:afspraak")
    return render(request, "portaal/afspraak/bevestigd.html", {"afspraak": afspraak})


@public
def annuleren(request: HttpRequest, code: str) -> HttpResponse:
    afspraak = Afspraak.objects.select_related("tijdslot__locatie").filter(code=code).first()
    if afspraak is None:
        raise Http404("Afspraak niet gevonden.")
    fout = ""
    if request.method == "POST":
        try:
            balie.afspraak_annuleren(code=code)
        except ValidationError as exc:
            fout = " ".join(exc.messages)
        else:
            afspraak.refresh_from_db()
    context = {"afspraak": afspraak, "fout": fout}
    return render(request, "portaal/afspraak/annuleren.html", context, status=400 if fout else 200)


@role_required(*INBOX_ROLLEN)
def vandaag(request: HttpRequest) -> HttpResponse:
    afspraken = balie.afspraken_vandaag(medewerker=request.user)
    return render(
        request, "console/inbox/afspraken.html", {"afspraken": afspraken, "form": BezoekForm()}
    )


@role_required(*INBOX_ROLLEN)
@require_POST
def bezoek(request: HttpRequest, afspraak_id: int) -> HttpResponse:
    afspraak = balie.afspraken_vandaag(medewerker=request.user).filter(pk=afspraak_id).first()
    if afspraak is None:
        raise Http404("Afspraak niet gevonden.")
    form = BezoekForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vul in wat er aan de balie is gedaan.")
        return redirect("console:inbox:afspraken")
    try:
        balie.bezoek_registreren(
            afspraak=afspraak,
            medewerker=request.user,
            vraag=form.cleaned_data["vraag"],
            antwoord=form.cleaned_data["antwoord"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"Het bezoek van {afspraak.naam} is vastgelegd als contactmoment."
        )
    return redirect("console:inbox:afspraken")
