"""What did the medewerker type? One search box, many kinds of identifier.

``interpreteer`` turns the raw text into a ``Zoekvraag``: its kind, the normalised value
and, when it clearly meant to be an identifier but is invalid, a Dutch error message.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from klanten import validators

ZOEK_LEEG = "Typ een naam, BSN, KVK-nummer, postcode met huisnummer, telefoonnummer of e-mailadres."
DATUM_ONGELDIG = "Deze geboortedatum bestaat niet. Gebruik dd-mm-jjjj, bijvoorbeeld 14-03-1968."
NUMMER_ONGELDIG = (
    "Dit nummer herkennen we niet: een BSN heeft 9 cijfers, een KVK-nummer 8, een "
    "vestigingsnummer 12 en een telefoonnummer begint met 0 of +."
)
# Name prefixes (voorvoegsels) that the search ignores: 'van der Linden' is found as 'linden'.
VOORVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "onder", "uit"}
    | {"aan", "bij", "la", "le", "du", "des", "di", "da", "von", "zu"}
)


class Soort:
    BSN = "bsn"
    KVK = "kvk"
    VESTIGING = "vestigingsnummer"
    POSTCODE = "postcode"
    TELEFOON = "telefoon"
    EMAIL = "email"
    NAAM = "naam"


SOORT_LABELS = {
    Soort.BSN: "BSN",
    Soort.KVK: "KVK-nummer",
    Soort.VESTIGING: "vestigingsnummer",
    Soort.POSTCODE: "postcode en huisnummer",
    Soort.TELEFOON: "telefoonnummer",
    Soort.EMAIL: "e-mailadres",
    Soort.NAAM: "naam",
}


@dataclass
class Zoekvraag:
    soort: str | None
    tekst: str
    waarde: str = ""
    fout: str = ""
    # postcode search
    postcode: str = ""
    huisnummer: int | None = None
    huisletter: str = ""
    toevoeging: str = ""
    # name search
    naamdelen: tuple[str, ...] = ()
    geboortedatum: datetime.date | None = None

    @property
    def label(self) -> str:
        return SOORT_LABELS.get(self.soort or "", "")


_POSTCODE = re.compile(
    r"^(?P<pc>\d{4}\s*[a-z]{2})(?:[\s,]+(?P<nr>\d{1,5})\s*(?P<letter>[a-z])?(?:[\s\-]+(?P<toev>[a-z0-9]{1,4}))?)?$",
    re.IGNORECASE,
)
_DATUM = re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<j>\d{4})$")
_TELEFOON_TEKENS = re.compile(r"^\+?[\d\s\-().]{9,20}$")


def normaliseer_naam(tekst: str) -> str:
    """Lower case, no accents, only letters/digits and single spaces ('Ç' -> 'c')."""
    tekst = unicodedata.normalize("NFKD", tekst.lower())
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", tekst))


def naamdelen(tekst: str) -> tuple[str, ...]:
    """Name words without prefixes like 'van der': 'Sophie van der Linden' -> (sophie, linden)."""
    return tuple(w for w in normaliseer_naam(tekst).split() if w not in VOORVOEGSELS)


def interpreteer(tekst: str) -> Zoekvraag:
    tekst = (tekst or "").strip()
    if not tekst:
        return Zoekvraag(soort=None, tekst=tekst, fout=ZOEK_LEEG)
    compact = re.sub(r"[\s.\-]", "", tekst)

    if "@" in tekst:
        return _met(Soort.EMAIL, tekst, validators.normaliseer_email)

    if compact.isdigit():
        if len(compact) == 9 and not compact.startswith("0"):
            return _met(Soort.BSN, tekst, validators.normaliseer_bsn)
        if len(compact) == 8 and not compact.startswith("0"):
            return _met(Soort.KVK, tekst, validators.normaliseer_kvk_nummer)
        if len(compact) == 12:
            return _met(Soort.VESTIGING, tekst, validators.normaliseer_vestigingsnummer)

    if tekst.startswith(("+", "0", "(")) and _TELEFOON_TEKENS.match(tekst):
        return _met(Soort.TELEFOON, tekst, validators.normaliseer_telefoon)
    if compact.isdigit():
        if len(compact) in (8, 9):
            return _met(Soort.BSN, tekst, validators.normaliseer_bsn)
        if compact.startswith("0"):
            return Zoekvraag(soort=Soort.TELEFOON, tekst=tekst, fout=validators.TELEFOON_ONGELDIG)
        # Phone numbers start with 0 or +: a short number is a mistyped KVK number.
        if len(compact) < 8:
            return Zoekvraag(soort=Soort.KVK, tekst=tekst, fout=validators.KVK_ONGELDIG)
        return Zoekvraag(soort=None, tekst=tekst, fout=NUMMER_ONGELDIG)

    match = _POSTCODE.match(tekst)
    if match:
        vraag = Zoekvraag(soort=Soort.POSTCODE, tekst=tekst)
        try:
            vraag.postcode = validators.normaliseer_postcode(match["pc"])
        except ValidationError as exc:
            vraag.fout = exc.messages[0]
            return vraag
        vraag.waarde = vraag.postcode
        if match["nr"]:
            vraag.huisnummer = int(match["nr"])
            vraag.huisletter = (match["letter"] or "").lower()
            vraag.toevoeging = (match["toev"] or "").upper()
        return vraag
    if re.match(r"^\d{4}\s*[a-z]{2}\b", tekst, re.IGNORECASE) or re.match(
        r"^\d{3,5}\s?[a-z]{1,2}\s+\d", tekst, re.IGNORECASE
    ):
        return Zoekvraag(soort=Soort.POSTCODE, tekst=tekst, fout=validators.POSTCODE_ONGELDIG)

    vraag = Zoekvraag(soort=Soort.NAAM, tekst=tekst)
    naam = tekst
    datum = _DATUM.search(tekst)
    if datum:
        try:
            vraag.geboortedatum = datetime.date(int(datum["j"]), int(datum["m"]), int(datum["d"]))
        except ValueError:
            vraag.fout = DATUM_ONGELDIG
            return vraag
        naam = tekst[: datum.start()]
    vraag.naamdelen = naamdelen(naam)
    vraag.waarde = " ".join(vraag.naamdelen)
    if not vraag.naamdelen:
        vraag.fout = ZOEK_LEEG
    return vraag


def _met(soort: str, tekst: str, normaliseer) -> Zoekvraag:
    try:
        return Zoekvraag(soort=soort, tekst=tekst, waarde=normaliseer(tekst))
    except ValidationError as exc:
        return Zoekvraag(soort=soort, tekst=tekst, fout=exc.messages[0])
