"""Generators of the benchmark data set, one per table group, deterministic per seed.

Each generator takes (count, rng) and returns the number of rows it made. They use COPY
for the big tables (see copy.py); small reference data goes through the ORM.
"""

from __future__ import annotations

import random

from kcc.bench.copy import copy_model, copy_rows, reset_sequence

N_ORGANISATIES = 10
N_AFDELINGEN = 50


def organisaties(count: int, rng: random.Random) -> int:
    """10 organisations with 50 afdelingen in all; the first is the municipality."""
    from productcatalogus.models import Afdeling, Organisatie

    rows = [
        (
            i,
            f"Bench organisatie {i}",
            f"bench-org-{i}",
            "",
            i == 1,
            "intern" if i <= 6 else "extern",
            "" if i <= 6 else f"http://127.0.0.1:9/{i}",
            "",
            "",
        )
        for i in range(1, N_ORGANISATIES + 1)
    ]
    copy_rows(
        Organisatie._meta.db_table,
        [
            "id",
            "naam",
            "code",
            "oin",
            "is_eigen_organisatie",
            "integratie_modus",
            "webhook_url",
            "website",
            "telefoonnummer",
        ],
        rows,
        len(rows),
    )
    reset_sequence(Organisatie._meta.db_table)
    # Afdeling 1 (of the municipality) is the KCC itself: hoofdzaken are under its regie.
    afdelingen = [
        (
            a,
            (a - 1) % N_ORGANISATIES + 1,
            "KCC" if a == 1 else f"Bench afdeling {a}",
            "kcc" if a == 1 else f"afd-{a}",
            "",
            True,
        )
        for a in range(1, N_AFDELINGEN + 1)
    ]
    copy_rows(
        Afdeling._meta.db_table,
        ["id", "organisatie_id", "naam", "code", "email", "actief"],
        afdelingen,
        len(afdelingen),
    )
    reset_sequence(Afdeling._meta.db_table)
    return len(rows) + len(afdelingen)


def _organisaties_dataset():
    from kcc.bench.datasets import Dataset
    from productcatalogus.models import Afdeling, Organisatie

    return Dataset(
        name="organisaties en afdelingen",
        base_count=N_ORGANISATIES,
        generate=organisaties,
        tables=(Organisatie._meta.db_table, Afdeling._meta.db_table),
        scales=False,
    )


UPL_CSV = "UPL-actueel.csv"
VAC_SJABLONEN = [
    "Hoe vraag ik {p} aan?",
    "Wat kost {p}?",
    "Hoe lang duurt het voordat ik {p} krijg?",
    "Welke papieren heb ik nodig voor {p}?",
    "Kan ik {p} online regelen?",
    "Wat moet ik doen als mijn {p} niet klopt?",
    "Wie kan mij helpen met {p}?",
    "Kan iemand anders {p} voor mij regelen?",
    "Waar vind ik meer over {p}?",
    "Moet ik een afspraak maken voor {p}?",
]
EXTRA_WOORDEN = [
    "spoed",
    "buitenland",
    "kind",
    "ouder",
    "verloren",
    "gestolen",
    "verlopen",
    "kosten",
    "afspraak",
    "balie",
    "online",
    "machtiging",
    "bezwaar",
    "termijn",
    "wijzigen",
    "stoppen",
]


def catalogus(count: int, rng: random.Random) -> int:
    """The real UPL list (1121 terms), a product per term, and ``count`` VACs."""
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command
    from django.utils.text import slugify

    from productcatalogus.models import VAC, Afdeling, Product, UplTerm

    data = Path(settings.BASE_DIR).parent / "shared" / "data" / "upl"
    call_command("import_upl", str(data / UPL_CSV), verbosity=0)
    afdelingen = list(Afdeling.objects.values_list("pk", "organisatie_id"))
    terms = list(UplTerm.objects.order_by("pk").values_list("naam", "uri"))

    def products():
        for index, (naam, uri) in enumerate(terms, start=1):
            afdeling_id, organisatie_id = afdelingen[index % len(afdelingen)]
            yield {
                "id": index,
                "naam": naam[:200],
                "slug": f"{slugify(naam)[:180]}-{index}",
                "upl_naam": naam[:300],
                "upl_uri": uri,
                "samenvatting": f"Alles over {naam.lower()}"[:300],
                "tekst": f"{naam}. U regelt dit bij de gemeente of de organisatie die het levert.",
                "organisatie_id": organisatie_id,
                "afdeling_id": afdeling_id,
                "doorlooptijd_werkdagen": rng.choice([5, 10, 20, 40, 56]),
                "servicenorm_werkdagen": rng.choice([3, 5, 10, 15]),
                "kanalen": ["telefoon", "balie", "email", "webformulier"],
                "intake": [],
            }

    copy_model(Product, products(), len(terms))
    reset_sequence(Product._meta.db_table)
    product_names = [t[0] for t in terms]

    def vacs():
        for index in range(1, count + 1):
            product = rng.choice(product_names)
            vraag = rng.choice(VAC_SJABLONEN).format(p=product.lower())
            extra = " ".join(rng.sample(EXTRA_WOORDEN, 2))
            yield {
                "id": index,
                "vraag": f"{vraag} ({extra})"[:300],
                "slug": f"vac-{index}",
                "antwoord": f"<p>Voor {product.lower()} kijkt u op de productpagina. "
                f"Heeft u vragen over {extra}? Bel 14 000.</p>",
                "trefwoorden": f"{product.lower()}, {extra.replace(' ', ', ')}",
                "openbaar": rng.random() < 0.8,
                "afdeling_id": afdelingen[index % len(afdelingen)][0],
            }

    copy_model(VAC, vacs(), count)
    reset_sequence(VAC._meta.db_table)
    links = ((v, rng.randint(1, len(terms))) for v in range(1, count + 1))
    copy_rows(VAC.producten.through._meta.db_table, ["vac_id", "product_id"], links, count)
    return len(terms) + count


def _catalogus_dataset():
    from kcc.bench.datasets import Dataset
    from productcatalogus.models import VAC, Product, UplTerm

    return Dataset(
        name="catalogus (UPL-producten en VAC's)",
        base_count=10_000,
        generate=catalogus,
        tables=(
            UplTerm._meta.db_table,
            Product._meta.db_table,
            VAC._meta.db_table,
            VAC.producten.through._meta.db_table,
        ),
    )


def _klanten_dataset():
    from kcc.bench.datasets import Dataset
    from kcc.bench.gen_klanten import klanten
    from klanten.models import DigitaalAdres, Klant

    return Dataset(
        name="klanten",
        base_count=1_000_000,
        generate=klanten,
        tables=(Klant._meta.db_table, DigitaalAdres._meta.db_table),
    )


def _contactmomenten_dataset():
    from kanalen.models import Contactmoment, ContactmomentVraag
    from kcc.bench.datasets import Dataset
    from kcc.bench.gen_klanten import contactmomenten

    return Dataset(
        name="contactmomenten",
        base_count=5_000_000,
        generate=contactmomenten,
        tables=(Contactmoment._meta.db_table, ContactmomentVraag._meta.db_table),
    )


def _zaken_dataset():
    from kcc.bench.datasets import Dataset
    from kcc.bench.gen_zaken import zaken
    from zaken.models import Aanvraag, Zaak

    return Dataset(
        name="zaken",
        base_count=1_000_000,
        generate=zaken,
        tables=(Aanvraag._meta.db_table, Zaak._meta.db_table),
    )


def _contactverzoeken_dataset():
    from kanalen.models import Contactverzoek
    from kcc.bench.datasets import Dataset
    from kcc.bench.gen_kanalen import contactverzoeken

    return Dataset(
        name="contactverzoeken (open)",
        base_count=700_000,
        generate=contactverzoeken,
        tables=(Contactverzoek._meta.db_table,),
    )


def _inbox_dataset():
    from kanalen.inbox.models import Gesprek, InkomendBericht
    from kcc.bench.datasets import Dataset
    from kcc.bench.gen_kanalen import inbox

    return Dataset(
        name="KCC-inbox (100.000 open)",
        base_count=120_000,
        generate=inbox,
        tables=(Gesprek._meta.db_table, InkomendBericht._meta.db_table),
    )


def kpi_dagcijfers(count: int, rng: random.Random) -> int:
    """The daily KPI tables over the generated year, as the nightly beat task keeps them."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    van = gisteren - datetime.timedelta(days=count - 1)
    call_command("kpi_aggregeren", van=van.isoformat(), tot=gisteren.isoformat())
    return count


def _kpi_dataset():
    from kcc.bench.datasets import Dataset

    # The command replaces each day's rows itself; nothing to truncate first.
    return Dataset(
        name="KPI-dagcijfers (dagen)",
        base_count=366,
        generate=kpi_dagcijfers,
        tables=(),
        scales=False,
    )


class _Lazy(list):
    """Build the dataset list on first use (after django.setup())."""

    def __init__(self, builders):
        super().__init__()
        self._builders = builders
        self._built = False

    def __iter__(self):
        if not self._built:
            self.extend(builder() for builder in self._builders)
            self._built = True
        return super().__iter__()


DATASETS = _Lazy(
    [
        _organisaties_dataset,
        _catalogus_dataset,
        _klanten_dataset,
        # Zaken before contactmomenten: a contactmoment may point at its aanvraag.
        _zaken_dataset,
        _contactmomenten_dataset,
        _contactverzoeken_dataset,
        _inbox_dataset,
        _kpi_dataset,
    ]
)
