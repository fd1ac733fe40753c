"""The SMTP listener (aiosmtpd): every accepted mail goes through bericht_ontvangen_email.

The mail is stored before the server answers 250, so a sender only hears "accepted" when
nothing can be lost any more; a failure answers 451 and the sender tries again.

Size: the listener announces SIZE (MAX_RUW, the same cap as the IMAP path) and refuses a
bigger mail with 552, at MAIL FROM when the client declares its size, else after DATA
without keeping it. Nothing is stored then, but nothing is lost silently either: the
sender's own server returns the mail to the sender with the reason.
"""

from __future__ import annotations

import logging

from aiosmtpd.controller import Controller
from asgiref.sync import sync_to_async
from django.db import close_old_connections

from kanalen.inbox.email import MAX_RUW

logger = logging.getLogger(__name__)


def _ontvangen(ruw: bytes) -> int:
    from kanalen.inbox.email import bericht_ontvangen_email

    close_old_connections()
    try:
        return bericht_ontvangen_email(raw_bytes=ruw).pk
    finally:
        close_old_connections()


class InboxHandler:
    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        ruw = envelope.original_content or envelope.content
        if isinstance(ruw, str):
            ruw = ruw.encode("utf-8", "surrogateescape")
        try:
            pk = await sync_to_async(_ontvangen, thread_sensitive=False)(ruw)
        except Exception:
            logger.exception("Mail van %s niet opgeslagen: 451", envelope.mail_from)
            return "451 Tijdelijke fout, probeer het later opnieuw"
        logger.info("Mail van %s opgeslagen als bericht %s", envelope.mail_from, pk)
        return "250 OK"


def smtp_controller(*, host: str, port: int, max_grootte: int = MAX_RUW) -> Controller:
    """The listener; attachment limits apply per file after the whole-mail cap."""
    return Controller(InboxHandler(), hostname=host, port=port, data_size_limit=max_grootte)
