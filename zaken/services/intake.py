"""The intake of an aanvraag: which questions, which answers are valid, what the BRP knows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from klanten.models import Klant
from productcatalogus.models import Levensgebeurtenis, LevensgebeurtenisComponent, Product
from zaken import errors

MAX_TEKST = 2000
# Bounds of a number answer. Checked on the parsed Decimal's exponent before any
# conversion: "1e999999999" is three bytes of exponent, but int() of it would run for
# minutes and JSON refuses to write integers of more than 4300 digits.
MAX_GETAL_TEKENS = 30
MAX_GETAL_CIJFERS = 12  # digits before the decimal point: up to 999 999 999 999
MAX_GETAL_DECIMALEN = 4
JA = {"ja", "j", "yes", "true", "1", "on"}
NEE = {"nee", "n", "no", "false", "0", "off"}


@dataclass
class IntakeVraag:
    code: str
    vraag: str
    type: str
    verplicht: bool = False
    uitleg: str = ""
    keuzes: list[str] = field(default_factory=list)
    brp_veld: str = ""
    # The product(s) this question belongs to; empty for a life event's condition question.
    producten: list[str] = field(default_factory=list)
    product_ids: list[int] = field(default_factory=list)
    voorwaarde: bool = False


def _vraag(definitie: dict, product: Product) -> IntakeVraag:
    return IntakeVraag(
        code=definitie["code"],
        vraag=definitie["vraag"],
        type=definitie["type"],
        verplicht=bool(definitie.get("verplicht", False)),
        uitleg=definitie.get("uitleg", ""),
        keuzes=list(definitie.get("keuzes") or []),
        brp_veld=definitie.get("brp_veld", ""),
        producten=[product.naam],
        product_ids=[product.pk],
    )


def componenten(levensgebeurtenis: Levensgebeurtenis) -> list[LevensgebeurtenisComponent]:
    """The life event's components with their product, organisation and afdeling; read
    once per instance (the intake page and the submission it makes share it)."""
    gelezen = getattr(levensgebeurtenis, "_kcc_componenten", None)
    if gelezen is None:
        gelezen = list(
            levensgebeurtenis.componenten.select_related(
                "product__organisatie", "product__afdeling"
            ).order_by("volgorde", "id")
        )
        levensgebeurtenis._kcc_componenten = gelezen
    return gelezen


def intake_vragen(
    *,
    product: Product | None = None,
    onderdelen: list[LevensgebeurtenisComponent] | None = None,
    producten: list[Product] | None = None,
) -> list[IntakeVraag]:
    """All questions: a life event's condition questions first, then the products' own.

    ``producten``: the products of a multi-product aanvraag. A code asked by two products
    is asked once.
    """
    vragen: dict[str, IntakeVraag] = {}
    producten = [product] if product is not None else list(producten or [])
    for onderdeel in onderdelen or []:
        if onderdeel.voorwaarde_code and onderdeel.voorwaarde_code not in vragen:
            vragen[onderdeel.voorwaarde_code] = IntakeVraag(
                code=onderdeel.voorwaarde_code,
                vraag=onderdeel.voorwaarde_vraag,
                type="ja_nee",
                verplicht=True,
                voorwaarde=True,
            )
        producten.append(onderdeel.product)
    for p in producten:
        for definitie in p.intake or []:
            bestaand = vragen.get(definitie["code"])
            if bestaand is None:
                vragen[definitie["code"]] = _vraag(definitie, p)
            elif p.pk not in bestaand.product_ids:
                bestaand.producten.append(p.naam)
                bestaand.product_ids.append(p.pk)
    return list(vragen.values())


# Haal Centraal BRP paths that the customer record keeps as its own (normalised) fields.
BRP_KLANT_VELDEN = {
    "burgerservicenummer": "bsn",
    "naam.volledigeNaam": "naam",
    "geboorte.datum.datum": "geboortedatum",
    "verblijfplaats.verblijfadres": "adresregel",
    "verblijfplaats.verblijfadres.postcode": "postcode",
    "verblijfplaats.verblijfadres.woonplaats": "woonplaats",
}


def brp_waarde(klant: Klant, veld: str):
    """What the customer record (copied from the BRP) knows for ``veld``; None if nothing.

    ``veld`` is an attribute of the Klant (``geboortedatum``, ``postcode``, ``naam``,
    ``adresregel`` ...) or a dotted path into the stored BRP answer
    (``verblijfplaats.adresseerbaarObjectIdentificatie``).
    """
    if not veld:
        return None
    veld = BRP_KLANT_VELDEN.get(veld, veld)
    if "." not in veld and hasattr(klant, veld):
        waarde = getattr(klant, veld)
    else:
        waarde = klant.brp_gegevens or {}
        for deel in veld.split("."):
            waarde = waarde.get(deel) if isinstance(waarde, dict) else None
    if waarde in (None, ""):
        return None
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, int | float | str | bool):
        return waarde
    if isinstance(waarde, dict):
        return " ".join(str(v) for v in waarde.values() if isinstance(v, str | int)) or None
    return str(waarde)


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _schoon(vraag: IntakeVraag, waarde):
    """The normalised answer, or raise ValueError with the Dutch message."""
    if vraag.type == "ja_nee":
        if isinstance(waarde, bool):
            return waarde
        tekst = str(waarde).strip().lower()
        if tekst in JA:
            return True
        if tekst in NEE:
            return False
        raise ValueError(errors.FOUT_JA_NEE)
    if vraag.type == "datum":
        if isinstance(waarde, date):
            return waarde.isoformat()
        tekst = str(waarde).strip()
        for parse in (date.fromisoformat, _nl_datum):
            try:
                return parse(tekst).isoformat()
            except ValueError:
                continue
        raise ValueError(errors.FOUT_DATUM)
    if vraag.type == "getal":
        return _getal(waarde)
    if vraag.type == "keuze":
        tekst = str(waarde).strip()
        if tekst not in vraag.keuzes:
            raise ValueError(errors.FOUT_KEUZE)
        return tekst
    tekst = str(waarde).strip()
    if len(tekst) > MAX_TEKST:
        raise ValueError(errors.FOUT_TEKST_TE_LANG)
    return tekst


def _getal(waarde) -> int | float:
    """A number answer within the bounds, as int (whole) or float; ValueError otherwise."""
    if isinstance(waarde, bool):
        raise ValueError(errors.FOUT_GETAL)
    tekst = str(waarde).strip().replace(",", ".")
    if len(tekst) > MAX_GETAL_TEKENS:
        raise ValueError(errors.FOUT_GETAL_TE_GROOT)
    try:
        getal = Decimal(tekst)
    except InvalidOperation as exc:
        raise ValueError(errors.FOUT_GETAL) from exc
    if not getal.is_finite():
        raise ValueError(errors.FOUT_GETAL)
    if getal and getal.adjusted() >= MAX_GETAL_CIJFERS:
        raise ValueError(errors.FOUT_GETAL_TE_GROOT)
    # Bounded now, so quantize is cheap; it also turns 1e-999999 into 0.0000.
    afgerond = getal.quantize(Decimal(1).scaleb(-MAX_GETAL_DECIMALEN))
    if afgerond != getal:
        raise ValueError(errors.FOUT_GETAL_DECIMALEN)
    return int(afgerond) if afgerond == afgerond.to_integral_value() else float(afgerond)


def _nl_datum(tekst: str) -> date:
    dag, maand, jaar = tekst.replace("/", "-").split("-")
    return date(int(jaar), int(maand), int(dag))


def antwoorden_valideren(
    *, vragen: list[IntakeVraag], antwoorden: dict, klant: Klant, verplicht: set[str] | None = None
) -> dict:
    """Check and normalise the answers; BRP-known fields come from the Klant, not the input.

    ``verplicht``: the codes whose ``verplicht`` flag counts (questions of components that
    do not apply are optional). None: every question's own flag counts.
    Raises ValidationError with a Dutch message per question code.
    """
    if not isinstance(antwoorden, dict):
        antwoorden = {}
    schoon: dict = {}
    fouten: dict[str, str] = {}
    for vraag in vragen:
        uit_brp = brp_waarde(klant, vraag.brp_veld)
        if uit_brp is not None:
            schoon[vraag.code] = uit_brp
            continue
        waarde = antwoorden.get(vraag.code)
        if _leeg(waarde):
            moet = vraag.verplicht and (verplicht is None or vraag.code in verplicht)
            if moet:
                fouten[vraag.code] = errors.FOUT_VERPLICHT
            continue
        try:
            schoon[vraag.code] = _schoon(vraag, waarde)
        except ValueError as exc:
            fouten[vraag.code] = str(exc)
    if fouten:
        raise ValidationError(fouten)
    return schoon


def voorwaarde_ja(vraag: IntakeVraag, antwoorden: dict) -> bool:
    """Lenient reading of a condition answer, before validation (to know what is required)."""
    try:
        return _schoon(vraag, antwoorden.get(vraag.code, "")) is True
    except ValueError:
        return False


def toepasselijke_onderdelen(
    onderdelen: list[LevensgebeurtenisComponent], antwoorden: dict
) -> list[LevensgebeurtenisComponent]:
    """Unconditional components, plus conditional ones whose condition was answered 'ja'."""
    return [
        o for o in onderdelen if not o.voorwaarde_code or antwoorden.get(o.voorwaarde_code) is True
    ]
