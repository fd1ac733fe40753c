"""Real SMTP exchanges on loopback: the listener in, the answer out."""

from __future__ import annotations

import smtplib
import socket
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller

from kanalen.inbox import services
from kanalen.inbox.email import bericht_ontvangen_email
from kanalen.inbox.models import Antwoord, InkomendBericht
from kanalen.inbox.smtp import smtp_controller
from tests.inbox.mails import mail

pytestmark = pytest.mark.django_db(transaction=True)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mail_via_smtp_listener_komt_in_inbox():
    poort = _vrije_poort()
    controller = smtp_controller(host="127.0.0.1", port=poort)
    controller.start()
    try:
        with smtplib.SMTP("127.0.0.1", poort, timeout=10) as smtp:
            smtp.sendmail(
                "jan@example.nl",
                ["kcc@voorbeeldstad.nl"],
                mail(message_id="<smtp-1@example.nl>", onderwerp="Via SMTP"),
            )
            # The same mail again (a retrying server): one item.
            smtp.sendmail(
                "jan@example.nl",
                ["kcc@voorbeeldstad.nl"],
                mail(message_id="<smtp-1@example.nl>", onderwerp="Via SMTP"),
            )
    finally:
        controller.stop()
    bericht = InkomendBericht.objects.get()
    assert bericht.onderwerp == "Via SMTP"
    assert bericht.message_id == "<smtp-1@example.nl>"
    assert bericht.afzender_email == "jan@example.nl"


class _Sink:
    def __init__(self):
        self.berichten: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.berichten.append(envelope.original_content or envelope.content)
        return "250 OK"


def test_antwoord_gaat_via_smtp_met_threading_headers(settings, kim_kcc):
    poort = _vrije_poort()
    sink = _Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=poort)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = poort
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        eerste = bericht_ontvangen_email(raw_bytes=mail(message_id="<v1@example.nl>"))
        vervolg = bericht_ontvangen_email(
            raw_bytes=mail(
                message_id="<v2@example.nl>",
                onderwerp=f"Re: [{eerste.referentie}]",
                in_reply_to="<v1@example.nl>",
                references="<v1@example.nl>",
            )
        )
        assert vervolg.is_vervolg
        antwoord = services.antwoord_versturen(
            bericht=eerste,
            medewerker=kim_kcc,
            tekst="Uw paspoort is 10 jaar geldig.",
            kanaal_code="email",
        )
    finally:
        controller.stop()
    assert len(sink.berichten) == 1
    uit = BytesParser(policy=policy.default).parsebytes(sink.berichten[0])
    assert uit["Message-ID"] == antwoord.message_id
    assert uit["In-Reply-To"] == "<v2@example.nl>"
    assert uit["References"].split() == ["<v1@example.nl>", "<v2@example.nl>"]
    assert f"[{eerste.referentie}]" in uit["Subject"]
    assert uit["To"] == "jan@example.nl"
    assert "10 jaar" in uit.get_content()
    assert Antwoord.objects.get().verzonden_op is not None

    # The citizen replies to our answer: it threads on the same conversation.
    reactie = bericht_ontvangen_email(
        raw_bytes=mail(onderwerp="Bedankt", in_reply_to=antwoord.message_id)
    )
    assert reactie.gesprek_id == eerste.gesprek_id


def test_mailserver_onbereikbaar_antwoord_blijft_staan(settings, kim_kcc, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _vrije_poort()  # nobody listens
    settings.EMAIL_TIMEOUT = 2
    eerste = bericht_ontvangen_email(raw_bytes=mail())
    services.antwoord_versturen(
        bericht=eerste, medewerker=kim_kcc, tekst="Antwoord", kanaal_code="email"
    )
    antwoord = Antwoord.objects.get()
    assert antwoord.verzonden_op is None
    assert antwoord.pogingen == 1
    assert "niet verzonden" in caplog.text
