"""Writes of the catalogue and kennisbank (HackSoft style: ``<entity>_<action>(*, ...)``)."""

from productcatalogus.services.kennisbank import (
    antwoord_opschonen,
    synoniem_opslaan,
    unieke_slug,
    vac_create,
    vac_update,
)
from productcatalogus.services.producten import (
    levensgebeurtenis_componenten_vastleggen,
    product_create,
    product_statustypen_vastleggen,
    product_update,
)
from productcatalogus.services.upl import ImportResultaat, UplImportFout, upl_importeren

__all__ = [
    "ImportResultaat",
    "UplImportFout",
    "antwoord_opschonen",
    "levensgebeurtenis_componenten_vastleggen",
    "product_create",
    "product_statustypen_vastleggen",
    "product_update",
    "synoniem_opslaan",
    "unieke_slug",
    "upl_importeren",
    "vac_create",
    "vac_update",
]
