"""The local KVK provider: Zoeken (v2) and Basisprofiel (v1) with demo companies.

Stands in for the KVK APIs during development and tests; only mounted outside
production. Checks the ``apikey`` header itself (hence ``@public``).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_GET

from kcc.core.permissions import public
from klanten.registers.demo_personen import BEDRIJVEN, WOONPLAATS


def _adres(bedrijf: tuple) -> dict:
    return {
        "type": "bezoekadres",
        "straatnaam": bedrijf[5],
        "huisnummer": bedrijf[6],
        "postcode": bedrijf[7].replace(" ", ""),
        "plaats": WOONPLAATS,
        "land": "Nederland",
    }


def _fout(status: int, omschrijving: str) -> JsonResponse:
    return JsonResponse(
        {"fout": [{"code": f"IPD{status}", "omschrijving": omschrijving}]}, status=status
    )


def _sleutel_ok(request: HttpRequest) -> bool:
    sleutel = request.headers.get("apikey", "")
    return bool(sleutel) and constant_time_compare(sleutel, settings.KVK_API_KEY)


@public
@require_GET
def zoeken(request: HttpRequest) -> JsonResponse:
    kvk = request.GET.get("kvkNummer", "")
    naam = request.GET.get("naam", "").strip().lower()
    postcode = request.GET.get("postcode", "").replace(" ", "").upper()
    huisnummer = request.GET.get("huisnummer", "")
    if not (kvk or naam or postcode):
        return _fout(400, "Geef ten minste kvkNummer, naam of postcode op.")
    if not _sleutel_ok(request):
        return _fout(401, "Geen geldige API-sleutel.")
    gevonden = [
        b
        for b in BEDRIJVEN
        if (not kvk or b[0] == kvk)
        and (not naam or naam in b[3].lower())
        and (not postcode or b[7].replace(" ", "") == postcode)
        and (not huisnummer or str(b[6]) == huisnummer)
    ]
    if not gevonden:
        return _fout(404, "Er zijn geen resultaten gevonden.")
    return JsonResponse(
        {
            "pagina": 1,
            "resultatenPerPagina": 10,
            "totaal": len(gevonden),
            "resultaten": [
                {
                    "kvkNummer": b[0],
                    "vestigingsnummer": b[2],
                    "naam": b[3],
                    "adres": {"binnenlandsAdres": _adres(b)},
                    "type": "hoofdvestiging",
                }
                for b in gevonden
            ],
        }
    )


@public
@require_GET
def basisprofiel(request: HttpRequest, kvk_nummer: str) -> JsonResponse:
    if not _sleutel_ok(request):
        return _fout(401, "Geen geldige API-sleutel.")
    bedrijf = next((b for b in BEDRIJVEN if b[0] == kvk_nummer), None)
    if bedrijf is None:
        return _fout(404, "Het KVK-nummer is niet gevonden.")
    eigenaar = {"rechtsvorm": bedrijf[4]}
    if bedrijf[1]:
        eigenaar["rsin"] = bedrijf[1]
    return JsonResponse(
        {
            "kvkNummer": bedrijf[0],
            "naam": bedrijf[3],
            "statutaireNaam": bedrijf[3],
            "handelsnamen": [{"naam": bedrijf[3], "volgorde": 0}],
            "sbiActiviteiten": [{"sbiCode": bedrijf[8], "indHoofdactiviteit": "Ja"}],
            "_embedded": {
                "hoofdvestiging": {
                    "vestigingsnummer": bedrijf[2],
                    "kvkNummer": bedrijf[0],
                    "eersteHandelsnaam": bedrijf[3],
                    "adressen": [_adres(bedrijf)],
                },
                "eigenaar": eigenaar,
            },
        }
    )
