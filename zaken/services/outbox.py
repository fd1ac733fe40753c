"""The transactional outbox: write a side effect with the change, deliver it after commit.

Written in the caller's transaction (``outbox_bericht_schrijven``), handed to Celery on
commit, and picked up again by the beat task (``outbox_herverzenden``) when the broker
was down, a worker died or the receiver failed. A delivery first claims the row with one
conditional UPDATE, so two workers never send the same message at the same time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import uuid
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from kcc.normen.calendar import Werkkalender
from zaken.models import ExterneKoppeling, OutboxAflevering, OutboxBericht, Zaak

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-KCC-Signature"
CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json"
MAX_POGINGEN = 12
BASIS_WACHTTIJD = timedelta(seconds=30)
MAX_WACHTTIJD = timedelta(hours=6)
HTTP_TIMEOUT = (5, 15)

FOUT_GEEN_URL = "De organisatie heeft geen webhook-URL."
FOUT_GEEN_KOPPELING = "Er is geen actieve externe koppeling (webhookgeheim) voor deze organisatie."


def body_bytes(payload: dict) -> bytes:
    """The exact bytes that are sent and signed."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode()


def handtekening(*, secret: str, body: bytes) -> str:
    """Value of the signature header: ``sha256=<hex HMAC-SHA256 of the body>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def wachttijd(pogingen: int) -> timedelta:
    """Exponential backoff: 30 s, 1 min, 2 min, ... capped at 6 hours."""
    return min(BASIS_WACHTTIJD * (2 ** max(pogingen - 1, 0)), MAX_WACHTTIJD)


def cloudevent(*, type: str, subject: str, data: dict) -> dict:
    return {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "urn:kcc:" + settings.KCC_ORGANISATIE_NAAM.lower().replace(" ", "-"),
        "type": type,
        "subject": subject,
        "time": timezone.now().isoformat(),
        "datacontenttype": "application/json",
        "data": data,
    }


def outbox_bericht_schrijven(
    *,
    soort: str,
    dedup_sleutel: str,
    doel: str,
    payload: dict,
    zaak: Zaak | None = None,
    organisatie=None,
) -> OutboxBericht:
    """Store a message in the caller's transaction; it is dispatched once that commits.

    The same ``dedup_sleutel`` twice gives the existing message: never a second one.
    """
    bestaand = OutboxBericht.objects.filter(dedup_sleutel=dedup_sleutel).first()
    if bestaand is not None:
        return bestaand
    bericht = OutboxBericht.objects.create(
        soort=soort,
        dedup_sleutel=dedup_sleutel,
        doel=doel,
        payload=payload,
        zaak=zaak,
        organisatie=organisatie,
        volgende_poging_op=timezone.now(),
    )
    transaction.on_commit(lambda: outbox_aanbieden(bericht_id=bericht.pk))
    return bericht


def outbox_aanbieden(*, bericht_id: int) -> None:
    """Hand a message to Celery. A broker outage is logged, not raised: beat retries."""
    from zaken.tasks import outbox_afleveren

    try:
        outbox_afleveren.delay(bericht_id)
    except Exception:  # the broker may be down; the row is safe in the database
        logger.warning(
            "Outboxbericht %s niet aangeboden aan Celery; beat probeert opnieuw.", bericht_id
        )


def _claim(bericht_id: int) -> bool:
    nu = timezone.now()
    return bool(
        OutboxBericht.objects.filter(
            pk=bericht_id,
            status__in=[OutboxBericht.Status.WACHTEND, OutboxBericht.Status.BEZIG],
            volgende_poging_op__lte=nu,
        ).update(
            status=OutboxBericht.Status.BEZIG,
            # The lease: how long this delivery may take before another worker may retry.
            volgende_poging_op=nu + timedelta(seconds=settings.KCC_OUTBOX_LEASE_SECONDS),
            pogingen=F("pogingen") + 1,
        )
    )


def outbox_bericht_afleveren(*, bericht_id: int) -> bool:
    """Deliver one message if it is due and nobody else is delivering it. True when sent."""
    if not _claim(bericht_id):
        return False
    bericht = OutboxBericht.objects.select_related("organisatie", "zaak").get(pk=bericht_id)
    begin = time.monotonic()
    http_status: int | None = None
    fout = ""
    try:
        if bericht.soort == OutboxBericht.Soort.WEBHOOK:
            http_status = _webhook_versturen(bericht)
        else:
            _notificatie_versturen(bericht)
    except Exception as exc:  # every failure is logged on the row and retried later
        fout = f"{type(exc).__name__}: {exc}"[:2000]
    duur_ms = int((time.monotonic() - begin) * 1000)
    nu = timezone.now()
    with transaction.atomic():
        OutboxAflevering.objects.create(
            bericht=bericht,
            poging=bericht.pogingen,
            gelukt=not fout,
            http_status=http_status,
            fout=fout,
            duur_ms=duur_ms,
        )
        if not fout:
            # Sent and recorded on the customer record together, or neither: a crash in
            # between would leave a sent message without its outbound contactmoment.
            contactmoment = (
                _contactmoment_vastleggen(bericht, nu)
                if bericht.soort == OutboxBericht.Soort.NOTIFICATIE
                else None
            )
            OutboxBericht.objects.filter(pk=bericht.pk).update(
                status=OutboxBericht.Status.VERZONDEN,
                verzonden_op=nu,
                laatste_fout="",
                contactmoment=contactmoment,
            )
            return True
        opgegeven = bericht.pogingen >= MAX_POGINGEN
        OutboxBericht.objects.filter(pk=bericht.pk).update(
            status=OutboxBericht.Status.MISLUKT if opgegeven else OutboxBericht.Status.WACHTEND,
            volgende_poging_op=volgende_poging(bericht, nu),
            laatste_fout=fout,
        )
    logger.warning("Outboxbericht %s poging %s mislukt: %s", bericht.pk, bericht.pogingen, fout)
    return False


def volgende_poging(bericht: OutboxBericht, nu) -> datetime:
    """When to try again after a failure: the backoff, and for a citizen office hours.

    A message to a citizen is never sent in the evening, at night, at the weekend or on
    a holiday, also not when a retry after a failed send would fall then.
    """
    volgende = nu + wachttijd(bericht.pogingen)
    if bericht.soort == OutboxBericht.Soort.NOTIFICATIE:
        volgende = Werkkalender().volgend_moment_binnen_kantoortijd(volgende)
    return volgende


class AfleverFout(Exception):
    pass


def _webhook_versturen(bericht: OutboxBericht) -> int:
    if not bericht.doel:
        raise AfleverFout(FOUT_GEEN_URL)
    koppeling = ExterneKoppeling.objects.filter(
        organisatie_id=bericht.organisatie_id, actief=True
    ).first()
    if koppeling is None:
        raise AfleverFout(FOUT_GEEN_KOPPELING)
    body = body_bytes(bericht.payload)
    response = requests.post(
        bericht.doel,
        data=body,
        headers={
            "Content-Type": CLOUDEVENTS_CONTENT_TYPE,
            SIGNATURE_HEADER: handtekening(secret=koppeling.webhook_secret, body=body),
            "User-Agent": "KCC-outbox/1",
        },
        timeout=HTTP_TIMEOUT,
        allow_redirects=False,
    )
    if not 200 <= response.status_code < 300:
        raise AfleverFout(f"HTTP {response.status_code}")
    return response.status_code


def _notificatie_versturen(bericht: OutboxBericht) -> None:
    payload = bericht.payload
    if bericht.doel == "post":
        # No e-mail address: the postkamer prints and sends a letter.
        ontvanger = payload.get("postkamer") or settings.DEFAULT_FROM_EMAIL
        tekst = f"Brief versturen aan:\n{payload.get('adres', '')}\n\n{payload['tekst']}"
        send_mail(f"Brief: {payload['onderwerp']}", tekst, None, [ontvanger])
    else:
        send_mail(payload["onderwerp"], payload["tekst"], None, [bericht.doel])


def _contactmoment_vastleggen(bericht: OutboxBericht, nu):
    """Record the sent notification as an outbound contactmoment on the customer record.

    Linked to the zaak through the outbox row (``bericht.zaak`` and its ``contactmoment``);
    the question names the zaaknummer and the product. Caller holds the transaction that
    marks the message sent. Returns the contactmoment, or None without a channel.
    """
    from kanalen.models import Contactmoment, ContactmomentVraag, Kanaal

    kanaal_code = "post" if bericht.doel == "post" else "email"
    kanaal = Kanaal.objects.filter(code=kanaal_code).first()
    klant_id = bericht.payload.get("klant_id")
    if kanaal is None or klant_id is None:
        logger.info(
            "Geen kanaal %s: notificatie %s niet als contactmoment vastgelegd.",
            kanaal_code,
            bericht.pk,
        )
        return None
    contactmoment = Contactmoment.objects.create(
        klant_id=klant_id,
        kanaal=kanaal,
        richting=Contactmoment.Richting.UITGAAND,
        gestart_op=nu,
        beeindigd_op=nu,
        duur_seconden=0,
        resultaat=Contactmoment.Resultaat.BEANTWOORD,
    )
    zaaknummer = bericht.payload.get("zaak")
    onderwerp = bericht.payload["onderwerp"]
    ContactmomentVraag.objects.create(
        contactmoment=contactmoment,
        volgnummer=1,
        vraag=f"{onderwerp} (zaak {zaaknummer})" if zaaknummer else onderwerp,
        antwoord=bericht.payload["tekst"],
        product_id=bericht.payload.get("product_id"),
    )
    return contactmoment


def outbox_te_versturen() -> QuerySet[OutboxBericht]:
    return OutboxBericht.objects.filter(
        Q(status=OutboxBericht.Status.WACHTEND) | Q(status=OutboxBericht.Status.BEZIG),
        volgende_poging_op__lte=timezone.now(),
    )


def outbox_herverzenden(*, limiet: int = 500) -> int:
    """Offer every due message to Celery again (beat). Returns how many were offered."""
    ids = list(
        outbox_te_versturen().order_by("volgende_poging_op").values_list("pk", flat=True)[:limiet]
    )
    for bericht_id in ids:
        outbox_aanbieden(bericht_id=bericht_id)
    return len(ids)


def outbox_opnieuw_versturen(*, berichten: QuerySet[OutboxBericht]) -> int:
    """Manual re-send from beheer: also messages that were sent or given up on."""
    ids = list(berichten.values_list("pk", flat=True))
    with transaction.atomic():
        OutboxBericht.objects.filter(pk__in=ids).update(
            status=OutboxBericht.Status.WACHTEND,
            volgende_poging_op=timezone.now(),
            pogingen=0,
            laatste_fout="",
        )
        for bericht_id in ids:
            transaction.on_commit(lambda pk=bericht_id: outbox_aanbieden(bericht_id=pk))
    return len(ids)
