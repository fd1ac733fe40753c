"""Public catalogue pages (no login) and the staff kennisbank in the console."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kcc.accounts import roles
from kcc.core.permissions import public, role_required
from productcatalogus import selectors
from productcatalogus.forms import ZoekForm
from productcatalogus.models.validators import KANAAL_LABELS

PRODUCTEN_PER_PAGINA = 50


def _doelgroep(request: HttpRequest) -> str | None:
    waarde = request.GET.get("doelgroep") or None
    return waarde if waarde in selectors.DOELGROEPEN else None


@public
def catalogus(request: HttpRequest) -> HttpResponse:
    doelgroep = _doelgroep(request)
    thema_code = request.GET.get("thema") or None
    thema = selectors.thema_get(code=thema_code) if thema_code else None
    producten = selectors.product_list_publiek(
        doelgroep=doelgroep, thema=thema.code if thema else None
    )
    pagina = Paginator(producten, PRODUCTEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "catalogus/catalogus.html",
        {
            "form": ZoekForm(),
            "doelgroep": doelgroep,
            "thema": thema,
            "themas": selectors.thema_list_publiek(doelgroep=doelgroep),
            "levensgebeurtenissen": selectors.levensgebeurtenis_list_publiek(doelgroep=doelgroep),
            "pagina": pagina,
        },
    )


@public
def product(request: HttpRequest, slug: str) -> HttpResponse:
    gevonden = selectors.product_get_publiek(slug=slug)
    if gevonden is None:
        raise Http404
    kanalen = [KANAAL_LABELS.get(k, k) for k in gevonden.kanalen]
    context = {"product": gevonden, "kanalen": kanalen, **_regelen(gevonden)}
    return render(request, "catalogus/product.html", context)


def _regelen(product) -> dict[str, bool]:
    """Where the citizen can arrange it from this page: online (the portal's intake, for a
    product that is requested or reported) and by appointment at the desk."""
    return {
        "online_regelen": "webformulier" in product.kanalen
        and product.soort not in (product.Soort.INFORMATIE, product.Soort.VERPLICHTING),
        "balie_afspraak": "balie" in product.kanalen,
    }


VOORBEELD_NIET_ACTIEF = "Dit product staat uit: burgers zien deze pagina niet."
VOORBEELD_NIET_GEPUBLICEERD = (
    "Dit product is nu niet gepubliceerd (zie de publicatiedatums): burgers zien deze pagina niet."
)
VOORBEELD_GEPUBLICEERD = "Dit product is gepubliceerd: burgers zien deze pagina zo."


@role_required(roles.FUNCTIONEEL_BEHEERDER)
def product_voorbeeld(request: HttpRequest, pk: int) -> HttpResponse:
    """Beheer: the public product page of any product, also before it is published."""
    gevonden = selectors.product_get_voorbeeld(pk=pk)
    if gevonden is None:
        raise Http404
    if gevonden.is_publiek:
        melding = VOORBEELD_GEPUBLICEERD
    elif not gevonden.actief:
        melding = VOORBEELD_NIET_ACTIEF
    else:
        melding = VOORBEELD_NIET_GEPUBLICEERD
    kanalen = [KANAAL_LABELS.get(k, k) for k in gevonden.kanalen]
    return render(
        request,
        "catalogus/product.html",
        {"product": gevonden, "kanalen": kanalen, "voorbeeld": melding, **_regelen(gevonden)},
    )


@public
def levensgebeurtenis(request: HttpRequest, slug: str) -> HttpResponse:
    gevonden = selectors.levensgebeurtenis_get_publiek(slug=slug)
    if gevonden is None:
        raise Http404
    return render(request, "catalogus/levensgebeurtenis.html", {"levensgebeurtenis": gevonden})


@public
def vac(request: HttpRequest, slug: str) -> HttpResponse:
    gevonden = selectors.vac_get_publiek(slug=slug)
    if gevonden is None:
        raise Http404
    return render(request, "catalogus/vac.html", {"vac": gevonden})


@public
def zoeken(request: HttpRequest) -> HttpResponse:
    return _zoekpagina(request, "catalogus/zoeken.html", alleen_openbaar=True)


def _zoekpagina(request: HttpRequest, template: str, *, alleen_openbaar: bool) -> HttpResponse:
    form = ZoekForm(request.GET or None)
    resultaten = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        resultaten = selectors.catalogus_zoeken(
            q=form.cleaned_data["q"],
            doelgroep=form.cleaned_data["doelgroep"] or None,
            alleen_openbaar=alleen_openbaar,
        )
    return render(request, template, {"form": form, "resultaten": resultaten})


# --- Console: the kennisbank for staff (internal VACs too) ---------------------------------

KENNISBANK_ROLLEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER, roles.BACKOFFICE_MEDEWERKER)


@role_required(*KENNISBANK_ROLLEN)
def kennisbank_zoeken(request: HttpRequest) -> HttpResponse:
    return _zoekpagina(request, "catalogus/console/zoeken.html", alleen_openbaar=False)


@role_required(*KENNISBANK_ROLLEN)
def kennisbank_vac(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = selectors.vac_get_voor(user=request.user, pk=pk)
    if gevonden is None:
        raise Http404
    versies = gevonden.versies.select_related("gewijzigd_door")[:5]
    return render(request, "catalogus/console/vac.html", {"vac": gevonden, "versies": versies})
