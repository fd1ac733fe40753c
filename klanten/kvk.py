"""Client for the KVK Handelsregister APIs: Zoeken (v2) and Basisprofiel (v1).

Shapes follow the public KVK API (developers.kvk.nl): ``GET {KVK_API_URL}/v2/zoeken`` with
``kvkNummer``/``naam``/``postcode``+``huisnummer`` returning ``resultaten``, and
``GET {KVK_API_URL}/v1/basisprofielen/{kvkNummer}`` returning the company with its
``_embedded.hoofdvestiging``. Authentication with the ``apikey`` header. Default: the
local provider under /demo-kvk/api.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDEN = 3.0
KVK_NIET_BEREIKBAAR = (
    "Het Handelsregister (KVK) is nu niet bereikbaar. U kunt verder werken met de gegevens "
    "die al in het KCC staan. Probeer het over een paar minuten opnieuw."
)
KVK_ONGELDIG_ANTWOORD = (
    "De KVK gaf een antwoord dat het KCC niet begrijpt. Probeer het later opnieuw."
)


class KvkFout(Exception):
    message = KVK_ONGELDIG_ANTWOORD

    def __str__(self) -> str:
        return self.message


class KvkNietBereikbaar(KvkFout):
    message = KVK_NIET_BEREIKBAAR


@dataclass
class KvkVestiging:
    kvk_nummer: str
    naam: str
    vestigingsnummer: str = ""
    rsin: str = ""
    straat: str = ""
    huisnummer: int | None = None
    huisletter: str = ""
    huisnummertoevoeging: str = ""
    postcode: str = ""
    plaats: str = ""
    type: str = ""
    ruw: dict = field(default_factory=dict)


def _get(path: str, params: dict | None = None) -> dict | None:
    url = settings.KVK_API_URL.rstrip("/") + path
    try:
        response = requests.get(
            url,
            params=params,
            headers={"apikey": settings.KVK_API_KEY, "Accept": "application/json"},
            timeout=TIMEOUT_SECONDEN,
        )
    except requests.RequestException as exc:
        logger.warning("KVK niet bereikbaar (%s): %s", url, exc.__class__.__name__)
        raise KvkNietBereikbaar() from exc
    if response.status_code == 404:
        return None
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        raise KvkNietBereikbaar()
    if response.status_code != 200:
        raise KvkFout()
    try:
        return response.json()
    except ValueError as exc:
        raise KvkFout() from exc


def _adres(data: dict) -> dict:
    adres = data.get("binnenlandsAdres") or data
    return {
        "straat": adres.get("straatnaam", ""),
        "huisnummer": adres.get("huisnummer"),
        "huisletter": adres.get("huisletter", ""),
        "huisnummertoevoeging": adres.get("huisnummerToevoeging", ""),
        "postcode": adres.get("postcode", ""),
        "plaats": adres.get("plaats", ""),
    }


def zoeken(
    *, kvk_nummer: str = "", naam: str = "", postcode: str = "", huisnummer: int | None = None
) -> list[KvkVestiging]:
    params: dict = {"resultatenPerPagina": 10}
    if kvk_nummer:
        params["kvkNummer"] = kvk_nummer
    if naam:
        params["naam"] = naam
    if postcode:
        params["postcode"] = postcode.replace(" ", "")
    if huisnummer:
        params["huisnummer"] = huisnummer
    data = _get("/v2/zoeken", params)
    if data is None:
        return []
    try:
        return [
            KvkVestiging(
                kvk_nummer=r["kvkNummer"],
                naam=r.get("naam", ""),
                vestigingsnummer=r.get("vestigingsnummer", ""),
                type=r.get("type", ""),
                **_adres(r.get("adres") or {}),
                ruw=r,
            )
            for r in data.get("resultaten", [])
        ]
    except (KeyError, TypeError, AttributeError) as exc:
        raise KvkFout() from exc


def basisprofiel(*, kvk_nummer: str) -> KvkVestiging | None:
    data = _get(f"/v1/basisprofielen/{kvk_nummer}")
    if data is None:
        return None
    try:
        embedded = data.get("_embedded") or {}
        hoofdvestiging = embedded.get("hoofdvestiging") or {}
        adressen = hoofdvestiging.get("adressen") or [{}]
        bezoek = next((a for a in adressen if a.get("type") == "bezoekadres"), adressen[0])
        return KvkVestiging(
            kvk_nummer=data["kvkNummer"],
            naam=data.get("naam", ""),
            vestigingsnummer=hoofdvestiging.get("vestigingsnummer", ""),
            rsin=(embedded.get("eigenaar") or {}).get("rsin", ""),
            type="hoofdvestiging",
            **_adres(bezoek),
            ruw=data,
        )
    except (KeyError, TypeError, AttributeError, StopIteration) as exc:
        raise KvkFout() from exc
