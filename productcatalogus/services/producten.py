"""Writes of the product catalogue: products, their status types and life events."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from productcatalogus.models import (
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    SdgInformatiegebied,
    Statustype,
)
from productcatalogus.services.kennisbank import unieke_slug

PRODUCT_VELDEN = frozenset(
    f.name
    for f in Product._meta.get_fields()
    if getattr(f, "editable", False)
    and not f.auto_created
    and not f.many_to_many
    and f.name not in ("id", "zoekvector", "gewijzigd_op")
)
FOUT_ONBEKEND_PRODUCTVELD = "Onbekend veld voor een product: {veld}."
FOUT_STATUSTYPEN_EINDSTATUS = "De laatste status moet de eindstatus zijn, en alleen die."


def _controleer_velden(velden: dict[str, Any]) -> None:
    for veld in velden:
        if veld not in PRODUCT_VELDEN:
            raise ValueError(FOUT_ONBEKEND_PRODUCTVELD.format(veld=veld))


@transaction.atomic
def product_create(
    *, sdg_informatiegebieden: list[SdgInformatiegebied] | None = None, **velden: Any
) -> Product:
    _controleer_velden(velden)
    if not velden.get("slug"):
        velden["slug"] = unieke_slug(Product, velden.get("naam", ""))
    product = Product(**velden)
    product.full_clean()
    product.save()
    if sdg_informatiegebieden:
        product.sdg_informatiegebieden.set(sdg_informatiegebieden)
    return product


@transaction.atomic
def product_update(
    *,
    product: Product,
    sdg_informatiegebieden: list[SdgInformatiegebied] | None = None,
    **velden: Any,
) -> Product:
    _controleer_velden(velden)
    product = Product.objects.select_for_update().get(pk=product.pk)
    for veld, waarde in velden.items():
        setattr(product, veld, waarde)
    product.full_clean()
    product.save()
    if sdg_informatiegebieden is not None:
        product.sdg_informatiegebieden.set(sdg_informatiegebieden)
    return product


@transaction.atomic
def product_statustypen_vastleggen(
    *, product: Product, statustypen: list[dict[str, Any]]
) -> list[Statustype]:
    """Replace the ordered status types: [{naam, publieke_tekst, informeren}, ...].

    The last one becomes the end status. Existing rows are updated by volgnummer, so zaken
    that point at a status type keep pointing at the same row.
    """
    bestaand = {s.volgnummer: s for s in product.statustypen.all()}
    resultaat = []
    for volgnummer, spec in enumerate(statustypen, start=1):
        waarden = {
            "naam": spec["naam"],
            "publieke_tekst": spec.get("publieke_tekst", ""),
            "informeren": spec.get("informeren", False),
            "is_eindstatus": volgnummer == len(statustypen),
        }
        obj = bestaand.pop(volgnummer, None)
        if obj is None:
            obj = Statustype.objects.create(product=product, volgnummer=volgnummer, **waarden)
        elif any(getattr(obj, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(obj, k, v)
            obj.save()
        resultaat.append(obj)
    Statustype.objects.filter(pk__in=[s.pk for s in bestaand.values()]).delete()
    return resultaat


@transaction.atomic
def levensgebeurtenis_componenten_vastleggen(
    *, levensgebeurtenis: Levensgebeurtenis, componenten: list[dict[str, Any]]
) -> list[LevensgebeurtenisComponent]:
    """Set the components: [{product, voorwaarde_vraag?, voorwaarde_code?}, ...] in order."""
    resultaat = []
    houden = []
    for volgorde, spec in enumerate(componenten, start=1):
        obj, _ = LevensgebeurtenisComponent.objects.update_or_create(
            levensgebeurtenis=levensgebeurtenis,
            product=spec["product"],
            defaults={
                "volgorde": volgorde,
                "voorwaarde_vraag": spec.get("voorwaarde_vraag", ""),
                "voorwaarde_code": spec.get("voorwaarde_code", ""),
            },
        )
        houden.append(obj.pk)
        resultaat.append(obj)
    levensgebeurtenis.componenten.exclude(pk__in=houden).delete()
    return resultaat
