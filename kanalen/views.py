"""Console and backoffice pages of kanalen: registering contacts, the kennisbank panel,
and the backoffice's contactverzoeken."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kanalen import selectors, services
from kanalen.forms import (
    MAX_VRAGEN,
    AnoniemForm,
    ContactmomentForm,
    VraagFormSet,
    contactverzoek_invoer,
    nieuw_formulier,
    vragen_invoer,
)
from kanalen.kennisbank import gekozen_onderwerpen, kennisbank_context
from kanalen.models import Contactverzoek, ContactverzoekPoging
from kcc.accounts import roles
from kcc.core.permissions import role_required
from klanten import selectors as klanten_selectors
from klanten.validators import als_id
from klanten.views import klantbeeld_context

CONSOLE = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)
# Service errors that belong to a field of the main form (others: to the questions).
_VELD = {
    "kanaal": "kanaal",
    "resultaat": "resultaat",
    "doorverwezen_naar": "doorverwezen_naar",
    "afdeling": "afdeling",
    "behandelaar": "behandelaar",
    "telefoonnummer": "terugbel_telefoon",
    "email": "terugbel_telefoon",
    "vorig_contactmoment": "vorig_contactmoment",
    "aanvraag": "aanvraag",
}


def _met_extra_vraag(data, klant):
    """Unbound forms holding what was typed, plus one empty question (no errors shown)."""
    form = ContactmomentForm(data, klant=klant)
    form.is_valid()
    initial = {k: data.get(k) for k in form.fields}
    vragen = VraagFormSet(data, prefix="vragen")
    vragen.is_valid()
    rijen = [
        {
            "vraag": f.cleaned_data.get("vraag", ""),
            "antwoord": f.cleaned_data.get("antwoord", ""),
            "vac": f.cleaned_data.get("vac"),
            "product": f.cleaned_data.get("product"),
        }
        for f in vragen.forms
    ]
    rijen = rijen[: MAX_VRAGEN - 1] + [{}]
    return ContactmomentForm(initial=initial, klant=klant), VraagFormSet(
        initial=rijen, prefix="vragen"
    )


def _fouten_plaatsen(exc: ValidationError, form, vragen, anoniem=None) -> None:
    for veld, berichten in exc.message_dict.items():
        for bericht in berichten:
            if veld in _VELD and _VELD[veld] in form.fields:
                form.add_error(_VELD[veld], bericht)
            elif anoniem is not None and veld in anoniem.fields:
                anoniem.add_error(veld, bericht)
            elif veld in ("vraag", "antwoord"):
                doel = next(
                    (f for f in vragen.forms if not (f.cleaned_data or {}).get(veld)),
                    vragen.forms[0],
                )
                doel.add_error(veld, bericht)
            else:
                form.add_error(None, bericht)


def _registreer(request, *, klant, form, vragen, anoniem=None):
    """Validate and register; returns the Contactmoment or None (errors are on the forms)."""
    if not (form.is_valid() & vragen.is_valid() & (anoniem is None or anoniem.is_valid())):
        return None
    data = form.cleaned_data
    extra = anoniem.cleaned_data if anoniem is not None else {}
    try:
        return services.contactmoment_registreren(
            medewerker=request.user,
            klant=klant,
            kanaal=data["kanaal"],
            vragen=vragen_invoer(vragen),
            resultaat=data["resultaat"],
            gestart_op=data["gestart_op"],
            vorig_contactmoment=data.get("vorig_contactmoment"),
            doorverwezen_naar_id=data["doorverwezen_naar"].pk
            if data.get("doorverwezen_naar")
            else None,
            contactverzoek=contactverzoek_invoer(form),
            aanvraag=data.get("aanvraag"),
            telefoongesprek_id=data.get("telefoongesprek"),
            scherm="console/klantbeeld" if klant else "console/anoniem contact",
            **extra,
        )
    except ValidationError as exc:
        _fouten_plaatsen(exc, form, vragen, anoniem)
        return None


@role_required(*CONSOLE)
@require_POST
def contactmoment_registreren(request: HttpRequest, klant_id: int) -> HttpResponse:
    klant = klanten_selectors.klant_get_for_medewerker(
        klant_id=klant_id, medewerker=request.user, scherm="console/klantbeeld"
    )
    if request.POST.get("actie") == "vraag_toevoegen":
        form, vragen = _met_extra_vraag(request.POST, klant)
    else:
        form, vragen = (
            ContactmomentForm(request.POST, klant=klant),
            VraagFormSet(request.POST, prefix="vragen"),
        )
        contactmoment = _registreer(request, klant=klant, form=form, vragen=vragen)
        if contactmoment is not None:
            tekst = "Het contact is geregistreerd."
            if contactmoment.resultaat == contactmoment.Resultaat.CONTACTVERZOEK:
                tekst = "Het contact is geregistreerd en het contactverzoek is doorgezet."
            messages.success(request, tekst)
            return redirect(f"/console/klanten/{klant.pk}/#tijdlijn")
    context = klantbeeld_context(request, klant, form=form, vragen=vragen)
    return render(request, "console/klanten/klantbeeld.html", context)


@role_required(*CONSOLE)
def anoniem_contact(request: HttpRequest) -> HttpResponse:
    """Register a contact without a known klant (optional contact details)."""
    if request.method == "POST":
        anoniem = AnoniemForm(request.POST)
        if request.POST.get("actie") == "vraag_toevoegen":
            form, vragen = _met_extra_vraag(request.POST, None)
        else:
            form, vragen = (
                ContactmomentForm(request.POST),
                VraagFormSet(request.POST, prefix="vragen"),
            )
            if _registreer(request, klant=None, form=form, vragen=vragen, anoniem=anoniem):
                messages.success(request, "Het anonieme contact is geregistreerd.")
                return redirect("console:start")
    else:
        form, vragen = nieuw_formulier(
            kanaal_code=request.GET.get("kanaal", "telefoon"),
            telefoongesprek_id=als_id(request.GET.get("telefoongesprek")),
        )
        anoniem = AnoniemForm()
    gekozen_onderwerpen(vragen)
    context = {"form": form, "vragen": vragen, "anoniem": anoniem}
    context.update(
        kennisbank_context(
            q=request.GET.get("kq", "").strip()[:200], doel=f"vragen-{len(vragen.forms) - 1}"
        )
    )
    return render(request, "console/contact/anoniem.html", context)


class KennisbankForm(django_forms.Form):
    kq = django_forms.CharField(label="Zoek in de kennisbank", max_length=200, required=False)
    doel = django_forms.RegexField(regex=r"^vragen-\d{1,2}$", required=False)


@role_required(*CONSOLE)
def kennisbank(request: HttpRequest) -> HttpResponse:
    """The kennisbank panel: products and VACs matching the words, to pick for a question."""
    form = KennisbankForm(request.GET)
    valid = form.is_valid()
    q = form.cleaned_data.get("kq", "").strip() if valid else ""
    doel = (form.cleaned_data.get("doel") if valid else "") or "vragen-0"
    return render(request, "console/contact/_kennisbank.html", kennisbank_context(q=q, doel=doel))


# --- Backoffice: contactverzoeken of the medewerker's afdelingen ------------------------


class PogingForm(django_forms.Form):
    uitkomst = django_forms.ChoiceField(
        label="Uitkomst",
        choices=ContactverzoekPoging.Uitkomst.choices,
        widget=django_forms.RadioSelect,
    )
    notitie = django_forms.CharField(
        label="Notitie",
        required=False,
        widget=django_forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 2}
        ),
    )


class AfhandelForm(django_forms.Form):
    antwoord = django_forms.CharField(
        label="Wat heeft u met de klant besproken?",
        widget=django_forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
        ),
    )


BACKOFFICE = (roles.BACKOFFICE_MEDEWERKER,)
LIJST_MAX = 200


@role_required(*BACKOFFICE)
def contactverzoek_lijst(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in ("open", *Contactverzoek.Status.values):
        status = "open"
    verzoeken = selectors.contactverzoeken_tonen(
        verzoeken=selectors.contactverzoeken_voor_medewerker(
            medewerker=request.user, status=status, alleen_eigen_afdelingen=True
        )[:LIJST_MAX],
        medewerker=request.user,
        scherm="backoffice/contactverzoeken",
    )
    return render(
        request,
        "backoffice/contactverzoeken/lijst.html",
        {
            "verzoeken": verzoeken,
            "status": status,
            "statussen": Contactverzoek.Status.choices,
        },
    )


@role_required(*BACKOFFICE)
def contactverzoek_detail(request: HttpRequest, contactverzoek_id: int) -> HttpResponse:
    cv = selectors.contactverzoek_get_for_medewerker(
        contactverzoek_id=contactverzoek_id,
        medewerker=request.user,
        scherm="backoffice/contactverzoek",
    )
    poging_form, afhandel_form = PogingForm(prefix="poging"), AfhandelForm(prefix="afhandelen")
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "poging":
                poging_form = PogingForm(request.POST, prefix="poging")
                if poging_form.is_valid():
                    services.contactverzoek_poging_registreren(
                        contactverzoek=cv, medewerker=request.user, **poging_form.cleaned_data
                    )
                    messages.success(request, "De poging is vastgelegd.")
                    return redirect("backoffice:contactverzoeken:detail", contactverzoek_id=cv.pk)
            elif actie == "afhandelen":
                afhandel_form = AfhandelForm(request.POST, prefix="afhandelen")
                if afhandel_form.is_valid():
                    services.contactverzoek_afhandelen(
                        contactverzoek=cv,
                        medewerker=request.user,
                        antwoord=afhandel_form.cleaned_data["antwoord"],
                    )
                    messages.success(
                        request, "Het contactverzoek is afgehandeld en het contact vastgelegd."
                    )
                    return redirect("backoffice:contactverzoeken:lijst")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return render(
        request,
        "backoffice/contactverzoeken/detail.html",
        {"cv": cv, "poging_form": poging_form, "afhandel_form": afhandel_form},
    )
