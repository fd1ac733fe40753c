from zaken.models.aanvragen import Aanvraag
from zaken.models.outbox import ExterneKoppeling, OutboxAflevering, OutboxBericht
from zaken.models.zaken import (
    Informatieverzoek,
    Zaak,
    ZaakDocument,
    ZaakNotitie,
    ZaakStatus,
    ZaakTeller,
)

__all__ = [
    "Aanvraag",
    "ExterneKoppeling",
    "Informatieverzoek",
    "OutboxAflevering",
    "OutboxBericht",
    "Zaak",
    "ZaakDocument",
    "ZaakNotitie",
    "ZaakStatus",
    "ZaakTeller",
]
