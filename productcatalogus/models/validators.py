"""Validators for the JSON fields of the catalogue: channel lists and intake definitions.

They run in ``full_clean`` (admin, forms, the write API), so a functioneel beheerder gets
a Dutch message instead of a broken intake form later on.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

KANAAL_CODES = ("telefoon", "balie", "email", "webformulier", "chat", "post", "sociale_media")
KANAAL_LABELS = {
    "telefoon": "Telefoon",
    "balie": "Balie",
    "email": "E-mail",
    "webformulier": "Webformulier",
    "chat": "Chat",
    "post": "Post",
    "sociale_media": "Sociale media",
}

INTAKE_TYPES = ("tekst", "ja_nee", "datum", "keuze", "getal")
INTAKE_SLEUTELS = {"code", "vraag", "type", "verplicht", "uitleg", "keuzes", "brp_veld"}
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")

FOUT_KANALEN_GEEN_LIJST = "Kanalen moeten een lijst met kanaalcodes zijn."
FOUT_KANAAL_ONBEKEND = "Onbekend kanaal: {code}. Kies uit: {keuzes}."
FOUT_INTAKE_GEEN_LIJST = "De intake moet een lijst met vragen zijn."
FOUT_INTAKE_VRAAG = "Vraag {nummer}: {reden}."


def valideer_kanalen(value: object) -> None:
    if not isinstance(value, list):
        raise ValidationError(FOUT_KANALEN_GEEN_LIJST)
    for code in value:
        if code not in KANAAL_CODES:
            raise ValidationError(
                FOUT_KANAAL_ONBEKEND.format(code=code, keuzes=", ".join(KANAAL_CODES))
            )


def _intake_vraag_fout(vraag: object) -> str | None:
    if not isinstance(vraag, dict):
        return "een vraag moet een object met velden zijn"
    onbekend = set(vraag) - INTAKE_SLEUTELS
    if onbekend:
        return "onbekende velden " + ", ".join(sorted(onbekend))
    if not isinstance(vraag.get("code"), str) or not _CODE_RE.match(vraag["code"]):
        return "code ontbreekt of bevat iets anders dan kleine letters, cijfers en _"
    if not isinstance(vraag.get("vraag"), str) or not vraag["vraag"].strip():
        return "de vraagtekst ontbreekt"
    if vraag.get("type") not in INTAKE_TYPES:
        return "type moet een van " + ", ".join(INTAKE_TYPES) + " zijn"
    if "verplicht" in vraag and not isinstance(vraag["verplicht"], bool):
        return "verplicht moet true of false zijn"
    keuzes = vraag.get("keuzes")
    if vraag["type"] == "keuze":
        if (
            not isinstance(keuzes, list)
            or not keuzes
            or not all(isinstance(k, str) and k for k in keuzes)
        ):
            return "een keuzevraag heeft een lijst met keuzes nodig"
    elif keuzes:
        return "alleen een keuzevraag heeft keuzes"
    for sleutel in ("uitleg", "brp_veld"):
        if sleutel in vraag and not isinstance(vraag[sleutel], str):
            return f"{sleutel} moet tekst zijn"
    return None


def valideer_intake(value: object) -> None:
    if not isinstance(value, list):
        raise ValidationError(FOUT_INTAKE_GEEN_LIJST)
    codes: set[str] = set()
    for nummer, vraag in enumerate(value, start=1):
        reden = _intake_vraag_fout(vraag)
        if reden is None and vraag["code"] in codes:
            reden = f"de code {vraag['code']} komt twee keer voor"
        if reden:
            raise ValidationError(FOUT_INTAKE_VRAAG.format(nummer=nummer, reden=reden))
        codes.add(vraag["code"])
