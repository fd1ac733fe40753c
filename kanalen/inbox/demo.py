"""Demo inbox: a few e-mails through the real ingestion service. Idempotent: the
fixed Message-IDs make a second run find the same messages."""

from __future__ import annotations

from email.message import EmailMessage

from kanalen.inbox.email import bericht_ontvangen_email
from kanalen.inbox.models import InkomendBericht
from kcc.core.demo import DemoReport

MAILS = [
    (
        "<demo-1@voorbeeld.nl>",
        "Fatima el Amrani <fatima@voorbeeld.nl>",
        "Paspoort verlopen",
        "Mijn paspoort is verlopen. Hoe vraag ik een nieuw paspoort aan?",
    ),
    (
        "<demo-2@voorbeeld.nl>",
        "Jan de Vries <jan.devries@voorbeeld.nl>",
        "Grofvuil ophalen",
        "Wanneer wordt het grofvuil in mijn straat opgehaald?",
    ),
    (
        "<demo-3@voorbeeld.nl>",
        "Bakkerij Brood & Zo <info@broodenzo.nl>",
        "Terrasvergunning",
        "Wij willen een terras voor onze zaak. Welke vergunning hebben wij nodig?",
    ),
]


def _mail(message_id: str, afzender: str, onderwerp: str, tekst: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = afzender
    msg["To"] = "kcc@voorbeeldstad.nl"
    msg["Subject"] = onderwerp
    msg["Message-ID"] = message_id
    msg.set_content(tekst)
    return msg.as_bytes()


def load(report: DemoReport, *, production: bool) -> None:
    if production:
        return  # no invented citizens' mail in a production inbox
    for message_id, afzender, onderwerp, tekst in MAILS:
        bestond = InkomendBericht.objects.filter(message_id=message_id).exists()
        bericht_ontvangen_email(raw_bytes=_mail(message_id, afzender, onderwerp, tekst))
        report.counts[("inkomende berichten", "ongewijzigd" if bestond else "aangemaakt")] += 1
