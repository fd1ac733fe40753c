"""Benchmark data: klanten with digitale adressen, and a year of contactmomenten."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from kcc.bench.copy import copy_model, copy_rows, reset_sequence

VOORNAMEN = [
    "Jan",
    "Piet",
    "Kees",
    "Anna",
    "Maria",
    "Sophie",
    "Emma",
    "Daan",
    "Sem",
    "Lucas",
    "Julia",
    "Mila",
    "Tess",
    "Noah",
    "Finn",
    "Saar",
    "Lotte",
    "Fatima",
    "Mohammed",
    "Yusuf",
    "Aisha",
    "Ahmet",
    "Elif",
    "Zeynep",
    "Wei",
    "Li",
    "Priya",
    "Ravi",
    "Olga",
    "Piotr",
    "Anouk",
    "Bram",
    "Ruben",
    "Iris",
    "Femke",
    "Joost",
    "Willem",
    "Hendrik",
    "Grietje",
    "Marloes",
    "Koen",
    "Thijs",
    "Ilse",
    "Nina",
    "Stijn",
    "Lieke",
    "Jesse",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("el", "Amrani"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Nguyen"),
    ("", "Kowalski"),
]
STRATEN = [
    "Dorpsstraat",
    "Kerkstraat",
    "Schoolstraat",
    "Molenweg",
    "Stationsweg",
    "Julianalaan",
    "Beatrixstraat",
]
WOONPLAATSEN = ["Voorbeeldstad", "Voorbeelddorp", "Nieuw-Voorbeeld"]
RESULTATEN = [
    ("beantwoord", 75),
    ("contactverzoek", 10),
    ("aanvraag_gestart", 8),
    ("doorverwezen", 4),
    ("doorverbonden", 3),
]
KANAAL_GEWICHT = [
    ("telefoon", 50),
    ("balie", 15),
    ("email", 15),
    ("webformulier", 10),
    ("chat", 6),
    ("post", 2),
    ("sociale_media", 2),
]


def bsn_reeks(rng: random.Random):
    """Valid, unique BSNs (elfproef) in a seed-dependent but increasing sequence."""
    prefix = 10_000_000 + rng.randint(0, 1000)
    while True:
        prefix += 1
        digits = [int(c) for c in f"{prefix:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check == 10:
            continue
        yield f"{prefix:08d}{check}"


def postcode(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRTVWXZ"
    return f"{rng.randint(1000, 9999)} {rng.choice(letters)}{rng.choice(letters)}"


def klanten(count: int, rng: random.Random) -> int:
    from klanten.models import DigitaalAdres, Klant
    from klanten.zoeken import naamdelen

    bsns = bsn_reeks(rng)

    def rows():
        for pk in range(1, count + 1):
            voornaam = rng.choice(VOORNAMEN)
            voorvoegsel, achternaam = rng.choice(ACHTERNAMEN)
            yield {
                "id": pk,
                "soort": "persoon",
                "bsn": next(bsns),
                "voornamen": voornaam,
                "voorvoegsel": voorvoegsel,
                "geslachtsnaam": achternaam,
                "geboortedatum": (timezone.now() - timedelta(days=rng.randint(6570, 32000))).date(),
                "zoeknaam": " ".join(naamdelen(achternaam) + naamdelen(voornaam)),
                "straat": rng.choice(STRATEN),
                "huisnummer": rng.randint(1, 250),
                "postcode": postcode(rng),
                "woonplaats": rng.choice(WOONPLAATSEN),
                "voorkeurskanaal": rng.choice(["", "email", "telefoon"]),
            }

    copy_model(Klant, rows(), count)
    reset_sequence(Klant._meta.db_table)

    def adressen():
        pk = 0
        for klant_id in range(1, count + 1):
            if rng.random() < 0.6:
                pk += 1
                yield {
                    "id": pk,
                    "klant_id": klant_id,
                    "soort": "telefoon",
                    "waarde": f"+316{10_000_000 + klant_id:08d}",
                    "voorkeur": True,
                }
            if rng.random() < 0.5:
                pk += 1
                yield {
                    "id": pk,
                    "klant_id": klant_id,
                    "soort": "email",
                    "waarde": f"klant{klant_id}@voorbeeld.nl",
                    "voorkeur": True,
                }

    n_adressen = copy_model(DigitaalAdres, adressen(), int(count * 1.1))
    reset_sequence(DigitaalAdres._meta.db_table)
    return count + n_adressen


def _weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def contactmomenten(count: int, rng: random.Random) -> int:
    """``count`` contactmomenten over the last 365 days, each with one question."""
    from kanalen.models import Contactmoment, ContactmomentVraag, Kanaal
    from klanten.models import Klant
    from productcatalogus.models import Product

    kanalen = _kanalen(Kanaal)
    n_klanten = Klant.objects.count()
    product_ids = list(Product.objects.values_list("pk", flat=True))
    now = timezone.now().replace(microsecond=0)
    products_of = {}

    # Oldest first: ids ascend with time and a day's contacts lie together on disk, as
    # in a table that has been filled contact by contact for a year.
    offsets = sorted((rng.randint(60, 365 * 86400) for _ in range(count)), reverse=True)

    def rows():
        for pk, offset in enumerate(offsets, start=1):
            gestart = now - timedelta(seconds=offset)
            duur = int(rng.lognormvariate(5.2, 0.6))
            anoniem = rng.random() < 0.08
            products_of[pk] = rng.choice(product_ids) if product_ids else None
            yield {
                "id": pk,
                "klant_id": None if anoniem else rng.randint(1, n_klanten),
                "kanaal_id": kanalen[_weighted(rng, KANAAL_GEWICHT)],
                "richting": "inkomend" if rng.random() < 0.9 else "uitgaand",
                "gestart_op": gestart,
                "beeindigd_op": gestart + timedelta(seconds=duur),
                "duur_seconden": duur,
                "resultaat": _weighted(rng, RESULTATEN),
                "aangemaakt_op": gestart + timedelta(seconds=duur),
            }

    copy_model(Contactmoment, rows(), count)
    reset_sequence(Contactmoment._meta.db_table)
    vraag_fields = {f.attname for f in ContactmomentVraag._meta.concrete_fields}
    columns = ["id", "contactmoment_id", "volgnummer", "vraag", "antwoord", "product_id"]
    columns = [c for c in columns if c in vraag_fields]

    def vragen():
        for pk in range(1, count + 1):
            values = {
                "id": pk,
                "contactmoment_id": pk,
                "volgnummer": 1,
                "vraag": "Vraag over een product",
                "antwoord": "Uitgelegd aan de klant",
                "product_id": products_of.pop(pk),
            }
            yield [values[c] for c in columns]

    copy_rows(ContactmomentVraag._meta.db_table, columns, vragen(), count)
    reset_sequence(ContactmomentVraag._meta.db_table)
    return count


def _kanalen(Kanaal) -> dict[str, int]:
    """The seven channels with their default reactienormen, as the demo data makes them."""
    from kanalen.demo import load_kanalen
    from kcc.core.demo import DemoReport

    load_kanalen(DemoReport())
    return dict(Kanaal.objects.values_list("code", "pk"))
