"""The outbox: stored with the change, sent after commit, retried by beat, never twice."""

import datetime
import hashlib
import hmac
import json
from unittest import mock

import pytest
import responses
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from kanalen.models import Contactmoment, Kanaal
from tests.zaken.conftest import EXTERN_SECRET, WEBHOOK_URL
from zaken.models import OutboxAflevering, OutboxBericht, Zaak
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.outbox import (
    CLOUDEVENTS_CONTENT_TYPE,
    SIGNATURE_HEADER,
    outbox_bericht_afleveren,
    outbox_opnieuw_versturen,
)
from zaken.tasks import outbox_herverzenden_taak

pytestmark = pytest.mark.django_db


def _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden):
    return aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )


def _webhook():
    return OutboxBericht.objects.get(soort=OutboxBericht.Soort.WEBHOOK)


def test_written_in_the_same_transaction(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    class Terugdraaien(Exception):
        pass

    with pytest.raises(Terugdraaien), transaction.atomic():
        _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden_verhuizen)
        assert OutboxBericht.objects.filter(soort=OutboxBericht.Soort.WEBHOOK).count() == 1
        raise Terugdraaien
    assert not OutboxBericht.objects.exists()
    assert not Zaak.objects.exists()


@responses.activate
def test_dispatched_on_commit_signed_cloudevent(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen, django_capture_on_commit_callbacks
):
    responses.post(WEBHOOK_URL, status=202)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden_verhuizen)
    bericht = _webhook()
    assert bericht.status == OutboxBericht.Status.WACHTEND  # nothing sent before commit
    assert len(responses.calls) == 0
    for callback in callbacks:
        callback()
    bericht.refresh_from_db()
    assert bericht.status == OutboxBericht.Status.VERZONDEN
    (call,) = responses.calls
    body = call.request.body
    verwacht = "sha256=" + hmac.new(EXTERN_SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert call.request.headers[SIGNATURE_HEADER] == verwacht
    assert call.request.headers["Content-Type"] == CLOUDEVENTS_CONTENT_TYPE
    event = json.loads(body)
    assert event["specversion"] == "1.0"
    assert event["type"] == "nl.kcc.zaak.doorgezet"
    assert event["subject"] == bericht.zaak.identificatie
    assert event["data"]["product"]["naam"] == "Wijziging toeslagen"
    assert event["data"]["hoofdzaak"] == bericht.zaak.hoofdzaak.identificatie


@responses.activate
def test_failure_stays_pending_and_beat_resends_later_never_twice(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen, django_capture_on_commit_callbacks
):
    responses.post(WEBHOOK_URL, status=503)
    with django_capture_on_commit_callbacks(execute=True):
        _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden_verhuizen)
    bericht = _webhook()
    assert bericht.status == OutboxBericht.Status.WACHTEND
    assert bericht.pogingen == 1
    assert bericht.laatste_fout == "AfleverFout: HTTP 503"
    assert bericht.volgende_poging_op > timezone.now()
    assert OutboxAflevering.objects.filter(bericht=bericht, gelukt=False, poging=1).exists()

    # Beat right away: not due yet, nothing is sent.
    outbox_herverzenden_taak()
    assert len(responses.calls) == 1

    responses.replace(responses.POST, WEBHOOK_URL, status=200)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert outbox_herverzenden_taak() >= 1
        bericht.refresh_from_db()
        assert bericht.status == OutboxBericht.Status.VERZONDEN
        outbox_herverzenden_taak()
        assert outbox_bericht_afleveren(bericht_id=bericht.pk) is False
    assert len(responses.calls) == 2  # one failure, one success: never twice
    assert bericht.afleveringen.filter(gelukt=True).count() == 1


@responses.activate
def test_broker_outage_loses_nothing(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen, django_capture_on_commit_callbacks
):
    responses.post(WEBHOOK_URL, status=200)
    with (
        mock.patch(
            "zaken.tasks.outbox_afleveren.delay", side_effect=OperationalError("Redis is weg")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden_verhuizen)
    assert Zaak.objects.count() == 4  # the change itself is committed
    bericht = _webhook()
    assert bericht.status == OutboxBericht.Status.WACHTEND
    assert len(responses.calls) == 0
    # Broker is back: the beat task delivers what waited, once.
    outbox_herverzenden_taak()
    outbox_herverzenden_taak()
    bericht.refresh_from_db()
    assert bericht.status == OutboxBericht.Status.VERZONDEN
    assert len(responses.calls) == 1
    assert len(mail.outbox) == 1  # the receipt to the customer


def test_notification_sent_by_mail_and_recorded_as_outbound_contactmoment(
    klant, verhuizing, kim_kcc, django_capture_on_commit_callbacks
):
    Kanaal.objects.get_or_create(code="email", defaults={"naam": "E-mail", "reactienorm_waarde": 2})
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            antwoorden={"verhuisdatum": "2026-12-15", "nieuwe_postcode": "1234 CD"},
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    (bericht,) = mail.outbox
    assert bericht.to == ["jan@example.nl"]
    assert "Ontvangstbevestiging" in bericht.subject
    notificatie = OutboxBericht.objects.get(soort=OutboxBericht.Soort.NOTIFICATIE)
    assert notificatie.status == OutboxBericht.Status.VERZONDEN
    contactmoment = notificatie.contactmoment
    assert contactmoment.richting == Contactmoment.Richting.UITGAAND
    assert contactmoment.klant == klant


def test_no_email_means_a_letter_via_the_postkamer(
    klant, verhuizing, kim_kcc, django_capture_on_commit_callbacks
):
    klant.digitale_adressen.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            antwoorden={"verhuisdatum": "2026-12-15", "nieuwe_postcode": "1234 CD"},
            kanaal="balie",
        )
    notificatie = OutboxBericht.objects.get(soort=OutboxBericht.Soort.NOTIFICATIE)
    assert notificatie.doel == "post"
    (bericht,) = mail.outbox
    assert "Dorpsstraat 1" in bericht.body


@responses.activate
def test_manual_resend_from_beheer(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen, django_capture_on_commit_callbacks
):
    responses.post(WEBHOOK_URL, status=500)
    with django_capture_on_commit_callbacks(execute=True):
        _toeslagen_indienen(klant, verhuizen, kim_kcc, antwoorden_verhuizen)
    OutboxBericht.objects.filter(soort=OutboxBericht.Soort.WEBHOOK).update(
        status=OutboxBericht.Status.MISLUKT
    )
    responses.replace(responses.POST, WEBHOOK_URL, status=200)
    with django_capture_on_commit_callbacks(execute=True):
        outbox_opnieuw_versturen(berichten=OutboxBericht.objects.filter(soort="webhook"))
    assert _webhook().status == OutboxBericht.Status.VERZONDEN


def test_same_dedup_key_never_makes_a_second_message(klant, verhuizing):
    from zaken.services.outbox import outbox_bericht_schrijven

    eerste = outbox_bericht_schrijven(
        soort="notificatie", dedup_sleutel="x", doel="a@b.nl", payload={}
    )
    tweede = outbox_bericht_schrijven(
        soort="notificatie", dedup_sleutel="x", doel="a@b.nl", payload={}
    )
    assert eerste.pk == tweede.pk
    assert OutboxBericht.objects.count() == 1


def _notificatie(klant, verhuizing) -> OutboxBericht:
    """The receipt to the customer, stored but not yet offered (no on_commit run)."""
    aanvraag_indienen(
        klant=klant,
        product=verhuizing,
        antwoorden={"verhuisdatum": "2026-12-15", "nieuwe_postcode": "1234 CD"},
        kanaal="balie",
    )
    return OutboxBericht.objects.get(soort=OutboxBericht.Soort.NOTIFICATIE)


@pytest.mark.parametrize(
    ("mislukt_op", "verwacht"),
    [
        # Tuesday 17:59:50: the 30 s backoff falls after office hours, so Wednesday 08:00.
        ("2026-11-17T17:59:50", "2026-11-18T08:00:00"),
        # Friday 23:00: not at night, not at the weekend: Monday 08:00.
        ("2026-11-20T23:00:00", "2026-11-23T08:00:00"),
        # Tuesday 10:00: within office hours, just the backoff.
        ("2026-11-17T10:00:00", "2026-11-17T10:00:30"),
    ],
)
def test_herhaling_van_een_klantbericht_wacht_op_kantoortijd(
    klant, verhuizing, monkeypatch, mislukt_op, verwacht
):
    from kcc.normen.calendar import TIJDZONE

    bericht = _notificatie(klant, verhuizing)
    moment = datetime.datetime.fromisoformat(mislukt_op).replace(tzinfo=TIJDZONE)
    OutboxBericht.objects.filter(pk=bericht.pk).update(volgende_poging_op=moment)
    monkeypatch.setattr("zaken.services.outbox.send_mail", mock.Mock(side_effect=OSError("smtp")))
    with time_machine.travel(moment, tick=False):
        assert outbox_bericht_afleveren(bericht_id=bericht.pk) is False
    bericht.refresh_from_db()
    assert bericht.status == OutboxBericht.Status.WACHTEND
    assert bericht.volgende_poging_op == datetime.datetime.fromisoformat(verwacht).replace(
        tzinfo=TIJDZONE
    )


def test_contactmoment_en_status_in_een_transactie(klant, verhuizing, monkeypatch):
    """Recording the contactmoment fails: the message is not marked sent either."""
    from kanalen.models import ContactmomentVraag

    Kanaal.objects.get_or_create(code="email", defaults={"naam": "E-mail", "reactienorm_waarde": 2})
    bericht = _notificatie(klant, verhuizing)
    monkeypatch.setattr(
        ContactmomentVraag.objects, "create", mock.Mock(side_effect=RuntimeError("db weg"))
    )
    with pytest.raises(RuntimeError):
        outbox_bericht_afleveren(bericht_id=bericht.pk)
    bericht.refresh_from_db()
    assert bericht.status == OutboxBericht.Status.BEZIG  # retried once the lease is over
    assert bericht.contactmoment is None
    assert not Contactmoment.objects.exists()


def test_contactmoment_noemt_de_zaak(klant, verhuizing):
    Kanaal.objects.get_or_create(code="email", defaults={"naam": "E-mail", "reactienorm_waarde": 2})
    bericht = _notificatie(klant, verhuizing)
    assert outbox_bericht_afleveren(bericht_id=bericht.pk) is True
    bericht.refresh_from_db()
    assert bericht.status == OutboxBericht.Status.VERZONDEN
    vraag = bericht.contactmoment.vragen.get()
    assert bericht.zaak.identificatie in vraag.vraag
    assert vraag.product_id == verhuizing.pk
