"""The local BRP provider: answers Haal Centraal BRP Personen 2.x requests with demo persons.

It stands in for the national BRP API during development and in tests (``make run``
points ``BRP_API_URL`` here). Only mounted outside production (see kcc/urls.py). It
checks the ``X-API-KEY`` header itself, like the real service, so the views are
``@public`` for the KCC's own login machinery.

Supported: RaadpleegMetBurgerservicenummer, ZoekMetGeslachtsnaamEnGeboortedatum,
ZoekMetPostcodeEnHuisnummer; ``fields`` filters the answer on its top-level names.
"""

from __future__ import annotations

import datetime
import json

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kcc.core.permissions import public
from klanten.registers.demo_personen import GEMEENTE, PERSONEN, WOONPLAATS

ONDERSTEUNDE_TYPES = (
    "RaadpleegMetBurgerservicenummer",
    "ZoekMetGeslachtsnaamEnGeboortedatum",
    "ZoekMetPostcodeEnHuisnummer",
)
# Always delivered, never asked for in fields (per the specification).
AUTOMATISCH = ("geheimhoudingPersoonsgegevens",)

_MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _datum(iso: str) -> dict:
    d = datetime.date.fromisoformat(iso)
    return {
        "type": "Datum",
        "datum": iso,
        "langFormaat": f"{d.day} {_MAANDEN[d.month - 1]} {d.year}",
    }


def _voorletters(voornamen: str) -> str:
    return "".join(f"{n[0]}." for n in voornamen.split())


def _persoon(row: tuple) -> dict:
    (
        bsn,
        voornamen,
        voorvoegsel,
        geslachtsnaam,
        geslacht,
        geboren,
        straat,
        nr,
        letter,
        toev,
        pc,
        geheim,
    ) = row
    volledig = " ".join(p for p in (voornamen, voorvoegsel, geslachtsnaam) if p)
    huis = f"{nr}{letter}" + (f"-{toev}" if toev else "")
    leeftijd = (datetime.date.today() - datetime.date.fromisoformat(geboren)).days // 365
    verblijfadres = {
        "officieleStraatnaam": straat,
        "korteStraatnaam": straat,
        "huisnummer": nr,
        "postcode": pc.replace(" ", ""),
        "woonplaats": WOONPLAATS,
    }
    if letter:
        verblijfadres["huisletter"] = letter
    if toev:
        verblijfadres["huisnummertoevoeging"] = toev
    persoon = {
        "burgerservicenummer": bsn,
        "geslacht": {"code": geslacht, "omschrijving": "man" if geslacht == "M" else "vrouw"},
        "leeftijd": leeftijd,
        "naam": {
            "voornamen": voornamen,
            "geslachtsnaam": geslachtsnaam,
            "voorletters": _voorletters(voornamen),
            "volledigeNaam": volledig,
            **({"voorvoegsel": voorvoegsel} if voorvoegsel else {}),
        },
        "geboorte": {
            "datum": _datum(geboren),
            "plaats": GEMEENTE,
            "land": {"code": "6030", "omschrijving": "Nederland"},
        },
        "verblijfplaats": {"type": "Adres", "verblijfadres": verblijfadres},
        "adressering": {
            "adresregel1": f"{straat} {huis}",
            "adresregel2": f"{pc}  {WOONPLAATS.upper()}",
            "land": {"code": "6030", "omschrijving": "Nederland"},
        },
        "gemeenteVanInschrijving": GEMEENTE,
    }
    if geheim:
        persoon["geheimhoudingPersoonsgegevens"] = True
    return persoon


def _filter(persoon: dict, fields: list[str], beperkt: bool) -> dict:
    wanted = {f.split(".")[0] for f in fields}
    if beperkt:
        # Zoek-vragen answer with PersoonBeperkt: no verblijfplaats.
        wanted.discard("verblijfplaats")
    return {k: v for k, v in persoon.items() if k in wanted or k in AUTOMATISCH}


def _fout(status: int, title: str, code: str, invalid: list[tuple[str, str]] | None = None):
    body: dict = {
        "type": "https://www.rfc-editor.org/rfc/rfc9110",
        "title": title,
        "status": status,
        "code": code,
    }
    if invalid:
        body["invalidParams"] = [
            {"name": name, "code": "required", "reason": reason} for name, reason in invalid
        ]
    response = JsonResponse(body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def _norm(text: str) -> str:
    return (text or "").strip().lower()


def _zoek(vraag: dict) -> list[tuple] | JsonResponse:
    soort = vraag.get("type")
    if soort == "RaadpleegMetBurgerservicenummer":
        nummers = vraag.get("burgerservicenummer")
        if not isinstance(nummers, list) or not nummers or len(nummers) > 20:
            return _fout(
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [("burgerservicenummer", "Parameter is verplicht.")],
            )
        return [p for p in PERSONEN if p[0] in nummers]
    if soort == "ZoekMetGeslachtsnaamEnGeboortedatum":
        naam, geboren = vraag.get("geslachtsnaam"), vraag.get("geboortedatum")
        if not naam or not geboren:
            return _fout(
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [
                    ("geslachtsnaam", "Parameter is verplicht."),
                    ("geboortedatum", "Parameter is verplicht."),
                ],
            )
        wildcard = naam.endswith("*")
        stem = _norm(naam.rstrip("*"))
        voornamen = _norm(vraag.get("voornamen", ""))
        return [
            p
            for p in PERSONEN
            if p[5] == geboren
            and (_norm(p[3]).startswith(stem) if wildcard else _norm(p[3]) == stem)
            and (not voornamen or _norm(p[1]).startswith(voornamen))
        ]
    if soort == "ZoekMetPostcodeEnHuisnummer":
        postcode, nummer = vraag.get("postcode"), vraag.get("huisnummer")
        if not postcode or not isinstance(nummer, int):
            return _fout(
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                [
                    ("postcode", "Parameter is verplicht."),
                    ("huisnummer", "Parameter is verplicht."),
                ],
            )
        pc = postcode.replace(" ", "").upper()
        letter = _norm(vraag.get("huisletter", ""))
        toev = _norm(vraag.get("huisnummertoevoeging", ""))
        return [
            p
            for p in PERSONEN
            if p[10].replace(" ", "") == pc
            and p[7] == nummer
            and (not letter or p[8] == letter)
            and (not toev or _norm(p[9]) == toev)
        ]
    return _fout(
        400,
        "Een of meerdere parameters zijn niet correct.",
        "paramsValidation",
        [("type", "Waarde is geen ondersteund zoektype.")],
    )


@public
@csrf_exempt
@require_POST
def personen(request: HttpRequest) -> JsonResponse:
    sleutel = request.headers.get("X-API-KEY", "")
    if not sleutel or not constant_time_compare(sleutel, settings.BRP_API_KEY):
        return _fout(401, "Niet correct geauthenticeerd.", "authentication")
    try:
        vraag = json.loads(request.body or b"{}")
    except ValueError:
        return _fout(400, "Het verzoek is geen geldige JSON.", "paramsValidation")
    if not isinstance(vraag, dict):
        return _fout(400, "Het verzoek is geen geldige JSON.", "paramsValidation")
    fields = vraag.get("fields")
    if not isinstance(fields, list) or not fields:
        return _fout(
            400,
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
            [("fields", "Parameter is verplicht.")],
        )
    gevonden = _zoek(vraag)
    if isinstance(gevonden, JsonResponse):
        return gevonden
    beperkt = vraag["type"] != "RaadpleegMetBurgerservicenummer"
    return JsonResponse(
        {
            "type": vraag["type"],
            "personen": [_filter(_persoon(p), fields, beperkt) for p in gevonden],
        }
    )
