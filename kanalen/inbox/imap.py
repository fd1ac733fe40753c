"""IMAP poller: new mail in the organisation's mailbox goes through the one ingestion
service; a message is flagged \\Seen only after it is stored, so nothing is lost."""

from __future__ import annotations

import imaplib
import logging
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

ONGELDIGE_URL = "KCC_IMAP_URL moet de vorm imaps://gebruiker:wachtwoord@host:993/INBOX hebben."


@dataclass
class ImapConfig:
    ssl: bool
    host: str
    port: int
    gebruiker: str
    wachtwoord: str
    map: str


def imap_config(url: str) -> ImapConfig:
    delen = urlsplit(url)
    if delen.scheme not in ("imap", "imaps") or not delen.hostname or not delen.username:
        raise ValueError(ONGELDIGE_URL)
    ssl = delen.scheme == "imaps"
    return ImapConfig(
        ssl=ssl,
        host=delen.hostname,
        port=delen.port or (993 if ssl else 143),
        gebruiker=unquote(delen.username),
        wachtwoord=unquote(delen.password or ""),
        map=unquote(delen.path.lstrip("/")) or "INBOX",
    )


def imap_ophalen(*, url: str | None = None, max_berichten: int = 200) -> int:
    """Fetch unseen mail; returns how many messages were ingested."""
    from kanalen.inbox.email import bericht_ontvangen_email

    url = settings.KCC_IMAP_URL if url is None else url
    if not url:
        return 0
    config = imap_config(url)
    klasse = imaplib.IMAP4_SSL if config.ssl else imaplib.IMAP4
    verbinding = klasse(config.host, config.port, timeout=30)
    aantal = 0
    try:
        verbinding.login(config.gebruiker, config.wachtwoord)
        verbinding.select(config.map)
        _, data = verbinding.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split()[:max_berichten]:
            _, delen = verbinding.uid("FETCH", uid, "(BODY.PEEK[])")
            ruw = next((d[1] for d in delen if isinstance(d, tuple)), None)
            if ruw is None:
                logger.warning("IMAP-bericht %s zonder inhoud overgeslagen", uid)
                continue
            bericht_ontvangen_email(raw_bytes=ruw)
            verbinding.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            aantal += 1
    finally:
        try:
            verbinding.logout()
        except (OSError, imaplib.IMAP4.error):
            logger.warning("IMAP-verbinding niet netjes afgesloten")
    return aantal
