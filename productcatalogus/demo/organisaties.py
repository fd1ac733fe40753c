"""Demo federation: the municipality and connected organisations with their afdelingen."""

from kcc.core.demo import DemoReport
from productcatalogus.models import Afdeling, Organisatie

ORGANISATIES = [
    {
        "code": "voorbeeldstad",
        "naam": "Gemeente Voorbeeldstad",
        "is_eigen_organisatie": True,
        "integratie_modus": Organisatie.IntegratieModus.INTERN,
        "oin": "00000001002220647000",
        "telefoonnummer": "14 000",
        "afdelingen": [
            ("burgerzaken", "Burgerzaken"),
            ("vergunningen", "Vergunningen"),
            ("belastingen", "Belastingen"),
            ("sociaal-domein", "Sociaal Domein"),
            ("openbare-ruimte", "Openbare Ruimte"),
            ("kcc", "Klantcontactcentrum"),
        ],
    },
    {
        "code": "svb",
        "naam": "Sociale Verzekeringsbank",
        "integratie_modus": Organisatie.IntegratieModus.EXTERN,
        "oin": "00000001002954011000",
        "webhook_url": "http://127.0.0.1:8000/demo-extern/svb/",
        "afdelingen": [("kinderbijslag", "Kinderbijslag"), ("aow", "AOW")],
    },
    {
        "code": "belastingdienst",
        "naam": "Belastingdienst",
        "integratie_modus": Organisatie.IntegratieModus.EXTERN,
        "oin": "00000001003214345000",
        "webhook_url": "http://127.0.0.1:8000/demo-extern/belastingdienst/",
        "afdelingen": [("toeslagen", "Toeslagen"), ("particulieren", "Particulieren")],
    },
    {
        "code": "kvk",
        "naam": "Kamer van Koophandel",
        "integratie_modus": Organisatie.IntegratieModus.EXTERN,
        "oin": "00000001003125543000",
        "webhook_url": "http://127.0.0.1:8000/demo-extern/kvk/",
        "afdelingen": [("inschrijvingen", "Inschrijvingen")],
    },
    {
        "code": "waterschap",
        "naam": "Waterschap De Voorbeeldlanden",
        "integratie_modus": Organisatie.IntegratieModus.INTERN,
        "oin": "00000001004117864000",
        "afdelingen": [("heffingen", "Heffingen")],
    },
]


def load(report: DemoReport, *, production: bool) -> None:
    for spec in ORGANISATIES:
        spec = dict(spec)
        afdelingen = spec.pop("afdelingen")
        code = spec.pop("code")
        org = report.upsert(Organisatie, {"code": code}, spec)
        for afd_code, naam in afdelingen:
            report.upsert(
                Afdeling,
                {"organisatie": org, "code": afd_code},
                {"naam": naam, "email": f"{afd_code}@{code}.demo.nl"},
            )
