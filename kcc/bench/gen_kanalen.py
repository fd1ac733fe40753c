"""Benchmark data: open contactverzoeken and a KCC inbox of open items.

Together with the 200,000 open zaken they make the million open objects the norm
monitor watches (issue 8); the inbox is the 100,000 open items of issue 7.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from kcc.bench.copy import copy_model, reset_sequence

# Every 7th generated contactmoment ends in a terugbelverzoek: about 714,000 at full scale,
# of which the part below is still open.
CONTACTVERZOEK_STAP = 7
INBOX_OPEN_FRACTIE = 100 / 120
INBOX_KANALEN = [("email", 60), ("webformulier", 30), ("post", 5), ("sociale_media", 5)]


def contactverzoeken(count: int, rng: random.Random) -> int:
    """``count`` contactverzoeken on existing contactmomenten, open, deadlines from a month
    ago to a week ahead (so the monitor finds warnings, breaches and quiet ones)."""
    from kanalen.models import Contactverzoek
    from productcatalogus.models import Afdeling

    afdelingen = list(Afdeling.objects.order_by("pk").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, klant_id FROM kanalen_contactmoment WHERE id %% %s = 0 "
            "ORDER BY id LIMIT %s",
            [CONTACTVERZOEK_STAP, count],
        )
        bronnen = cursor.fetchall()
    now = timezone.now().replace(microsecond=0)

    def rows():
        for pk, (contactmoment_id, klant_id) in enumerate(bronnen, start=1):
            deadline = now + timedelta(minutes=rng.randint(-30 * 24 * 60, 7 * 24 * 60))
            yield {
                "id": pk,
                "klant_id": klant_id,
                "contactmoment_id": contactmoment_id,
                "afdeling_id": afdelingen[pk % len(afdelingen)],
                "vraag": "Graag terugbellen over de aanvraag",
                "telefoonnummer": f"+316{20_000_000 + pk:08d}",
                "deadline": deadline,
                "status": "open",
                "aangemaakt_op": deadline - timedelta(days=1),
            }

    n = copy_model(Contactverzoek, rows(), len(bronnen))
    reset_sequence(Contactverzoek._meta.db_table)
    return n


def _weighted(rng: random.Random, choices) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def inbox(count: int, rng: random.Random) -> int:
    """``count`` inbox items (one conversation each), most of them still open."""
    from kanalen.inbox.models import Gesprek, InkomendBericht
    from klanten.models import Klant

    n_klanten = Klant.objects.count()
    now = timezone.now().replace(microsecond=0)
    items: list[dict] = []
    for pk in range(1, count + 1):
        kanaal = _weighted(rng, INBOX_KANALEN)
        ontvangen = now - timedelta(minutes=rng.randint(1, 14 * 24 * 60))
        klant_id = rng.randint(1, n_klanten) if rng.random() < 0.7 else None
        email = f"klant{klant_id}@voorbeeld.nl" if klant_id else f"onbekend{pk}@example.org"
        open_ = rng.random() < INBOX_OPEN_FRACTIE
        items.append(
            {
                "id": pk,
                "kanaal": kanaal,
                "gesprek_id": pk,
                "klant_id": klant_id,
                "afzender_email": email if kanaal in ("email", "webformulier") else "",
                "onderwerp": f"Vraag over mijn aanvraag {pk}",
                "tekst": "Goedendag, ik heb een vraag over mijn aanvraag. Met vriendelijke groet.",
                "referentie": f"KCC-{timezone.localtime(ontvangen).year}-{pk:06d}",
                "message_id": f"<bench-{pk}@voorbeeld.nl>" if kanaal == "email" else None,
                "ontvangen_op": ontvangen,
                "deadline": ontvangen + timedelta(days=2 if kanaal != "post" else 7),
                "status": "nieuw" if open_ else "beantwoord",
                "beantwoord_op": None if open_ else ontvangen + timedelta(hours=rng.randint(1, 60)),
            }
        )

    gesprekken = (
        {
            "id": item["id"],
            "kanaal": item["kanaal"],
            "klant_id": item["klant_id"],
            "adres": item["afzender_email"],
            "onderwerp": item["onderwerp"],
            "aangemaakt_op": item["ontvangen_op"],
        }
        for item in items
    )
    copy_model(Gesprek, gesprekken, count)
    reset_sequence(Gesprek._meta.db_table)
    n = copy_model(InkomendBericht, iter(items), count)
    reset_sequence(InkomendBericht._meta.db_table)
    return n
