"""The kennisbank panel next to the registration form: search and what was chosen."""

from __future__ import annotations

from html import unescape

from django.utils.html import strip_tags

from klanten.validators import als_id

KENNISBANK_MAX = 8


def platte_tekst(html: str) -> str:
    tekst = strip_tags(
        html.replace("</p>", "</p>\n").replace("<br>", "\n").replace("</li>", "</li>\n")
    )
    regels = [" ".join(r.split()) for r in unescape(tekst).splitlines()]
    return "\n".join(r for r in regels if r)


def kennisbank_context(*, q: str, doel: str) -> dict:
    """Products and VACs matching ``q`` (internal VACs included: staff only)."""
    from productcatalogus.models import VAC
    from productcatalogus.selectors import catalogus_zoeken

    resultaten = []
    if q:
        resultaten = [
            r
            for r in catalogus_zoeken(q=q, alleen_openbaar=False, limit=20)
            if r.type in ("vac", "product")
        ][:KENNISBANK_MAX]
    vac_ids = [r.id for r in resultaten if r.type == "vac"]
    vacs = {
        pk: (vraag, platte_tekst(antwoord))
        for pk, vraag, antwoord in VAC.objects.filter(pk__in=vac_ids).values_list(
            "pk", "vraag", "antwoord"
        )
    }
    return {
        "kq": q,
        "doel": doel,
        "kennisbank_gezocht": bool(q),
        "kennisbank": [
            {
                "type": r.type,
                "id": r.id,
                "titel": r.titel,
                "samenvatting": r.samenvatting,
                "vraag": vacs.get(r.id, ("", ""))[0] if r.type == "vac" else "",
                "antwoord": vacs.get(r.id, ("", ""))[1] if r.type == "vac" else "",
            }
            for r in resultaten
        ],
    }


def gekozen_onderwerpen(vragen) -> None:
    """Mark each question form with the VAC/product chosen for it (re-rendering after errors)."""
    from productcatalogus.models import VAC, Product

    if not vragen.is_bound and not vragen.initial:
        return
    keuzes = []
    for f in vragen.forms:
        bron = f.data if f.is_bound else (f.initial or {})
        prefix = f"{f.prefix}-" if f.is_bound else ""
        keuzes.append((f, als_id(bron.get(f"{prefix}vac")), als_id(bron.get(f"{prefix}product"))))
    vac_titels = dict(
        VAC.objects.filter(pk__in={v for _, v, _ in keuzes if v}).values_list("pk", "vraag")
    )
    product_namen = dict(
        Product.objects.filter(pk__in={p for _, _, p in keuzes if p}).values_list("pk", "naam")
    )
    for f, vac, product in keuzes:
        f.gekozen_vac = (vac, vac_titels[vac]) if vac in vac_titels else None
        f.gekozen_product = (product, product_namen[product]) if product in product_namen else None
