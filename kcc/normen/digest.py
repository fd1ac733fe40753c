"""The daily digest for teamleiders: counts and the worst breaches, one mail each.

Written to the zaken outbox (kind ``medewerker``), so a mail server that is down delays
the digest instead of losing it, and a fixed key per day and teamleider makes a second
run on the same day (beat fired twice, a retried task) send nothing new.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from kcc.accounts import roles
from kcc.normen.calendar import Werkkalender, als_datum
from kcc.normen.selectors import DIGEST_ERGSTE, regie_overzicht

logger = logging.getLogger(__name__)

DIGEST_ONDERWERP = "Servicenormen vandaag: {zaken} zaken en {cv} contactverzoeken te laat"


def _teamleiders():
    from kcc.accounts.models import User

    return list(
        User.objects.filter(groups__name=roles.TEAMLEIDER, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )


def digest_sleutel(*, datum, teamleider_id: int) -> str:
    return f"digest:{datum:%Y-%m-%d}:{teamleider_id}"


def digest_tekst(overzicht) -> str:
    regels = [
        f"Stand van de servicenormen op {overzicht.peildatum:%d-%m-%Y}.",
        "",
        f"Zaken over de streefdatum: {overzicht.aantal_zaken_te_laat}",
        f"Contactverzoeken over de deadline: {overzicht.aantal_contactverzoeken_te_laat}",
        f"Zaken met een waarschuwing (termijn bijna om): {overzicht.aantal_waarschuwingen}",
        f"Hoofdzaken met een deelzaak in gevaar: {overzicht.aantal_hoofdzaken_risico}",
    ]
    if overzicht.per_afdeling:
        regels += ["", "Te laat per afdeling:"]
        regels += [f"- {groep.naam}: {groep.aantal}" for groep in overzicht.per_afdeling]
    if overzicht.zaken_te_laat:
        regels += ["", "De zaken die het langst te laat zijn:"]
        for zaak in overzicht.zaken_te_laat[:DIGEST_ERGSTE]:
            onderwerp = zaak.product.naam if zaak.product_id else zaak.get_soort_display()
            regels.append(
                f"- {zaak.identificatie} ({onderwerp}, {zaak.afdeling.naam}): "
                f"streefdatum {zaak.streefdatum:%d-%m-%Y}"
            )
    regels += ["", "Details: /console/regie/"]
    return "\n".join(regels)


def teamleider_digest_versturen(*, nu: datetime | None = None) -> int:
    """Queue each active teamleider's digest; not on weekends, holidays or closing days.

    A fixed number of queries whatever the number of teamleiders (the overview is the
    same for all of them; the outbox rows are one INSERT). Returns the number of digests
    queued now: 0 when today's were queued already.
    """
    from zaken.models import OutboxBericht
    from zaken.services.outbox import outbox_aanbieden

    nu = nu or timezone.now()
    if not Werkkalender().is_werkdag(nu):
        return 0
    teamleiders = _teamleiders()
    if not teamleiders:
        return 0
    overzicht = regie_overzicht(medewerker=teamleiders[0], nu=nu)
    payload = {
        "onderwerp": DIGEST_ONDERWERP.format(
            zaken=overzicht.aantal_zaken_te_laat, cv=overzicht.aantal_contactverzoeken_te_laat
        ),
        "tekst": digest_tekst(overzicht),
    }
    sleutels = {
        digest_sleutel(datum=als_datum(nu), teamleider_id=t.pk): t.email for t in teamleiders
    }
    with transaction.atomic():
        bestaand = set(
            OutboxBericht.objects.filter(dedup_sleutel__in=sleutels).values_list(
                "dedup_sleutel", flat=True
            )
        )
        nieuw = [
            OutboxBericht(
                soort=OutboxBericht.Soort.MEDEWERKER,
                dedup_sleutel=sleutel,
                doel=email,
                payload=payload,
                volgende_poging_op=nu,
            )
            for sleutel, email in sleutels.items()
            if sleutel not in bestaand
        ]
        # A parallel run that was just faster: its rows win, ours are skipped.
        OutboxBericht.objects.bulk_create(nieuw, ignore_conflicts=True)
        ids = list(
            OutboxBericht.objects.filter(
                dedup_sleutel__in=[b.dedup_sleutel for b in nieuw], status="wachtend"
            ).values_list("pk", flat=True)
        )
        for bericht_id in ids:
            transaction.on_commit(lambda pk=bericht_id: outbox_aanbieden(bericht_id=pk))
    return len(nieuw)
