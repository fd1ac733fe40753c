"""The SMTP listener (aiosmtpd): every accepted mail goes through bericht_ontvangen_email.

The mail is stored before the server answers 250, so a sender only hears "accepted" when
nothing can be lost any more; a failure answers 451 and the sender tries again.
"""

from __future__ import annotations

import logging

from aiosmtpd.controller import Controller
from asgiref.sync import sync_to_async
from django.db import close_old_connections

logger = logging.getLogger(__name__)

MAX_GROOTTE = 40 * 1024 * 1024  # SMTP SIZE limit; attachment limits apply per file after


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


def smtp_controller(*, host: str, port: int) -> Controller:
    return Controller(InboxHandler(), hostname=host, port=port, data_size_limit=MAX_GROOTTE)
