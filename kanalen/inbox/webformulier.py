"""'Stel een vraag': the web form on the public site and in the portal."""

from __future__ import annotations

import logging

from django.core.cache import cache

from kanalen.codes import KanaalCode
from kanalen.inbox.models import InkomendBericht
from kanalen.inbox.services import BerichtInvoer, inkomend_bericht_aanmaken
from klanten.models import Klant

logger = logging.getLogger(__name__)

TE_VAAK = (
    "U heeft al veel vragen gestuurd. Wacht een uur en probeer het dan opnieuw, of bel ons. "
    "Uw eerdere vragen hebben wij ontvangen."
)
LIMIET_PER_ADRES = 5
LIMIET_PER_IP = 20
PERIODE_SECONDEN = 3600


def _tel(sleutel: str) -> int:
    if cache.add(sleutel, 1, PERIODE_SECONDEN):
        return 1
    try:
        return cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.add(sleutel, 1, PERIODE_SECONDEN)
        return 1


def limiet_bereikt(*, email: str, ip: str) -> bool:
    """Count one question for this address and this IP; True when one is over its limit."""
    per_adres = _tel(f"inbox-vraag:adres:{email.lower()}") if email else 0
    per_ip = _tel(f"inbox-vraag:ip:{ip}")
    if per_adres > LIMIET_PER_ADRES or per_ip > LIMIET_PER_IP:
        logger.warning("Webformulier: limiet bereikt voor %s / %s", email, ip)
        return True
    return False


def vraag_stellen(
    *,
    naam: str,
    email: str,
    onderwerp: str,
    vraag: str,
    telefoon: str = "",
    klant: Klant | None = None,
) -> InkomendBericht:
    """A question from the web form becomes an inbox item (answered by e-mail)."""
    return inkomend_bericht_aanmaken(
        invoer=BerichtInvoer(
            kanaal=KanaalCode.WEBFORMULIER,
            onderwerp=onderwerp.strip(),
            tekst=vraag.strip(),
            afzender_naam=naam.strip(),
            afzender_email=email,
            afzender_telefoon=telefoon,
            klant=klant,
        )
    )
