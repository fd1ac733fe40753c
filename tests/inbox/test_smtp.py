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


def test_mail_boven_de_smtp_limiet_geweigerd_en_listener_werkt_door(caplog):
    poort = _vrije_poort()
    controller = smtp_controller(host="127.0.0.1", port=poort, max_grootte=20_000)
    controller.start()
    groot = mail(
        message_id="<te-groot@example.nl>",
        bijlagen=[("scan.pdf", "application/pdf", b"%PDF" + b"x" * 40_000)],
    ).replace(b"\n", b"\r\n")  # SMTP lines end in CRLF
    try:
        with smtplib.SMTP("127.0.0.1", poort, timeout=10) as smtp:
            smtp.ehlo()
            assert smtp.esmtp_features["size"] == "20000"  # announced up front
            # A client that declares the size is refused before it sends the mail.
            with pytest.raises(smtplib.SMTPSenderRefused) as exc:
                smtp.sendmail("jan@example.nl", ["kcc@voorbeeldstad.nl"], groot)
            assert exc.value.smtp_code == 552
        with smtplib.SMTP("127.0.0.1", poort, timeout=10) as smtp:
            # One that does not: refused after DATA, nothing kept.
            smtp.helo()
            smtp.mail("jan@example.nl")
            smtp.rcpt("kcc@voorbeeldstad.nl")
            code, _ = smtp.data(groot)
            assert code == 552
        with smtplib.SMTP("127.0.0.1", poort, timeout=10) as smtp:
            smtp.sendmail(
                "jan@example.nl",
                ["kcc@voorbeeldstad.nl"],
                mail(message_id="<daarna@example.nl>", onderwerp="Daarna"),
            )
    finally:
        controller.stop()
    assert list(InkomendBericht.objects.values_list("message_id", flat=True)) == [
        "<daarna@example.nl>"
    ]


def test_listener_gebruikt_dezelfde_limiet_als_imap():
    from kanalen.inbox.email import MAX_RUW

    controller = smtp_controller(host="127.0.0.1", port=_vrije_poort())
    assert controller.SMTP_kwargs["data_size_limit"] == MAX_RUW


def test_te_grote_mail_zelf_als_kopregels_bewaard(monkeypatch):
    """Whatever path hands a mail over MAX_RUW to the ingestion: only the header is kept."""
    from kanalen.inbox import email

    monkeypatch.setattr(email, "MAX_RUW", 5_000)
    groot = mail(
        onderwerp="Groot",
        bijlagen=[("scan.pdf", "application/pdf", b"%PDF" + b"x" * 20_000)],
    )
    bericht = bericht_ontvangen_email(raw_bytes=groot)
    assert bericht.onderwerp == "Groot" and "alleen de kopregels" in bericht.verwerkingsfout
    assert len(bytes(bericht.ruw)) < 2_000 and not bericht.bijlagen.exists()
