from productcatalogus.models.kennisbank import VAC, Synoniem, VACVersie, Zoekwoord
from productcatalogus.models.organisaties import Afdeling, Organisatie
from productcatalogus.models.producten import (
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    SdgInformatiegebied,
    Statustype,
    UplTerm,
)

__all__ = [
    "VAC",
    "Afdeling",
    "Levensgebeurtenis",
    "LevensgebeurtenisComponent",
    "Organisatie",
    "Product",
    "SdgInformatiegebied",
    "Statustype",
    "Synoniem",
    "Zoekwoord",
    "UplTerm",
    "VACVersie",
]
