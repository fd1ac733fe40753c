"""Demo data of the catalogue: the federation, products, life events, VACs and synonyms.

``load`` (organisations) and ``load_catalogus`` (everything else) are steps of
``manage.py demo_data``. Both are idempotent: a second run reports everything unchanged.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import Q

from kcc.core.demo import DemoReport
from productcatalogus.demo.kennisbank import VACS
from productcatalogus.demo.organisaties import ORGANISATIES, load
from productcatalogus.demo.producten import (
    LEVENSGEBEURTENISSEN,
    PRODUCTEN,
    SDG,
    SYNONIEMEN,
)
from productcatalogus.models import (
    VAC,
    Afdeling,
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    SdgInformatiegebied,
    Statustype,
    Synoniem,
    UplTerm,
)
from productcatalogus.services import upl_importeren, vac_create, vac_update

__all__ = ["ORGANISATIES", "load", "load_catalogus"]

# The published UPL, next to the project (see DESIGN.md "Data you may use"). When it is
# there, the demo imports it and turns the municipal subset into products.
UPL_MAP = settings.BASE_DIR.parent / "shared" / "data" / "upl"

_PRODUCT_SLEUTELS = ("org", "afd", "sdg", "status", "slug")


def load_catalogus(report: DemoReport, *, production: bool) -> None:
    afdelingen = {
        (a.organisatie.code, a.code): a for a in Afdeling.objects.select_related("organisatie")
    }
    sdg = {
        code: report.upsert(SdgInformatiegebied, {"code": code}, {"naam": naam})
        for code, naam in SDG.items()
    }
    producten = _producten(report, afdelingen, sdg)
    _levensgebeurtenissen(report, producten)
    _vacs(report, afdelingen, producten)
    for term, woorden in SYNONIEMEN.items():
        report.upsert(Synoniem, {"term": term}, {"synoniemen": ", ".join(woorden)})
    _upl_producten(report, afdelingen)


def _statustypen(report: DemoReport, product: Product, statussen: list[tuple]) -> None:
    for volgnummer, (naam, tekst, informeren) in enumerate(statussen, start=1):
        report.upsert(
            Statustype,
            {"product": product, "volgnummer": volgnummer},
            {
                "naam": naam,
                "publieke_tekst": tekst,
                "informeren": informeren,
                "is_eindstatus": volgnummer == len(statussen),
            },
        )


def _producten(report: DemoReport, afdelingen: dict, sdg: dict) -> dict[str, Product]:
    producten = {}
    for spec in PRODUCTEN:
        afdeling = afdelingen[(spec["org"], spec["afd"])]
        waarden = {k: v for k, v in spec.items() if k not in _PRODUCT_SLEUTELS}
        waarden.setdefault("intake", [])
        waarden.update(organisatie=afdeling.organisatie, afdeling=afdeling)
        product = report.upsert(Product, {"slug": spec["slug"]}, waarden)
        gewenst = {sdg[c].pk for c in spec["sdg"]}
        if set(product.sdg_informatiegebieden.values_list("pk", flat=True)) != gewenst:
            product.sdg_informatiegebieden.set(gewenst)
        _statustypen(report, product, spec["status"])
        producten[spec["slug"]] = product
    return producten


def _levensgebeurtenissen(report: DemoReport, producten: dict[str, Product]) -> None:
    for spec in LEVENSGEBEURTENISSEN:
        spec = dict(spec)
        componenten = spec.pop("componenten")
        lg = report.upsert(Levensgebeurtenis, {"slug": spec.pop("slug")}, spec)
        for volgorde, (slug, vraag, code) in enumerate(componenten, start=1):
            report.upsert(
                LevensgebeurtenisComponent,
                {"levensgebeurtenis": lg, "product": producten[slug]},
                {"volgorde": volgorde, "voorwaarde_vraag": vraag, "voorwaarde_code": code},
            )


def _vacs(report: DemoReport, afdelingen: dict, producten: dict[str, Product]) -> None:
    label = VAC._meta.verbose_name_plural
    for slug, vraag, antwoord, trefwoorden, product_slugs, afd, openbaar in VACS:
        org, _, afd_code = afd.rpartition(":")
        afdeling = afdelingen[(org or "voorbeeldstad", afd_code)]
        gekoppeld = [producten[s] for s in product_slugs]
        velden = {
            "vraag": vraag,
            "antwoord": antwoord,
            "trefwoorden": trefwoorden,
            "afdeling": afdeling,
            "openbaar": openbaar,
            "voor_bedrijf": afdeling.organisatie.code == "kvk",
        }
        vac = VAC.objects.filter(slug=slug).first()
        if vac is None:
            vac_create(slug=slug, door=None, producten=gekoppeld, **velden)
            report.counts[(label, "aangemaakt")] += 1
            continue
        # Compare first: vac_update saves (and so touches gewijzigd_op) even when equal.
        huidig = {naam: getattr(vac, naam) for naam in velden if naam != "afdeling"}
        if (
            huidig == {naam: w for naam, w in velden.items() if naam != "afdeling"}
            and vac.afdeling_id == afdeling.pk
            and set(vac.producten.values_list("pk", flat=True)) == {p.pk for p in gekoppeld}
        ):
            report.counts[(label, "ongewijzigd")] += 1
            continue
        versies = vac.versies.count()
        vac_update(vac=vac, door=None, producten=gekoppeld, **velden)
        gewijzigd = vac.versies.count() != versies
        report.counts[(label, "bijgewerkt" if gewijzigd else "ongewijzigd")] += 1


# --- The municipal subset of the UPL -------------------------------------------------------

_AFDELING_PATRONEN = [
    ("belastingen", r"belasting|heffing|kwijtschelding|woz|leges|precario"),
    (
        "sociaal-domein",
        r"bijstand|uitkering|wmo|jeugd|schuld|minima|participatie|zorg|toeslag|"
        r"kinderopvang|leerlingenvervoer|re-integratie|inburgering|mantelzorg|huishoudelijke",
    ),
    (
        "vergunningen",
        r"vergunning|ontheffing|omgevings|kap|bouw|evenement|exploitatie|drank|horeca|"
        r"standplaats|melding|sloop|reclame|parkeer",
    ),
    ("openbare-ruimte", r"afval|container|riool|straat|boom|openbare|groen|speel|verlichting"),
]
_STATUS_UPL = [
    ("Ontvangen", "We hebben uw aanvraag ontvangen.", True),
    ("In behandeling", "Een medewerker behandelt uw aanvraag.", False),
    ("Afgehandeld", "Uw aanvraag is afgehandeld. U krijgt bericht.", True),
]


def _afdeling_code(naam: str) -> str:
    for code, patroon in _AFDELING_PATRONEN:
        if re.search(patroon, naam):
            return code
    return "burgerzaken"


def _soort(term: UplTerm) -> str:
    if term.melding:
        return Product.Soort.MELDING
    if term.verplichting:
        return Product.Soort.VERPLICHTING
    if term.aanvraag or term.subsidie:
        return Product.Soort.AANVRAAG
    return Product.Soort.INFORMATIE


def _samenvatting(term: UplTerm) -> str:
    soort = _soort(term)
    zin = {
        Product.Soort.MELDING: "U meldt dit bij de gemeente.",
        Product.Soort.VERPLICHTING: "Dit regelt u met de gemeente.",
        Product.Soort.AANVRAAG: "U vraagt dit aan bij de gemeente.",
        Product.Soort.INFORMATIE: "De gemeente geeft hier informatie over.",
    }[soort]
    return f"{term.naam[:1].upper()}{term.naam[1:]}. {zin} Bel 14 000 als u vragen heeft."


def _upl_producten(report: DemoReport, afdelingen: dict) -> None:
    """Turn the municipal UPL terms into (plain) products, in bulk: ~500 rows."""
    bestand = UPL_MAP / "UPL-actueel.csv"
    if bestand.is_file():
        sdg_bestand = UPL_MAP / "UPL-SDG-Informatiegebied.csv"
        resultaat = upl_importeren(
            pad=bestand, sdg_pad=sdg_bestand if sdg_bestand.is_file() else None
        )
        label = UplTerm._meta.verbose_name_plural
        for wat, n in (
            ("aangemaakt", resultaat.aangemaakt),
            ("bijgewerkt", resultaat.bijgewerkt),
            ("ongewijzigd", resultaat.ongewijzigd),
        ):
            if n:
                report.counts[(label, wat)] += n
    termen = list(
        UplTerm.objects.filter(Q(burger=True) | Q(bedrijf=True), gemeente=True)
        .exclude(uri__in=Product.objects.exclude(upl_uri="").values("upl_uri"))
        .prefetch_related("sdg_informatiegebieden")
        .order_by("naam")
    )
    if not termen:
        return
    bezet = set(Product.objects.values_list("slug", flat=True))
    nieuw = []
    for term in termen:
        afdeling = afdelingen[("voorbeeldstad", _afdeling_code(term.naam))]
        slug = basis = re.sub(r"[^a-z0-9]+", "-", term.naam.lower()).strip("-")[:190]
        n = 2
        while slug in bezet:
            slug, n = f"{basis}-{n}", n + 1
        bezet.add(slug)
        nieuw.append(
            Product(
                slug=slug,
                naam=term.naam[:1].upper() + term.naam[1:],
                upl_naam=term.naam,
                upl_uri=term.uri,
                samenvatting=_samenvatting(term),
                soort=_soort(term),
                voor_burger=term.burger,
                voor_bedrijf=term.bedrijf,
                organisatie=afdeling.organisatie,
                afdeling=afdeling,
                doorlooptijd_werkdagen=40 if term.aanvraag else None,
                servicenorm_werkdagen=20 if term.aanvraag else 10,
            )
        )
    Product.objects.bulk_create(nieuw, batch_size=200)
    report.counts[(Product._meta.verbose_name_plural, "aangemaakt")] += len(nieuw)
    opgeslagen = {p.upl_uri: p for p in Product.objects.filter(upl_uri__in=[t.uri for t in termen])}
    Statustype.objects.bulk_create(
        [
            Statustype(
                product=opgeslagen[t.uri],
                volgnummer=i,
                naam=naam,
                publieke_tekst=tekst,
                informeren=informeren,
                is_eindstatus=i == len(_STATUS_UPL),
            )
            for t in termen
            for i, (naam, tekst, informeren) in enumerate(_STATUS_UPL, start=1)
        ],
        batch_size=500,
    )
    door = Product.sdg_informatiegebieden.through
    door.objects.bulk_create(
        [
            door(product_id=opgeslagen[t.uri].pk, sdginformatiegebied_id=g.pk)
            for t in termen
            for g in t.sdg_informatiegebieden.all()
        ],
        batch_size=500,
    )
