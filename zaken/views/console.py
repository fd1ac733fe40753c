"""Console pages: a KCC-medewerker starts an aanvraag for a klant; KCC regie on hoofdzaken."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kcc.accounts import roles
from kcc.core.permissions import role_required
from klanten.selectors import klant_get_for_medewerker
from productcatalogus.models import Levensgebeurtenis, Product
from zaken import forms, selectors
from zaken.errors import ZaakFout
from zaken.models import Aanvraag, Zaak
from zaken.services.aanvragen import aanvraag_concept_opslaan, aanvraag_indienen
from zaken.services.intake import brp_waarde, componenten, intake_vragen
from zaken.services.zaken import hoofdzaak_aanspreekpunt_wijzigen

KCC = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


def _klant(request: HttpRequest, klant_id: int, scherm: str):
    return klant_get_for_medewerker(klant_id=klant_id, medewerker=request.user, scherm=scherm)


@role_required(roles.KCC_MEDEWERKER)
def aanvraag_kiezen(request: HttpRequest, klant_id: int) -> HttpResponse:
    """Choose a life event, or search and tick one or more products (a page at a time).

    The ticked products travel along in the query string, so a medewerker can search
    again and add more; "Verder" submits the same form to the intake.
    """
    klant = _klant(request, klant_id, "console aanvraag starten")
    form = forms.ProductKiezenForm(request.GET or None)
    zoekterm, gekozen_ids = "", []
    if form.is_valid():
        zoekterm = form.cleaned_data["zoek"]
        gekozen_ids = form.cleaned_data["product"]
    keuze = selectors.producten_kiezen(
        zoekterm=zoekterm, gekozen_ids=gekozen_ids, pagina=request.GET.get("pagina")
    )
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "console/zaken/aanvraag_kiezen.html",
        {
            "klant": klant,
            "form": form,
            "zoekterm": zoekterm,
            "gekozen": keuze.gekozen,
            "pagina": keuze.pagina,
            "producten": keuze.pagina.object_list,
            "pagina_query": params.urlencode(),
            "levensgebeurtenissen": Levensgebeurtenis.objects.filter(actief=True).order_by("naam"),
            "concepten": selectors.aanvraag_concepten(klant=klant),
        },
        status=200 if form.is_valid() or not request.GET else 400,
    )


def _onderwerp(request: HttpRequest, aanvraag: Aanvraag | None):
    """(product, levensgebeurtenis, producten) of this intake: one of the three is set.

    From the concept, or the query string: one ``product`` is a single aanvraag, two or
    more a multi-product aanvraag.
    """
    if aanvraag is not None:
        producten = (
            list(aanvraag.producten.select_related("organisatie", "afdeling").order_by("naam"))
            if aanvraag.meer_producten
            else None
        )
        return aanvraag.product, aanvraag.levensgebeurtenis, producten
    product_ids = {selectors.als_id(waarde) for waarde in request.GET.getlist("product")}
    lg_id = selectors.als_id(request.GET.get("levensgebeurtenis"))
    if product_ids and None not in product_ids:
        gevonden = list(
            Product.objects.filter(pk__in=product_ids, actief=True)
            .select_related("organisatie", "afdeling")
            .order_by("naam")
        )
        if len(gevonden) == len(product_ids):
            if len(gevonden) == 1:
                return gevonden[0], None, None
            return None, None, gevonden
    elif lg_id is not None and not product_ids:
        lg = Levensgebeurtenis.objects.filter(pk=lg_id, actief=True).first()
        if lg:
            return None, lg, None
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
    product, levensgebeurtenis, producten = _onderwerp(request, aanvraag)
    onderdelen = componenten(levensgebeurtenis) if levensgebeurtenis else []
    vragen = intake_vragen(product=product, onderdelen=onderdelen, producten=producten)
    bekend = []
    te_vragen = []
    for vraag in vragen:
        waarde = brp_waarde(klant, vraag.brp_veld)
        if waarde is not None:
            bekend.append((vraag, waarde))
        else:
            te_vragen.append(vraag)
    if product is not None:
        onvoorwaardelijk = {product.pk}
    elif producten is not None:
        onvoorwaardelijk = {p.pk for p in producten}
    else:
        onvoorwaardelijk = {o.product_id for o in onderdelen if not o.voorwaarde_code}
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
                    producten=producten,
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
                    producten=producten,
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
            "producten": producten,
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
    aanvraag, zaken = selectors.aanvraag_get_voor_medewerker(
        medewerker=request.user, aanvraag_id=aanvraag_id, scherm="console aanvraag ingediend"
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


def _zaak_pagina(
    request: HttpRequest, zaak: Zaak, *, form=None, fout: str = "", status: int = 200
) -> HttpResponse:
    hoofdzaak = zaak if zaak.is_hoofdzaak else zaak.hoofdzaak
    deelzaken = list(selectors.hoofdzaak_deelzaken(hoofdzaak=hoofdzaak)) if hoofdzaak else []
    voortgang = selectors.hoofdzaak_voortgang(hoofdzaak=hoofdzaak) if hoofdzaak else None
    klant = selectors.klant_voor_zaak(zaak=zaak, medewerker=request.user, scherm="console zaak")
    if (
        form is None
        and zaak.is_hoofdzaak
        and zaak.is_open
        and request.user.has_role(roles.TEAMLEIDER)
    ):
        form = forms.AanspreekpuntForm(initial={"aanspreekpunt": zaak.aanspreekpunt_id})
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
            "aanspreekpunt_form": form,
            "fout": fout,
        },
        status=status,
    )


@role_required(*KCC)
def zaak_regie(request: HttpRequest, identificatie: str) -> HttpResponse:
    """A zaak as the KCC sees it; for a hoofdzaak the deelzaken and their progress."""
    zaak = selectors.zaak_get_voor_gebruiker(user=request.user, id=identificatie)
    return _zaak_pagina(request, zaak)


@role_required(roles.TEAMLEIDER)
@require_POST
def zaak_aanspreekpunt(request: HttpRequest, identificatie: str) -> HttpResponse:
    """A teamleider names the hoofdzaak's aanspreekpunt for the citizen."""
    zaak = selectors.zaak_get_voor_gebruiker(user=request.user, id=identificatie)
    form = forms.AanspreekpuntForm(request.POST)
    if not form.is_valid():
        return _zaak_pagina(request, zaak, form=form, status=400)
    try:
        hoofdzaak_aanspreekpunt_wijzigen(
            hoofdzaak=zaak,
            aanspreekpunt=form.cleaned_data["aanspreekpunt"],
            medewerker=request.user,
        )
    except ZaakFout as exc:
        return _zaak_pagina(request, zaak, form=form, fout=exc.message, status=exc.status_code)
    messages.success(request, "Het aanspreekpunt is gewijzigd.")
    return redirect("console:zaken:zaak", identificatie=zaak.identificatie)
