"""Backoffice pages: the werkvoorraad of one's afdelingen and the zaak detail with its actions."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kcc.accounts import roles
from kcc.core.jinja2 import rijen
from kcc.core.permissions import role_required
from kcc.normen.selectors import signaleringen_voor_medewerker, signaleringen_voor_zaak
from productcatalogus.models import Statustype
from zaken import forms, selectors
from zaken.errors import ZaakFout
from zaken.models import Informatieverzoek, Zaak
from zaken.services import zaken as services

BACKOFFICE = roles.BACKOFFICE_MEDEWERKER


@role_required(BACKOFFICE)
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    tabs = dict(selectors.TABS)
    tab = request.GET.get("tab", selectors.TAB_ONGECLAIMD)
    if tab not in tabs:
        tab = selectors.TAB_ONGECLAIMD
    # The page shows the afdelingen: read them first, their ids come with them.
    afdelingen = selectors.medewerker_afdelingen(request.user)
    filters = forms.WerkvoorraadFilterForm(
        request.GET or None, afdeling_ids=[afdeling.pk for afdeling in afdelingen]
    )
    product = status = None
    if filters.is_valid():
        product = filters.cleaned_data["product"]
        status = filters.cleaned_data["status"]
    aantallen = selectors.werkvoorraad_aantallen(medewerker=request.user)
    pagina = selectors.werkvoorraad_pagina(
        medewerker=request.user,
        pagina=request.GET.get("pagina"),
        # Without a filter the list is exactly the tab, whose count is known.
        aantal=None if product or status else aantallen[tab],
        tab=tab,
        product_id=product.pk if product else None,
        status_id=status.pk if status else None,
    )
    # Contactverzoeken have their own list; on this tab their signals are shown too.
    andere_signaleringen = (
        signaleringen_voor_medewerker(medewerker=request.user, zaken=False)
        if tab == selectors.TAB_SIGNALERINGEN
        else []
    )
    return render(
        request,
        "backoffice/werkvoorraad.html",
        {
            "tab": tab,
            "tab_naam": tabs[tab],
            "tabs": [(code, naam, aantallen[code]) for code, naam in selectors.TABS],
            "filters": filters,
            "pagina": pagina,
            "zaken": pagina.object_list,
            "rijen": rijen(
                "backoffice/werkvoorraad_rijen.html",
                zaken=pagina.object_list,
                user_pk=request.user.pk,
            ),
            "vandaag": selectors.vandaag(),
            "afdelingen": afdelingen,
            "filter_query": _filter_query(request),
            "andere_signaleringen": andere_signaleringen,
        },
    )


def _filter_query(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    params.pop("tab", None)
    return params.urlencode()


def _zaak(request: HttpRequest, identificatie: str) -> Zaak:
    zaak = selectors.zaak_get_voor_gebruiker(user=request.user, id=identificatie)
    if zaak.is_hoofdzaak:
        raise Http404("Een hoofdzaak staat in de KCC-console.")
    return zaak


def _detail(
    request: HttpRequest,
    zaak: Zaak,
    *,
    fout: str = "",
    status: int = 200,
    **bound,
) -> HttpResponse:
    klant = selectors.klant_voor_zaak(
        zaak=zaak, medewerker=request.user, scherm="backoffice zaakdetail"
    )
    open_verzoek = next((v for v in zaak.informatieverzoeken.all() if v.is_open), None)
    context = {
        "zaak": zaak,
        "klant": klant,
        "fout": fout,
        "is_behandelaar": zaak.behandelaar_id == request.user.pk,
        # The service decides; the form is only offered where it can succeed.
        "mag_overdragen": zaak.behandelaar_id in (None, request.user.pk)
        or request.user.has_role(roles.TEAMLEIDER),
        "historie": selectors.zaak_historie(zaak=zaak),
        "notities": zaak.notities.select_related("auteur").order_by("-aangemaakt_op", "-id"),
        "documenten": zaak.documenten.order_by("-toegevoegd_op", "-id"),
        "informatieverzoeken": zaak.informatieverzoeken.order_by("-gevraagd_op", "-id"),
        "open_verzoek": open_verzoek,
        "signaleringen": signaleringen_voor_zaak(zaak=zaak),
        "antwoorden": selectors.zaak_antwoorden(zaak=zaak),
        "status_form": bound.get("status_form")
        or forms.StatusForm(product_id=zaak.product_id, prefix="status"),
        "overdragen_form": bound.get("overdragen_form")
        or forms.OverdragenForm(huidige_afdeling_id=zaak.afdeling_id, prefix="overdragen"),
        "informatie_form": bound.get("informatie_form") or forms.InformatieForm(prefix="info"),
        "antwoord_form": bound.get("antwoord_form") or forms.AntwoordForm(prefix="antwoord"),
        "verlengen_form": bound.get("verlengen_form") or forms.VerlengenForm(prefix="verlengen"),
        "notitie_form": bound.get("notitie_form") or forms.NotitieForm(prefix="notitie"),
        "document_form": bound.get("document_form") or forms.DocumentForm(prefix="document"),
        "afsluiten_form": bound.get("afsluiten_form") or forms.AfsluitenForm(prefix="afsluiten"),
    }
    return render(request, "backoffice/zaak_detail.html", context, status=status)


@role_required(BACKOFFICE)
def zaak_detail(request: HttpRequest, identificatie: str) -> HttpResponse:
    return _detail(request, _zaak(request, identificatie))


def _uitvoeren(request, zaak, actie, succes: str, **bound) -> HttpResponse:
    """Run a service call; on a refusal show the detail page again with the Dutch message."""
    try:
        actie()
    except ZaakFout as exc:
        zaak = _zaak(request, zaak.identificatie)
        return _detail(request, zaak, fout=exc.message, status=exc.status_code, **bound)
    messages.success(request, succes)
    return redirect("backoffice:zaken:detail", identificatie=zaak.identificatie)


@role_required(BACKOFFICE)
@require_POST
def zaak_claimen(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_claim(zaak=zaak, medewerker=request.user),
        "U heeft de zaak opgepakt.",
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_vrijgeven(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_vrijgeven(zaak=zaak, medewerker=request.user),
        "De zaak staat weer in de werkvoorraad van de afdeling.",
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_overdragen(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.OverdragenForm(
        request.POST, huidige_afdeling_id=zaak.afdeling_id, prefix="overdragen"
    )
    if not form.is_valid():
        return _detail(request, zaak, status=400, overdragen_form=form)
    naar = form.cleaned_data["afdeling"]
    response = _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_overdragen(
            zaak=zaak, naar_afdeling=naar, reden=form.cleaned_data["reden"], medewerker=request.user
        ),
        f"De zaak is overgedragen aan {naar.naam}.",
        overdragen_form=form,
    )
    if response.status_code == 302:
        # The zaak left our afdeling: back to the werkvoorraad.
        return redirect("backoffice:start")
    return response


@role_required(BACKOFFICE)
@require_POST
def zaak_status(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.StatusForm(request.POST, product_id=zaak.product_id, prefix="status")
    if not form.is_valid():
        return _detail(request, zaak, status=400, status_form=form)
    statustype: Statustype = form.cleaned_data["statustype"]
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_status_zetten(
            zaak=zaak,
            statustype=statustype,
            medewerker=request.user,
            toelichting=form.cleaned_data["toelichting"],
        ),
        f"De status is nu: {statustype.naam}.",
        status_form=form,
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_informatie(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.InformatieForm(request.POST, prefix="info")
    if not form.is_valid():
        return _detail(request, zaak, status=400, informatie_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_informatie_vragen(
            zaak=zaak, vraag=form.cleaned_data["vraag"], medewerker=request.user
        ),
        "De vraag is naar de klant gestuurd. De termijn staat stil.",
        informatie_form=form,
    )


@role_required(BACKOFFICE)
@require_POST
def informatie_beantwoorden(request: HttpRequest, identificatie: str, pk: int) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    verzoek = Informatieverzoek.objects.filter(zaak=zaak, pk=pk).first()
    if verzoek is None:
        raise Http404("Vraag niet gevonden.")
    form = forms.AntwoordForm(request.POST, prefix="antwoord")
    if not form.is_valid():
        return _detail(request, zaak, status=400, antwoord_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.informatieverzoek_beantwoorden(
            informatieverzoek=verzoek,
            antwoord=form.cleaned_data["antwoord"],
            medewerker=request.user,
        ),
        "Het antwoord is vastgelegd. De termijn loopt weer.",
        antwoord_form=form,
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_verlengen(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.VerlengenForm(request.POST, prefix="verlengen")
    if not form.is_valid():
        return _detail(request, zaak, status=400, verlengen_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_verlengen(
            zaak=zaak,
            werkdagen=form.cleaned_data["werkdagen"],
            reden=form.cleaned_data["reden"],
            medewerker=request.user,
        ),
        "De termijn is verlengd. De klant krijgt bericht.",
        verlengen_form=form,
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_notitie(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.NotitieForm(request.POST, prefix="notitie")
    if not form.is_valid():
        return _detail(request, zaak, status=400, notitie_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_notitie_toevoegen(
            zaak=zaak, tekst=form.cleaned_data["tekst"], medewerker=request.user
        ),
        "De notitie is opgeslagen.",
        notitie_form=form,
    )


@role_required(BACKOFFICE)
@require_POST
def zaak_document(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.DocumentForm(request.POST, request.FILES, prefix="document")
    if not form.is_valid():
        return _detail(request, zaak, status=400, document_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_document_toevoegen(
            zaak=zaak, bestand=form.cleaned_data["bestand"], medewerker=request.user
        ),
        "Het document is toegevoegd.",
        document_form=form,
    )


@role_required(BACKOFFICE)
def document_downloaden(request: HttpRequest, identificatie: str, pk: int) -> FileResponse:
    zaak = _zaak(request, identificatie)
    document = zaak.documenten.filter(pk=pk).first()
    if document is None:
        raise Http404("Document niet gevonden.")
    response = FileResponse(
        document.bestand.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.naam,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@role_required(BACKOFFICE)
@require_POST
def zaak_afsluiten(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak(request, identificatie)
    form = forms.AfsluitenForm(request.POST, prefix="afsluiten")
    if not form.is_valid():
        return _detail(request, zaak, status=400, afsluiten_form=form)
    return _uitvoeren(
        request,
        zaak,
        lambda: services.zaak_afsluiten(
            zaak=zaak, resultaat=form.cleaned_data["resultaat"], medewerker=request.user
        ),
        "De zaak is afgehandeld.",
        afsluiten_form=form,
    )
