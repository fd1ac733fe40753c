"""What arrives with a message: sender address, HTML, attachments. Checks shared by
every channel (used through ``kanalen.inbox.services``)."""

from __future__ import annotations

from dataclasses import dataclass

import nh3
from django.core.exceptions import ValidationError
from django.db.models import Q

from klanten import validators
from klanten.models import DigitaalAdres, Klant

# Attachments: size and type limits. Larger or other files are refused and listed.
BIJLAGE_MAX_BYTES = 10 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BIJLAGE_TYPES = {
    "application/pdf": (b"%PDF",),
    "image/png": (b"\x89PNG",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "text/plain": (),
    DOCX: (b"PK\x03\x04",),
}
BIJLAGE_TE_GROOT = "groter dan 10 MB"
BIJLAGE_TYPE_NIET_TOEGESTAAN = "bestandstype niet toegestaan (alleen pdf, png, jpeg, txt, docx)"
BIJLAGE_INHOUD_KLOPT_NIET = "inhoud past niet bij het bestandstype"


@dataclass
class BijlageInvoer:
    naam: str
    content_type: str
    inhoud: bytes


# -- sender, sanitising, attachments -------------------------------------------------------


def adres_normaliseren(email: str) -> str:
    """Normalised address, or '' when it is not a valid e-mail address."""
    try:
        return validators.normaliseer_email(email) if email else ""
    except ValidationError:
        return ""


def klant_bij_adres(
    *, email: str = "", telefoon: str = "", alleen_geverifieerd: bool = False
) -> Klant | None:
    """The one Klant with this e-mail address or phone number; None when none or several.

    ``alleen_geverifieerd``: count only addresses the klant proved are theirs.

    A system read (ingestion), not a medewerker's: no Verwerking is written here; the
    medewerker who opens the item is logged by the selector.
    """
    if email:
        q = Q(soort=DigitaalAdres.Soort.EMAIL, waarde__iexact=email)
    elif telefoon:
        q = Q(soort=DigitaalAdres.Soort.TELEFOON, waarde=telefoon)
    else:
        return None
    if alleen_geverifieerd:
        q &= Q(geverifieerd_op__isnull=False)
    ids = set(
        DigitaalAdres.objects.filter(q, klant__samengevoegd_in__isnull=True).values_list(
            "klant_id", flat=True
        )[:2]
    )
    if len(ids) != 1:
        return None
    return Klant.objects.filter(pk=ids.pop()).first()


def html_opschonen(html: str) -> str:
    """Safe HTML for display: scripts, styles, event handlers and javascript: URLs removed."""
    if not html:
        return ""
    return nh3.clean(html, url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def bijlage_controleren(bijlage: BijlageInvoer) -> str:
    """'' when the attachment may be stored, else the reason it is refused."""
    if len(bijlage.inhoud) > BIJLAGE_MAX_BYTES:
        return BIJLAGE_TE_GROOT
    content_type = bijlage.content_type.lower().split(";")[0].strip()
    if content_type not in BIJLAGE_TYPES:
        return BIJLAGE_TYPE_NIET_TOEGESTAAN
    handtekeningen = BIJLAGE_TYPES[content_type]
    if handtekeningen and not bijlage.inhoud.startswith(handtekeningen):
        return BIJLAGE_INHOUD_KLOPT_NIET
    if content_type == "text/plain" and b"\x00" in bijlage.inhoud:
        return BIJLAGE_INHOUD_KLOPT_NIET
    return ""
