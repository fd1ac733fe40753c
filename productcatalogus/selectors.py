"""Reads of the catalogue and kennisbank. Public reads hide what is inactive or internal."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from kcc.core import keuzes
from kcc.core.links import url_sjabloon
from productcatalogus import zoeken
from productcatalogus.models import (
    VAC,
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    SdgInformatiegebied,
    Statustype,
    Synoniem,
)
from productcatalogus.zoeken import Zoekresultaat

DOELGROEPEN = ("burger", "bedrijf")
FOUT_ONBEKENDE_DOELGROEP = "Onbekende doelgroep: kies burger of bedrijf."
ZOEKEN_MAX = 100


def _vandaag() -> datetime.date:
    return timezone.localdate()


def _doelgroep_filter(doelgroep: str | None) -> Q:
    if doelgroep in (None, ""):
        return Q()
    if doelgroep not in DOELGROEPEN:
        raise ValueError(FOUT_ONBEKENDE_DOELGROEP)
    return Q(voor_burger=True) if doelgroep == "burger" else Q(voor_bedrijf=True)


def mag_interne_kennis_zien(user) -> bool:
    """Staff see internal VACs; citizens, businesses and anonymous visitors do not."""
    return bool(user is not None and user.is_authenticated and user.is_medewerker)


# --- Products ------------------------------------------------------------------------------


def product_publiek_qs(*, doelgroep: str | None = None) -> QuerySet[Product]:
    """Active products within their publication window."""
    vandaag = _vandaag()
    return Product.objects.filter(
        Q(actief=True),
        Q(publicatie_vanaf__isnull=True) | Q(publicatie_vanaf__lte=vandaag),
        Q(publicatie_tot__isnull=True) | Q(publicatie_tot__gte=vandaag),
        _doelgroep_filter(doelgroep),
    )


def product_list_publiek(
    *,
    doelgroep: str | None = None,
    thema: str | None = None,
    organisatie: str | None = None,
) -> QuerySet[Product]:
    qs = product_publiek_qs(doelgroep=doelgroep).select_related("organisatie", "afdeling")
    if thema:
        qs = qs.filter(sdg_informatiegebieden__code=thema).distinct()
    if organisatie:
        qs = qs.filter(organisatie__code=organisatie)
    return qs.prefetch_related("sdg_informatiegebieden").order_by("naam")


def _product_pagina(qs: QuerySet[Product]) -> QuerySet[Product]:
    """What the public product page shows: its status types, public VACs, life events."""
    return qs.select_related("organisatie", "afdeling").prefetch_related(
        "sdg_informatiegebieden",
        Prefetch("statustypen", queryset=Statustype.objects.order_by("volgnummer")),
        Prefetch("vacs", queryset=vac_publiek_qs().order_by("vraag")),
        Prefetch(
            "levensgebeurtenissen",
            queryset=Levensgebeurtenis.objects.filter(actief=True).order_by("naam"),
        ),
    )


def product_get_publiek(*, slug: str) -> Product | None:
    return _product_pagina(product_publiek_qs()).filter(slug=slug).first()


def product_get_voor_beheer(*, pk: int) -> Product | None:
    """Any product, also inactive ones: for functioneel beheer and staff screens."""
    return Product.objects.select_related("organisatie", "afdeling").filter(pk=pk).first()


def product_get_voorbeeld(*, pk: int) -> Product | None:
    """Any product (also inactive or unpublished) as its public page would show it; for
    the preview in beheer. ``is_publiek`` tells whether citizens can see it now."""
    product = _product_pagina(Product.objects.all()).filter(pk=pk).first()
    if product is not None:
        product.is_publiek = product_publiek_qs().filter(pk=pk).exists()
    return product


@dataclass(frozen=True)
class Thema:
    code: str
    naam: str
    aantal: int


def thema_list_publiek(*, doelgroep: str | None = None) -> list[Thema]:
    """SDG informatiegebieden that hold at least one public product, with counts."""
    publiek = product_publiek_qs(doelgroep=doelgroep)
    rijen = (
        SdgInformatiegebied.objects.filter(producten__in=publiek)
        .annotate(aantal=Count("producten", filter=Q(producten__in=publiek), distinct=True))
        .order_by("naam", "code")
        .values_list("code", "naam", "thema", "aantal")
    )
    return [Thema(code=code, naam=naam, aantal=n) for code, naam, _, n in rijen]


def thema_get(*, code: str) -> SdgInformatiegebied | None:
    return SdgInformatiegebied.objects.filter(code=code).first()


# --- Life events ---------------------------------------------------------------------------


def levensgebeurtenis_list_publiek(*, doelgroep: str | None = None) -> QuerySet[Levensgebeurtenis]:
    return Levensgebeurtenis.objects.filter(Q(actief=True), _doelgroep_filter(doelgroep)).order_by(
        "naam"
    )


def levensgebeurtenis_componenten_prefetch() -> Prefetch:
    return Prefetch(
        "componenten",
        queryset=LevensgebeurtenisComponent.objects.filter(
            product__in=product_publiek_qs()
        ).select_related("product__organisatie", "product__afdeling"),
    )


def levensgebeurtenis_get_publiek(*, slug: str) -> Levensgebeurtenis | None:
    return (
        levensgebeurtenis_list_publiek()
        .prefetch_related(levensgebeurtenis_componenten_prefetch())
        .filter(slug=slug)
        .first()
    )


def levensgebeurtenis_voorwaarden(*, levensgebeurtenis: Levensgebeurtenis) -> list[tuple[str, str]]:
    """The condition questions of a life event, once each: [(code, vraag), ...]."""
    gezien: dict[str, str] = {}
    for component in levensgebeurtenis.componenten.all():
        if component.voorwaarde_code and component.voorwaarde_code not in gezien:
            gezien[component.voorwaarde_code] = component.voorwaarde_vraag
    return list(gezien.items())


def levensgebeurtenis_producten_bepalen(
    *, levensgebeurtenis: Levensgebeurtenis, antwoorden: Mapping[str, bool]
) -> list[Product]:
    """The products a life event needs, given the yes/no answers to its conditions.

    A component without a condition always applies; one with a condition applies only when
    the answer for its ``voorwaarde_code`` is yes. The order is the components' order.
    """
    return [
        c.product
        for c in levensgebeurtenis.componenten.all()
        if not c.voorwaarde_code or antwoorden.get(c.voorwaarde_code) is True
    ]


# --- VACs ----------------------------------------------------------------------------------


def vac_publiek_qs() -> QuerySet[VAC]:
    vandaag = _vandaag()
    return VAC.objects.filter(
        Q(openbaar=True), Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag)
    )


def vac_list_voor(*, user, doelgroep: str | None = None) -> QuerySet[VAC]:
    """Staff see every VAC that is still valid, internal ones too; others only public VACs."""
    if mag_interne_kennis_zien(user):
        vandaag = _vandaag()
        qs = VAC.objects.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag))
    else:
        qs = vac_publiek_qs()
    return (
        qs.filter(_doelgroep_filter(doelgroep))
        .select_related("afdeling__organisatie")
        .prefetch_related("producten")
        .order_by("vraag")
    )


def vac_get_publiek(*, slug: str) -> VAC | None:
    return vac_publiek_qs().prefetch_related("producten").filter(slug=slug).first()


def vac_get_voor(*, user, pk: int) -> VAC | None:
    return vac_list_voor(user=user).filter(pk=pk).first()


# --- Search --------------------------------------------------------------------------------

_BRONNEN = {
    "product": zoeken.Bron(
        soort="product",
        titel_veld="naam",
        a_velden=["upl_naam", "trefwoorden"],
        b_velden=["samenvatting"],
        velden=("naam", "slug", "samenvatting"),
    ),
    "levensgebeurtenis": zoeken.Bron(
        soort="levensgebeurtenis",
        titel_veld="naam",
        a_velden=["trefwoorden"],
        b_velden=["samenvatting"],
        velden=("naam", "slug", "samenvatting"),
    ),
    "vac": zoeken.Bron(
        soort="vac",
        titel_veld="vraag",
        a_velden=["trefwoorden"],
        b_velden=["antwoord"],
        # The answer for the summary: the search returns at most 50 VACs, a summary is
        # made only for the ones shown.
        velden=("vraag", "slug", "openbaar", "antwoord"),
    ),
}


def _synoniemen_lezen() -> list[tuple[str, list[str]]]:
    return [(s.term, s.woorden) for s in Synoniem.objects.all()]


# Read on every search, changed in beheer a few times a year.
_synoniemen = keuzes.Bewaard("zoeken-synoniemen", _synoniemen_lezen, modellen=(Synoniem,))


def catalogus_zoeken(
    *,
    q: str,
    doelgroep: str | None = None,
    alleen_openbaar: bool = True,
    limit: int = 20,
) -> list[Zoekresultaat]:
    """The one search over products, life events and VACs, best hit first.

    Used identically by the public site, the portal, the console and the API. With
    ``alleen_openbaar=False`` (staff only) internal VACs are included.
    """
    limit = max(1, min(limit, ZOEKEN_MAX))
    vraag = zoeken.zoekvraag_maken(q, _synoniemen())
    if not vraag.tekst:
        return []
    if connection.vendor == "postgresql":
        vraag.correcties = zoeken.correcties(vraag.woorden)
    bronnen = {
        "product": product_publiek_qs(doelgroep=doelgroep),
        "levensgebeurtenis": levensgebeurtenis_list_publiek(doelgroep=doelgroep),
        "vac": (
            vac_publiek_qs()
            if alleen_openbaar
            else VAC.objects.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=_vandaag()))
        ).filter(_doelgroep_filter(doelgroep)),
    }
    # Ranked first, then only the hits shown are made into results (a summary strips the
    # VAC's HTML: not for the candidates that are not shown).
    gerangschikt = [
        (-round(score, 4), soort, getattr(obj, _BRONNEN[soort].titel_veld), obj, score)
        for soort, obj, score in zoeken.kandidaten(
            [(qs, _BRONNEN[soort]) for soort, qs in bronnen.items()], vraag
        )
    ]
    gerangschikt.sort(key=lambda r: r[:3])
    getoond = gerangschikt[:limit]
    # One reverse() per kind of link, not one per hit (kcc.core.links).
    urls = {naam: url_sjabloon(naam) for naam in _ZOEK_URLS}
    return [_resultaat(soort, obj, score, urls) for _, soort, _, obj, score in getoond]


_ZOEK_URLS = (
    "portaal:catalogus:product",
    "portaal:catalogus:levensgebeurtenis",
    "portaal:catalogus:vac",
    "console:kennisbank:vac",
)


def _resultaat(soort: str, obj, score: float, urls: dict) -> Zoekresultaat:
    """``obj``: a model instance (SQLite) or a ``zoeken.Rij`` (PostgreSQL) of a hit."""
    if soort == "vac":
        url = (
            urls["portaal:catalogus:vac"](obj.slug)
            if obj.openbaar
            else urls["console:kennisbank:vac"](obj.pk)
        )
        return Zoekresultaat(
            type=soort,
            id=obj.pk,
            titel=obj.vraag,
            samenvatting=zoeken.samenvatting_uit_html(obj.antwoord),
            url=url,
            score=round(score, 4),
        )
    return Zoekresultaat(
        type=soort,
        id=obj.pk,
        titel=obj.naam,
        samenvatting=obj.samenvatting,
        url=urls[f"portaal:catalogus:{soort}"](obj.slug),
        score=round(score, 4),
    )
