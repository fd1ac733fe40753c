"""Import of the Uniforme Productnamenlijst (UPL) and its SDG mapping.

The file is read and checked completely before anything is written, and the writes run in
one transaction: a malformed file changes nothing. Rows with the same URI (one per legal
basis) become one UplTerm with several ``grondslagen``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from productcatalogus.models import SdgInformatiegebied, UplTerm

UPL_KOLOMMEN = (
    "UniformeProductnaam", "URI", "Rijk", "Provincie", "Waterschap", "Gemeente", "Burger",
    "Bedrijf", "Dienstenwet", "SDG", "Autonomie", "Medebewind", "Aanvraag", "Subsidie",
    "Melding", "Verplichting", "DigiDMacht", "Grondslag", "Grondslaglabel", "Grondslaglink",
)  # fmt: skip
# CSV column -> UplTerm flag
UPL_VLAGGEN = {
    "Rijk": "rijk",
    "Provincie": "provincie",
    "Waterschap": "waterschap",
    "Gemeente": "gemeente",
    "Burger": "burger",
    "Bedrijf": "bedrijf",
    "Dienstenwet": "dienstenwet",
    "Autonomie": "autonomie",
    "Medebewind": "medebewind",
    "Aanvraag": "aanvraag",
    "Subsidie": "subsidie",
    "Melding": "melding",
    "Verplichting": "verplichting",
    "DigiDMacht": "digid_machtiging",
}
SDG_KOLOMMEN = (
    "UniformeProductnaam",
    "URI",
    "SDG_Code",
    "SDG_Informatiegebied",
    "SDG_Thema",
    "SDG_URI",
)

FOUT_BESTAND = "{bestand}: {reden}"
FOUT_REGEL = "{bestand}, regel {regel}: {reden}"
REDEN_ONLEESBAAR = "het bestand is geen UTF-8-tekst"
REDEN_LEEG = "het bestand is leeg"
REDEN_KOLOMMEN = "kolommen ontbreken: {kolommen}"
REDEN_AANTAL_VELDEN = "{gevonden} velden in plaats van {verwacht}"
REDEN_VERPLICHT = "{kolom} is leeg"
REDEN_URI = "URI '{uri}' begint niet met http:// of https://"
REDEN_VLAG = "kolom {kolom} bevat '{waarde}'; alleen 'X' of leeg is toegestaan"
REDEN_NAAM_ANDERS = "URI {uri} had op regel {eerder} de naam '{naam}'"
REDEN_TE_LANG = "{kolom} is langer dan {maximum} tekens"
_MAX_LENGTE = {"UniformeProductnaam": 300, "URI": 300, "SDG": 50}
REDEN_SDG_CODE = "SDG-code '{code}' is ongeldig"
MELDING_ONBEKENDE_UPL = "{bestand}, regel {regel}: URI {uri} staat niet in de UPL; overgeslagen."


class UplImportFout(Exception):
    """The file is refused; the message names the line and the reason."""


@dataclass
class ImportResultaat:
    regels: int = 0
    aangemaakt: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    sdg_regels: int = 0
    sdg_koppelingen: int = 0
    sdg_gebieden_aangemaakt: int = 0
    termen: int = 0
    meldingen: list[str] = field(default_factory=list)


def _lees(pad: Path, kolommen: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    naam = pad.name
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UplImportFout(FOUT_BESTAND.format(bestand=naam, reden=REDEN_ONLEESBAAR)) from exc
    reader = csv.reader(io.StringIO(tekst, newline=""))
    kop = next(reader, None)
    if not kop:
        raise UplImportFout(FOUT_BESTAND.format(bestand=naam, reden=REDEN_LEEG))
    kop = [k.strip() for k in kop]
    ontbrekend = [k for k in kolommen if k not in kop]
    if ontbrekend:
        raise UplImportFout(
            FOUT_REGEL.format(
                bestand=naam, regel=1, reden=REDEN_KOLOMMEN.format(kolommen=", ".join(ontbrekend))
            )
        )
    rijen = []
    for velden in reader:
        regel = reader.line_num
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            raise UplImportFout(
                FOUT_REGEL.format(
                    bestand=naam,
                    regel=regel,
                    reden=REDEN_AANTAL_VELDEN.format(gevonden=len(velden), verwacht=len(kop)),
                )
            )
        rijen.append((regel, {k: v.strip() for k, v in zip(kop, velden, strict=True)}))
    return rijen


def _fout(pad: Path, regel: int, reden: str) -> UplImportFout:
    return UplImportFout(FOUT_REGEL.format(bestand=pad.name, regel=regel, reden=reden))


def _uri_ok(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def _termen_uit_rijen(pad: Path, rijen: list[tuple[int, dict[str, str]]]) -> dict[str, dict]:
    """Check every row and merge rows per URI; raises on the first bad line."""
    termen: dict[str, dict] = {}
    eerste_regel: dict[str, int] = {}
    for regel, rij in rijen:
        for kolom in ("UniformeProductnaam", "URI"):
            if not rij[kolom]:
                raise _fout(pad, regel, REDEN_VERPLICHT.format(kolom=kolom))
        uri = rij["URI"]
        if not _uri_ok(uri):
            raise _fout(pad, regel, REDEN_URI.format(uri=uri))
        for kolom, maximum in _MAX_LENGTE.items():
            if len(rij[kolom]) > maximum:
                raise _fout(pad, regel, REDEN_TE_LANG.format(kolom=kolom, maximum=maximum))
        vlaggen = {}
        for kolom, veld in UPL_VLAGGEN.items():
            waarde = rij[kolom]
            if waarde not in ("", "X", "x"):
                raise _fout(pad, regel, REDEN_VLAG.format(kolom=kolom, waarde=waarde))
            vlaggen[veld] = bool(waarde)
        grondslag = {
            "uri": rij["Grondslag"],
            "label": rij["Grondslaglabel"],
            "link": rij["Grondslaglink"],
        }
        if uri in termen:
            term = termen[uri]
            if term["naam"] != rij["UniformeProductnaam"]:
                raise _fout(
                    pad,
                    regel,
                    REDEN_NAAM_ANDERS.format(uri=uri, eerder=eerste_regel[uri], naam=term["naam"]),
                )
            for veld, waarde in vlaggen.items():
                term[veld] = term[veld] or waarde
        else:
            eerste_regel[uri] = regel
            term = termen[uri] = {
                "naam": rij["UniformeProductnaam"],
                "sdg_code": rij["SDG"],
                "grondslagen": [],
                **vlaggen,
            }
        if any(grondslag.values()) and grondslag not in term["grondslagen"]:
            term["grondslagen"].append(grondslag)
    return termen


def _sdg_uit_rijen(
    pad: Path,
    rijen: list[tuple[int, dict[str, str]]],
    bekende_uris: set[str],
    meldingen: list[str],
) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    gebieden: dict[str, dict] = {}
    koppelingen: list[tuple[str, str]] = []
    for regel, rij in rijen:
        code, uri = rij["SDG_Code"], rij["URI"]
        if not code or len(code) > 5 or not code.isalnum():
            raise _fout(pad, regel, REDEN_SDG_CODE.format(code=code))
        if not _uri_ok(uri):
            raise _fout(pad, regel, REDEN_URI.format(uri=uri))
        gebieden[code] = {
            "naam": rij["SDG_Informatiegebied"],
            "thema": rij["SDG_Thema"],
            "uri": rij["SDG_URI"],
        }
        if uri in bekende_uris:
            koppelingen.append((uri, code))
        else:
            # The published mapping names a few terms that left the UPL: not fatal.
            meldingen.append(MELDING_ONBEKENDE_UPL.format(bestand=pad.name, regel=regel, uri=uri))
    return gebieden, koppelingen


def upl_importeren(
    *,
    pad: Path,
    sdg_pad: Path | None = None,
    voortgang: Callable[[int, int], None] | None = None,
) -> ImportResultaat:
    """Load the UPL (and optionally the UPL-SDG mapping). Idempotent and all-or-nothing."""
    rijen = _lees(pad, UPL_KOLOMMEN)
    termen = _termen_uit_rijen(pad, rijen)
    resultaat = ImportResultaat(regels=len(rijen), termen=len(termen))
    sdg = None
    if sdg_pad is not None:
        bekend = set(termen) | set(UplTerm.objects.values_list("uri", flat=True))
        sdg_rijen = _lees(sdg_pad, SDG_KOLOMMEN)
        sdg = (_sdg_uit_rijen(sdg_pad, sdg_rijen, bekend, resultaat.meldingen), len(sdg_rijen))

    with transaction.atomic():
        bestaand = {t.uri: t for t in UplTerm.objects.all()}
        nieuw, gewijzigd = [], []
        velden = ["naam", "sdg_code", "grondslagen", *UPL_VLAGGEN.values()]
        for index, (uri, waarden) in enumerate(termen.items(), start=1):
            term = bestaand.get(uri)
            if term is None:
                nieuw.append(UplTerm(uri=uri, **waarden))
            elif any(getattr(term, v) != waarden[v] for v in velden):
                for v in velden:
                    setattr(term, v, waarden[v])
                gewijzigd.append(term)
            else:
                resultaat.ongewijzigd += 1
            if voortgang and (index % 200 == 0 or index == len(termen)):
                voortgang(index, len(termen))
        UplTerm.objects.bulk_create(nieuw, batch_size=500)
        UplTerm.objects.bulk_update(gewijzigd, velden, batch_size=500)
        resultaat.aangemaakt, resultaat.bijgewerkt = len(nieuw), len(gewijzigd)
        if sdg is not None:
            (gebieden, koppelingen), resultaat.sdg_regels = sdg
            _sdg_opslaan(gebieden, koppelingen, resultaat)
    return resultaat


def _sdg_opslaan(
    gebieden: dict[str, dict], koppelingen: list[tuple[str, str]], resultaat: ImportResultaat
) -> None:
    bestaand = {g.code: g for g in SdgInformatiegebied.objects.all()}
    for code, waarden in gebieden.items():
        gebied = bestaand.get(code)
        if gebied is None:
            bestaand[code] = SdgInformatiegebied.objects.create(code=code, **waarden)
            resultaat.sdg_gebieden_aangemaakt += 1
        elif any(getattr(gebied, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(gebied, k, v)
            gebied.save()
    term_ids = dict(UplTerm.objects.values_list("uri", "pk"))
    door = UplTerm.sdg_informatiegebieden.through
    al = set(door.objects.values_list("uplterm_id", "sdginformatiegebied_id"))
    nieuw = {
        (term_ids[uri], bestaand[code].pk)
        for uri, code in koppelingen
        if (term_ids[uri], bestaand[code].pk) not in al
    }
    door.objects.bulk_create(
        [door(uplterm_id=t, sdginformatiegebied_id=g) for t, g in sorted(nieuw)]
    )
    resultaat.sdg_koppelingen = len(nieuw)
