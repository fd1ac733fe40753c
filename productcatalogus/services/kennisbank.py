"""Writes of the kennisbank: VACs (with their append-only history) and synonyms."""

from __future__ import annotations

import datetime
from typing import Any

import nh3
from django.db import transaction
from django.utils.text import slugify

from kcc.accounts.models import User
from productcatalogus.models import VAC, Afdeling, Product, Synoniem, VACVersie

# HTML an answer may contain: structure and emphasis, links; nothing that runs or styles.
ANTWOORD_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "abbr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ANTWOORD_ATTRIBUTEN = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}

VAC_VELDEN = (
    "vraag",
    "antwoord",
    "trefwoorden",
    "voor_burger",
    "voor_bedrijf",
    "openbaar",
    "geldig_tot",
    "afdeling",
)
FOUT_ONBEKEND_VELD = "Onbekend veld voor een VAC: {veld}."


def antwoord_opschonen(html: str) -> str:
    """Sanitise answer HTML: allowed tags only, links get rel=noopener."""
    return nh3.clean(
        html,
        tags=ANTWOORD_TAGS,
        attributes=ANTWOORD_ATTRIBUTEN,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
    ).strip()


def unieke_slug(model, tekst: str, *, behalve_pk: int | None = None, max_lengte: int = 200) -> str:
    basis = slugify(tekst)[: max_lengte - 5].strip("-") or "item"
    slug, n = basis, 2
    bestaand = model.objects.exclude(pk=behalve_pk) if behalve_pk else model.objects.all()
    while bestaand.filter(slug=slug).exists():
        slug, n = f"{basis}-{n}", n + 1
    return slug


def _waarde(vac: VAC, veld: str) -> Any:
    waarde = getattr(vac, veld)
    if isinstance(waarde, Afdeling):
        return waarde.pk
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return waarde


def _inhoud(vac: VAC) -> dict[str, Any]:
    inhoud = {veld: _waarde(vac, veld) for veld in VAC_VELDEN}
    inhoud["producten"] = sorted(vac.producten.values_list("pk", flat=True))
    return inhoud


def _versie_schrijven(*, vac: VAC, door: User | None, wijzigingen: dict[str, list]) -> VACVersie:
    laatste = vac.versies.order_by("-versie").values_list("versie", flat=True).first() or 0
    return VACVersie.objects.create(
        vac=vac,
        versie=laatste + 1,
        gewijzigd_door=door,
        wijzigingen=wijzigingen,
        inhoud=_inhoud(vac),
    )


@transaction.atomic
def vac_create(
    *,
    vraag: str,
    antwoord: str,
    afdeling: Afdeling,
    door: User | None,
    trefwoorden: str = "",
    producten: list[Product] | None = None,
    voor_burger: bool = True,
    voor_bedrijf: bool = False,
    openbaar: bool = True,
    geldig_tot: datetime.date | None = None,
    slug: str | None = None,
) -> VAC:
    vac = VAC(
        vraag=vraag.strip(),
        slug=slug or unieke_slug(VAC, vraag),
        antwoord=antwoord_opschonen(antwoord),
        afdeling=afdeling,
        trefwoorden=trefwoorden,
        voor_burger=voor_burger,
        voor_bedrijf=voor_bedrijf,
        openbaar=openbaar,
        geldig_tot=geldig_tot,
    )
    vac.full_clean()
    vac.save()
    if producten:
        vac.producten.set(producten)
    inhoud = _inhoud(vac)
    _versie_schrijven(
        vac=vac, door=door, wijzigingen={veld: [None, w] for veld, w in inhoud.items()}
    )
    return vac


@transaction.atomic
def vac_update(
    *,
    vac: VAC,
    door: User | None,
    producten: list[Product] | None = None,
    **velden: Any,
) -> VAC:
    """Change a VAC and append a version with exactly what changed; no change, no version."""
    for veld in velden:
        if veld not in VAC_VELDEN:
            raise ValueError(FOUT_ONBEKEND_VELD.format(veld=veld))
    vac = VAC.objects.select_for_update().get(pk=vac.pk)
    voor = _inhoud(vac)
    if "antwoord" in velden:
        velden["antwoord"] = antwoord_opschonen(velden["antwoord"])
    for veld, waarde in velden.items():
        setattr(vac, veld, waarde)
    vac.full_clean()
    vac.save()
    if producten is not None:
        vac.producten.set(producten)
    na = _inhoud(vac)
    wijzigingen = {veld: [voor[veld], na[veld]] for veld in na if voor[veld] != na[veld]}
    if wijzigingen:
        _versie_schrijven(vac=vac, door=door, wijzigingen=wijzigingen)
    return vac


def synoniem_opslaan(*, term: str, synoniemen: list[str]) -> Synoniem:
    woorden = ", ".join(dict.fromkeys(w.strip().lower() for w in synoniemen if w.strip()))
    obj, _ = Synoniem.objects.update_or_create(
        term=term.strip().lower(), defaults={"synoniemen": woorden}
    )
    return obj
