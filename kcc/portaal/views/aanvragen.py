"""Aanvragen in the portal: pick a product or life event, answer, upload, confirm.

A started aanvraag can be saved as a concept (zaken' Aanvraag status "concept") and
finished later. Submitting calls ``zaken.services.aanvragen.aanvraag_indienen``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kcc.portaal import selectors
from kcc.portaal.intake import IntakeForm, intake_indienen, intake_uitleg
from kcc.portaal.permissions import portaal_login_required
from kcc.portaal.ratelimit import rate_limited
from kcc.portaal.services.aanvragen import KANAAL, portaal_concept_opslaan
from kcc.portaal.services.gegevens import portaal_klant_ophalen
from klanten import brp, kvk
from klanten.models import Klant
from productcatalogus import selectors as catalogus
from productcatalogus.models import Levensgebeurtenis, Product
from zaken.models import Aanvraag
from zaken.services.intake import componenten, intake_vragen

CONCEPT_OPGESLAGEN = (
    "Uw aanvraag is bewaard, met de bijlagen die u heeft toegevoegd. U kunt later verder gaan "
    "via Aanvragen. Wij bewaren hem {dagen} dagen na de laatste keer dat u hem bewaarde."
)
GEEN_GEGEVENS = (
    "Wij konden uw gegevens nu niet ophalen, daardoor kunt u nu niets aanvragen. Probeer het "
    "later opnieuw of bel 14 000."
)


def _doelgroep(request) -> str:
    return "bedrijf" if request.user.soort == "ondernemer" else "burger"


@portaal_login_required
def keuze(request: HttpRequest) -> HttpResponse:
    doelgroep = _doelgroep(request)
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    concepten = list(
        Aanvraag.objects.filter(klant_id__in=klant_ids, status=Aanvraag.Status.CONCEPT)
        .select_related("product", "levensgebeurtenis")
        .order_by("-gewijzigd_op", "-id")
    )
    producten = _producten(doelgroep)
    return render(
        request,
        "portaal/aanvragen/keuze.html",
        {
            "levensgebeurtenissen": list(
                catalogus.levensgebeurtenis_list_publiek(doelgroep=doelgroep)
            ),
            "producten": producten,
            "concepten": concepten,
            "bewaardagen": settings.KCC_CONCEPT_BEWAARDAGEN,
        },
    )


def _producten(doelgroep: str) -> list[Product]:
    """Products that can be requested through the web form.

    The channel list is JSON; SQLite has no contains lookup, so it is filtered here.
    """
    qs = (
        catalogus.product_publiek_qs(doelgroep=doelgroep)
        .exclude(soort__in=[Product.Soort.INFORMATIE, Product.Soort.VERPLICHTING])
        .only("naam", "slug", "samenvatting", "kanalen")
        .order_by("naam")
    )
    return [p for p in qs if KANAAL in (p.kanalen or [])]


def _onderwerp(*, product_slug: str | None = None, lg_slug: str | None = None):
    if product_slug:
        product = catalogus.product_get_publiek(slug=product_slug)
        if product is None or KANAAL not in (product.kanalen or []):
            raise Http404("Product niet gevonden.")
        return product, None
    levensgebeurtenis = catalogus.levensgebeurtenis_get_publiek(slug=lg_slug or "")
    if levensgebeurtenis is None:
        raise Http404("Levensgebeurtenis niet gevonden.")
    return None, levensgebeurtenis


@portaal_login_required
@rate_limited("aanvraag", per_minuut=10)
def product(request: HttpRequest, slug: str) -> HttpResponse:
    gekozen, _ = _onderwerp(product_slug=slug)
    return _intake(request, product=gekozen)


@portaal_login_required
@rate_limited("aanvraag", per_minuut=10)
def levensgebeurtenis(request: HttpRequest, slug: str) -> HttpResponse:
    _, gekozen = _onderwerp(lg_slug=slug)
    return _intake(request, levensgebeurtenis=gekozen)


@portaal_login_required
@rate_limited("aanvraag", per_minuut=10)
def concept(request: HttpRequest, pk: int) -> HttpResponse:
    aanvraag = (
        Aanvraag.objects.filter(
            pk=pk,
            klant_id__in=selectors.portaal_klant_ids(user=request.user),
            status=Aanvraag.Status.CONCEPT,
        )
        .select_related("product", "levensgebeurtenis")
        .first()
    )
    if aanvraag is None:
        raise Http404("Aanvraag niet gevonden.")
    return _intake(
        request,
        product=aanvraag.product,
        levensgebeurtenis=aanvraag.levensgebeurtenis,
        aanvraag=aanvraag,
    )


def _intake(
    request,
    *,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    aanvraag: Aanvraag | None = None,
) -> HttpResponse:
    try:
        klant = portaal_klant_ophalen(user=request.user)
    except (ValidationError, brp.BrpFout, kvk.KvkFout, Klant.DoesNotExist):
        messages.error(request, GEEN_GEGEVENS)
        return redirect("portaal:aanvragen")
    onderdelen = componenten(levensgebeurtenis) if levensgebeurtenis is not None else []
    vragen = intake_vragen(product=product, onderdelen=onderdelen)
    uitleg = intake_uitleg(onderdelen)
    bewaard = list(aanvraag.concept_bijlagen.order_by("id")) if aanvraag else []
    kwargs = {"vragen": vragen, "klant": klant, "uitleg": uitleg, "bewaard": bewaard}
    if request.method != "POST":
        form = IntakeForm(antwoorden=aanvraag.antwoorden if aanvraag else None, **kwargs)
        return _render(request, form, product, levensgebeurtenis, onderdelen, aanvraag)

    form = IntakeForm(request.POST, request.FILES, **kwargs)
    if not form.is_valid():
        return _render(request, form, product, levensgebeurtenis, onderdelen, aanvraag, 400)
    if request.POST.get("actie") == "concept":
        portaal_concept_opslaan(
            klant=klant,
            product=product,
            levensgebeurtenis=levensgebeurtenis,
            antwoorden=form.antwoorden(),
            bijlagen=form.cleaned_data["bijlagen"],
            weghalen=form.cleaned_data.get("weghalen"),
            aanvraag=aanvraag,
        )
        messages.success(request, CONCEPT_OPGESLAGEN.format(dagen=settings.KCC_CONCEPT_BEWAARDAGEN))
        return redirect("portaal:aanvragen")
    ingediend = intake_indienen(
        form,
        user=request.user,
        klant=klant,
        product=product,
        levensgebeurtenis=levensgebeurtenis,
        aanvraag=aanvraag,
    )
    if ingediend is not None:
        return redirect("portaal:aanvraag-ontvangen", pk=ingediend.pk)
    return _render(request, form, product, levensgebeurtenis, onderdelen, aanvraag, 400)


def _render(request, form, product, levensgebeurtenis, onderdelen, aanvraag, status=200):
    return render(
        request,
        "portaal/aanvragen/intake.html",
        {
            "form": form,
            "product": product,
            "levensgebeurtenis": levensgebeurtenis,
            "onderdelen": onderdelen,
            "aanvraag": aanvraag,
        },
        status=status,
    )


@portaal_login_required
def ontvangen(request: HttpRequest, pk: int) -> HttpResponse:
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    aanvraag = (
        Aanvraag.objects.filter(pk=pk, klant_id__in=klant_ids, status=Aanvraag.Status.INGEDIEND)
        .select_related("product", "levensgebeurtenis")
        .prefetch_related("zaken__product")
        .first()
    )
    if aanvraag is None:
        raise Http404("Aanvraag niet gevonden.")
    zaken = sorted(aanvraag.zaken.all(), key=lambda z: (z.soort != "hoofdzaak", z.pk))
    selectors.portaal_gelezen(user=request.user, klant_ids=[aanvraag.klant_id], scherm="aanvragen")
    return render(
        request, "portaal/aanvragen/ontvangen.html", {"aanvraag": aanvraag, "zaken": zaken}
    )
