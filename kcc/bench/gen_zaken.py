"""Benchmark data: a million zaken (with their aanvragen), 200,000 of them open."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from kcc.bench.copy import copy_model, reset_sequence

OPEN_FRACTIE = 0.2
BEHANDELAAR = "bench-behandelaar"
LEVENSGEBEURTENIS = "Bench: verhuizen met vijf onderdelen"


def zaken(count: int, rng: random.Random) -> int:
    from kcc.accounts.models import User
    from klanten.models import Klant
    from productcatalogus.models import (
        Levensgebeurtenis,
        LevensgebeurtenisComponent,
        Product,
    )
    from zaken.models import Aanvraag, Zaak, ZaakTeller

    behandelaar, _ = User.objects.get_or_create(username=BEHANDELAAR)
    producten = list(Product.objects.values_list("pk", "organisatie_id", "afdeling_id"))
    n_klanten = Klant.objects.count()
    today = timezone.localdate()
    now = timezone.now()
    zaak_rows: list[dict] = []

    def aanvragen():
        for pk in range(1, count + 1):
            product_id, organisatie_id, afdeling_id = rng.choice(producten)
            start = today - timedelta(days=rng.randint(0, 365))
            open_ = rng.random() < OPEN_FRACTIE
            klant_id = rng.randint(1, n_klanten)
            ingediend = now - timedelta(days=(today - start).days)
            zaak_rows.append(
                {
                    "id": pk,
                    "identificatie": f"ZAAK-{start.year}-{pk:07d}",
                    "soort": "enkelvoudig",
                    "aanvraag_id": pk,
                    "product_id": product_id,
                    "klant_id": klant_id,
                    "organisatie_id": organisatie_id,
                    "afdeling_id": afdeling_id,
                    "behandelaar_id": behandelaar.pk if open_ and rng.random() < 0.3 else None,
                    "startdatum": start,
                    "streefdatum": start + timedelta(days=rng.randint(3, 21)),
                    "uiterlijke_einddatum": start + timedelta(days=rng.randint(14, 60)),
                    "einddatum": None if open_ else start + timedelta(days=rng.randint(1, 30)),
                    "afgesloten_op": None
                    if open_
                    else ingediend + timedelta(days=rng.randint(1, 30)),
                    "resultaat": "" if open_ else "Toegekend",
                    "aangemaakt_op": ingediend,
                }
            )
            yield {
                "id": pk,
                "klant_id": klant_id,
                "product_id": product_id,
                "antwoorden": {},
                "kanaal": "telefoon",
                "status": "ingediend",
                "aangemaakt_op": ingediend,
            }

    copy_model(Aanvraag, aanvragen(), count)
    reset_sequence(Aanvraag._meta.db_table)
    copy_model(Zaak, iter(zaak_rows), count)
    reset_sequence(Zaak._meta.db_table)
    zaak_rows.clear()
    # New zaken continue after the generated numbers (unique identificatie per year).
    for jaar in (today.year - 1, today.year):
        ZaakTeller.objects.update_or_create(jaar=jaar, defaults={"laatste": count + 1})

    # A life event of five unconditional parts at five afdelingen, for the split benchmark.
    lg, _ = Levensgebeurtenis.objects.get_or_create(
        naam=LEVENSGEBEURTENIS,
        defaults={"slug": "bench-verhuizen", "samenvatting": "Benchmark", "actief": True},
    )
    seen_afdelingen: set[int] = set()
    volgorde = 0
    for product_id, _organisatie_id, afdeling_id in producten:
        if afdeling_id in seen_afdelingen or volgorde == 5:
            continue
        seen_afdelingen.add(afdeling_id)
        volgorde += 1
        Product.objects.filter(pk=product_id).update(intake=[], actief=True)
        LevensgebeurtenisComponent.objects.get_or_create(
            levensgebeurtenis=lg, product_id=product_id, defaults={"volgorde": volgorde}
        )
    return count * 2
