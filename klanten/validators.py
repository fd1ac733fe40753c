"""Validation and normalisation of Dutch identifiers, postcodes and contact details.

Each ``normaliseer_*`` returns the canonical form or raises ``ValidationError`` with a
Dutch message that forms and the API show at the field. Messages are constants, reused
by the tests.
"""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

BSN_ONGELDIG = "Dit is geen geldig BSN: een BSN heeft 9 cijfers en moet de elfproef doorstaan."
RSIN_ONGELDIG = "Dit is geen geldig RSIN: een RSIN heeft 9 cijfers en moet de elfproef doorstaan."
KVK_ONGELDIG = "Een KVK-nummer bestaat uit precies 8 cijfers."
VESTIGINGSNUMMER_ONGELDIG = "Een vestigingsnummer bestaat uit precies 12 cijfers."
POSTCODE_ONGELDIG = (
    "Dit is geen geldige postcode. Een postcode is 4 cijfers (niet beginnend met 0) "
    "en 2 letters, bijvoorbeeld 1234 AB."
)
TELEFOON_ONGELDIG = (
    "Dit is geen geldig telefoonnummer. Gebruik bijvoorbeeld 06-12345678 of +31 20 123 4567."
)
EMAIL_ONGELDIG = "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl."

# The largest id a database row can have (64-bit primary keys on SQLite and PostgreSQL).
# Id inputs are capped at this, so a typed 99999999999999999999 is "not found", not a 500.
ID_MAX = 2**63 - 1

_SEPARATORS = re.compile(r"[\s.\-]")


def als_id(value) -> int | None:
    """An id from a query string or form; anything no row can have is None."""
    try:
        getal = int(value)
    except (TypeError, ValueError):
        return None
    return getal if 1 <= getal <= ID_MAX else None


def _digits(value: str) -> str:
    return _SEPARATORS.sub("", value or "")


def normaliseer_bsn(value: str) -> str:
    digits = _digits(value)
    # Old BSNs were 8 digits; stdnum pads them to 9, so do we.
    if not re.fullmatch(r"\d{8,9}", digits):
        raise ValidationError(BSN_ONGELDIG, code="bsn")
    try:
        return stdnum_bsn.validate(digits)
    except StdnumError:
        raise ValidationError(BSN_ONGELDIG, code="bsn") from None


def normaliseer_rsin(value: str) -> str:
    """RSIN uses the same 9-digit elfproef as the BSN (python-stdnum has no own module)."""
    digits = _digits(value)
    if not re.fullmatch(r"\d{9}", digits) or not stdnum_bsn.is_valid(digits):
        raise ValidationError(RSIN_ONGELDIG, code="rsin")
    return digits


def normaliseer_kvk_nummer(value: str) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{8}", digits):
        raise ValidationError(KVK_ONGELDIG, code="kvk")
    return digits


def normaliseer_vestigingsnummer(value: str) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{12}", digits):
        raise ValidationError(VESTIGINGSNUMMER_ONGELDIG, code="vestigingsnummer")
    return digits


def normaliseer_postcode(value: str) -> str:
    """'1234ab' -> '1234 AB'."""
    try:
        compact = stdnum_postcode.validate(value or "").replace(" ", "").upper()
    except StdnumError:
        raise ValidationError(POSTCODE_ONGELDIG, code="postcode") from None
    return f"{compact[:4]} {compact[4:]}"


def normaliseer_telefoon(value: str) -> str:
    """Any Dutch (or international) notation -> E.164, e.g. '06-12345678' -> '+31612345678'."""
    raw = (value or "").strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        raise ValidationError(TELEFOON_ONGELDIG, code="telefoon") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(TELEFOON_ONGELDIG, code="telefoon")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def toon_telefoon(e164: str) -> str:
    """E.164 -> the way a Dutch employee reads it ('06 12345678', '+32 ...')."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normaliseer_email(value: str) -> str:
    raw = (value or "").strip()
    try:
        EmailValidator(message=EMAIL_ONGELDIG)(raw)
    except ValidationError:
        raise ValidationError(EMAIL_ONGELDIG, code="email") from None
    local, _, domain = raw.rpartition("@")
    return f"{local}@{domain.lower()}"


# Model field validators (module-level functions, so migrations can reference them).
def valideer_bsn(value: str) -> None:
    if value:
        normaliseer_bsn(value)


def valideer_rsin(value: str) -> None:
    if value:
        normaliseer_rsin(value)


def valideer_kvk_nummer(value: str) -> None:
    if value:
        normaliseer_kvk_nummer(value)


def valideer_vestigingsnummer(value: str) -> None:
    if value:
        normaliseer_vestigingsnummer(value)


def valideer_postcode(value: str) -> None:
    if value:
        normaliseer_postcode(value)
