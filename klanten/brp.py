"""Client for the BRP (Haal Centraal BRP Personen Bevragen 2.x).

One endpoint, ``POST {BRP_API_URL}/personen``, with a ``type`` that says which question
is asked (see ``/work/shared/specs/brp-personen-bevragen-2.openapi.json``). The base URL
and key come from settings; the default points to the local provider under /demo-brp/.

Every failure to get an answer becomes ``BrpNietBereikbaar`` with a Dutch message, so
the console can show it and keep working on local data.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDEN = 3.0
BRP_NIET_BEREIKBAAR = (
    "De BRP is nu niet bereikbaar. U kunt verder werken met de gegevens die al in het KCC "
    "staan. Probeer het over een paar minuten opnieuw."
)
BRP_ONGELDIG_ANTWOORD = (
    "De BRP gaf een antwoord dat het KCC niet begrijpt. Probeer het later opnieuw."
)

# What we ask for: only what the KCC needs (dataminimalisatie). Zoek-vragen return the
# "beperkt" shape, which has no verblijfplaats.
VELDEN_RAADPLEGEN = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats"]
VELDEN_ZOEKEN = ["burgerservicenummer", "naam", "geboorte", "adressering"]


class BrpFout(Exception):
    """The BRP did not give a usable answer."""

    message = BRP_ONGELDIG_ANTWOORD

    def __str__(self) -> str:
        return self.message


class BrpNietBereikbaar(BrpFout):
    message = BRP_NIET_BEREIKBAAR


@dataclass
class BrpPersoon:
    bsn: str
    voornamen: str = ""
    voorvoegsel: str = ""
    geslachtsnaam: str = ""
    geboortedatum: datetime.date | None = None
    straat: str = ""
    huisnummer: int | None = None
    huisletter: str = ""
    huisnummertoevoeging: str = ""
    postcode: str = ""
    woonplaats: str = ""
    adresregels: list[str] = field(default_factory=list)
    geheimhouding: bool = False
    ruw: dict = field(default_factory=dict)

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if p)


def _datum(value: dict | None) -> datetime.date | None:
    if not value or value.get("type") != "Datum":
        return None
    try:
        return datetime.date.fromisoformat(value["datum"])
    except (KeyError, ValueError):
        return None


def _persoon(data: dict) -> BrpPersoon:
    naam = data.get("naam") or {}
    adres = ((data.get("verblijfplaats") or {}).get("verblijfadres")) or {}
    adressering = data.get("adressering") or {}
    if not data.get("burgerservicenummer"):
        raise BrpFout()
    return BrpPersoon(
        bsn=data["burgerservicenummer"],
        voornamen=naam.get("voornamen", ""),
        voorvoegsel=naam.get("voorvoegsel", ""),
        geslachtsnaam=naam.get("geslachtsnaam", ""),
        geboortedatum=_datum((data.get("geboorte") or {}).get("datum")),
        straat=adres.get("officieleStraatnaam", ""),
        huisnummer=adres.get("huisnummer"),
        huisletter=adres.get("huisletter", ""),
        huisnummertoevoeging=adres.get("huisnummertoevoeging", ""),
        postcode=adres.get("postcode", ""),
        woonplaats=adres.get("woonplaats", ""),
        adresregels=[adressering[k] for k in ("adresregel1", "adresregel2") if adressering.get(k)],
        geheimhouding=bool(data.get("geheimhoudingPersoonsgegevens", False)),
        ruw=data,
    )


def _post(body: dict) -> list[BrpPersoon]:
    url = settings.BRP_API_URL.rstrip("/") + "/personen"
    try:
        response = requests.post(
            url,
            json=body,
            headers={"X-API-KEY": settings.BRP_API_KEY, "Accept": "application/json"},
            timeout=TIMEOUT_SECONDEN,
        )
    except requests.RequestException as exc:
        logger.warning("BRP niet bereikbaar (%s): %s", url, exc.__class__.__name__)
        raise BrpNietBereikbaar() from exc
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        logger.warning("BRP antwoordde %s op %s", response.status_code, body.get("type"))
        raise BrpNietBereikbaar()
    if response.status_code != 200:
        logger.warning("BRP weigerde %s: %s", body.get("type"), response.text[:300])
        raise BrpFout()
    try:
        personen = response.json()["personen"]
        return [_persoon(p) for p in personen]
    except (ValueError, KeyError, TypeError) as exc:
        raise BrpFout() from exc


def persoon_raadplegen(*, bsn: str) -> BrpPersoon | None:
    """RaadpleegMetBurgerservicenummer: the full person, or None if the BRP does not know it."""
    personen = _post(
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [bsn],
            "fields": VELDEN_RAADPLEGEN,
        }
    )
    return personen[0] if personen else None


def personen_zoeken_op_naam(
    *, geslachtsnaam: str, geboortedatum: datetime.date, voornamen: str = ""
) -> list[BrpPersoon]:
    body = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": geslachtsnaam,
        "geboortedatum": geboortedatum.isoformat(),
        "fields": VELDEN_ZOEKEN,
    }
    if voornamen:
        body["voornamen"] = voornamen
    return _post(body)


def personen_zoeken_op_adres(
    *, postcode: str, huisnummer: int, huisletter: str = "", huisnummertoevoeging: str = ""
) -> list[BrpPersoon]:
    body: dict = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": postcode.replace(" ", ""),
        "huisnummer": huisnummer,
        "fields": VELDEN_ZOEKEN,
    }
    if huisletter:
        body["huisletter"] = huisletter
    if huisnummertoevoeging:
        body["huisnummertoevoeging"] = huisnummertoevoeging
    return _post(body)
