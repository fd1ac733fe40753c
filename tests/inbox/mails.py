"""Build raw test mails with the stdlib."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid


def mail(
    *,
    afzender: str = "Jan Jansen <jan@example.nl>",
    onderwerp: str = "Vraag over paspoort",
    tekst: str = "Hoe lang is mijn paspoort geldig?",
    html: str | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: str | None = None,
    bijlagen: list[tuple[str, str, bytes]] = (),
) -> bytes:
    msg = EmailMessage()
    msg["From"] = afzender
    msg["To"] = "kcc@voorbeeldstad.nl"
    msg["Subject"] = onderwerp
    msg["Message-ID"] = message_id or make_msgid(domain="example.nl")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = references
    msg.set_content(tekst)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for naam, content_type, inhoud in bijlagen:
        hoofd, sub = content_type.split("/")
        msg.add_attachment(inhoud, maintype=hoofd, subtype=sub, filename=naam)
    return msg.as_bytes()
