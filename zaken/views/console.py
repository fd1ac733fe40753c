"""Console pages: a KCC-medewerker starts an aanvraag for a klant; KCC regie on hoofdzaken."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kcc.accounts import roles
from kcc.core.permissions import role_required
from klanten.selectors import klant_get_for_medewerker
from productcatalogus.models import Levensgebeurtenis, Product
from zaken import forms, selectors
from zaken.errors import ZaakFout
from zaken.models import Aanvraag, Zaak
from zaken.services.aanvragen import aanvraag_concept_opslaan, aanvraag_indienen
from zaken.services.intake import brp_waarde, componenten, intake_vragen

KCC = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


def _klant(request: HttpRequest, klant_id: int, scherm: str):
    return klant_get_for_medewerker(klant_id=klant_id, medewerker=request.user, scherm=scherm)


@role_required(roles.KCC_MEDEWERKER)
def aanvraag_kiezen(request: HttpRequest, klant_id: int) -> HttpResponse:
    klant = _klant(request, klant_id, "console aanvraag starten")
    return render(
        request,
        "console/zaken/aanvraag_kiezen.html",
        {
            "klant": klant,
            "producten": Product.objects.filter(actief=True)
            .select_related("organisatie")
            .order_by("naam"),
            "levensgebeurtenissen": Levensgebeurtenis.objects.filter(actief=True).order_by("naam"),
            "concepten": Aanvraag.objects.filter(klant=klant, status=Aanvraag.Status.CONCEPT)
            .select_related("product", "levensgebeurtenis")
            .order_by("-gewijzigd_op"),
        },
    )


def _onderwerp(request: HttpRequest, klant, aanvraag: Aanvraag | None):
    """The product or life event of this intake, from the concept or the query string."""
    if aanvraag is not None:
        return aanvraag.product, aanvraag.levensgebeurtenis
    bron = request.POST if request.method == "POST" else request.GET
    product_id = selectors.als_id(bron.get("product") or request.GET.get("product"))
    lg_id = selectors.als_id(bron.get("levensgebeurtenis") or request.GET.get("levensgebeurtenis"))
    if product_id is not None:
        product = (
            Product.objects.filter(pk=product_id, actief=True)
            .select_related("organisatie", "afdeling")
            .first()
        )
        if product:
            return product, None
    if lg_id is not None:
        lg = Levensgebeurtenis.objects.filter(pk=lg_id, actief=True).first()
        if lg:
            return None, lg
    raise Http404("Kies een product of levensgebeurtenis.")


@role_required(roles.KCC_MEDEWERKER)
def aanvraag_intake(request: HttpRequest, klant_id: int) -> HttpResponse:
    klant = _klant(request, klant_id, "console aanvraag intake")
    aanvraag = None
    concept_param = request.GET.get("concept")
    if concept_param:
        concept_id = selectors.als_id(concept_param)
        if concept_id is None:
            raise Http404("Concept niet gevonden.")
        aanvraag = Aanvraag.objects.filter(
            pk=concept_id, klant=klant, status=Aanvraag.Status.CONCEPT
        ).first()
        if aanvraag is None:
            raise Http404("Concept niet gevonden.")
    product, levensgebeurtenis = _onderwerp(request, klant, aanvraag)
    onderdelen = componenten(levensgebeurtenis) if levensgebeurtenis else []
    vragen = intake_vragen(product=product, onderdelen=onderdelen)
    bekend = []
    te_vragen = []
    for vraag in vragen:
        waarde = brp_waarde(klant, vraag.brp_veld)
        if waarde is not None:
            bekend.append((vraag, waarde))
        else:
            te_vragen.append(vraag)
    onvoorwaardelijk = (
        {product.pk} if product else {o.product_id for o in onderdelen if not o.voorwaarde_code}
    )
    verplicht = {v.code for v in te_vragen if v.voorwaarde or onvoorwaardelijk & set(v.product_ids)}
    initial = dict(aanvraag.antwoorden) if aanvraag else {}
    for code, waarde in list(initial.items()):
        if waarde is True:
            initial[code] = "ja"
        elif waarde is False:
            initial[code] = "nee"
    if aanvraag:
        initial["kanaal"] = aanvraag.kanaal
    form = forms.IntakeForm(
        request.POST or None, vragen=te_vragen, verplicht_codes=verplicht, initial=initial
    )
    if request.method == "POST":
        concept = "concept" in request.POST
        if concept:
            form.full_clean()
            antwoorden = {k: request.POST.get(k, "") for k in form.fields if k != "kanaal"}
            kanaal = request.POST.get("kanaal", "telefoon")
            try:
                aanvraag = aanvraag_concept_opslaan(
                    klant=klant,
                    product=product,
                    levensgebeurtenis=levensgebeurtenis,
                    antwoorden=antwoorden,
                    medewerker=request.user,
                    kanaal=kanaal,
                    aanvraag=aanvraag,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "De aanvraag is bewaard als concept.")
                return redirect("console:zaken:aanvraag_kiezen", klant_id=klant.pk)
        elif form.is_valid():
            antwoorden = {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in form.cleaned_data.items()
                if k != "kanaal" and v not in (None, "")
            }
            try:
                aanvraag = aanvraag_indienen(
                    klant=klant,
                    product=product,
                    levensgebeurtenis=levensgebeurtenis,
                    antwoorden={k: str(v) for k, v in antwoorden.items()},
                    medewerker=request.user,
                    kanaal=form.cleaned_data["kanaal"],
                    aanvraag=aanvraag,
                )
            except ValidationError as exc:
                _fouten_in_form(form, exc)
            except ZaakFout as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("console:zaken:aanvraag_bevestiging", aanvraag_id=aanvraag.pk)
    return render(
        request,
        "console/zaken/aanvraag_intake.html",
        {
            "klant": klant,
            "product": product,
            "levensgebeurtenis": levensgebeurtenis,
            "onderdelen": onderdelen,
            "bekend": bekend,
            "form": form,
            "aanvraag": aanvraag,
        },
        status=400 if form.errors else 200,
    )


def _fouten_in_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)


@role_required(*KCC)
def aanvraag_bevestiging(request: HttpRequest, aanvraag_id: int) -> HttpResponse:
    aanvraag = (
        Aanvraag.objects.select_related("klant", "product", "levensgebeurtenis")
        .filter(pk=aanvraag_id, status=Aanvraag.Status.INGEDIEND)
        .first()
    )
    if aanvraag is None:
        raise Http404("Aanvraag niet gevonden.")
    zaken = list(
        aanvraag.zaken.select_related(
            "product", "organisatie", "afdeling", "aanspreekpunt"
        ).order_by("id")
    )
    return render(
        request,
        "console/zaken/aanvraag_bevestiging.html",
        {
            "aanvraag": aanvraag,
            "zaken": zaken,
            "hoofdzaak": next((z for z in zaken if z.soort == Zaak.Soort.HOOFDZAAK), None),
        },
    )


@role_required(*KCC)
def zaak_regie(request: HttpRequest, identificatie: str) -> HttpResponse:
    """A zaak as the KCC sees it; for a hoofdzaak the deelzaken and their progress."""
    zaak = selectors.zaak_get_voor_gebruiker(user=request.user, id=identificatie)
    hoofdzaak = zaak if zaak.is_hoofdzaak else zaak.hoofdzaak
    deelzaken = list(selectors.hoofdzaak_deelzaken(hoofdzaak=hoofdzaak)) if hoofdzaak else []
    voortgang = selectors.hoofdzaak_voortgang(hoofdzaak=hoofdzaak) if hoofdzaak else None
    klant = selectors.klant_voor_zaak(zaak=zaak, medewerker=request.user, scherm="console zaak")
    return render(
        request,
        "console/zaken/zaak.html",
        {
            "zaak": zaak,
            "hoofdzaak": hoofdzaak,
            "deelzaken": deelzaken,
            "voortgang": voortgang,
            "klant": klant,
            "historie": selectors.zaak_historie(zaak=zaak),
            "vandaag": selectors.vandaag(),
        },
    )
