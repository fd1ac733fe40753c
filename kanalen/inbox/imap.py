"""IMAP poller: new mail in the organisation's mailbox goes through the one ingestion
service; a message is flagged \\Seen only after it is stored, so nothing is lost."""

from __future__ import annotations

import imaplib
import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

# A message that fails this often is flagged and skipped (it stays in the mailbox).
MAX_POGINGEN = 5
FOUT_ONTHOUDEN = 7 * 24 * 60 * 60  # seconds
_UID_RE = re.compile(rb"UID (\d+)")
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")

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
    """Fetch unseen mail; returns how many messages were ingested.

    One message that cannot be stored does not block the others: it stays unseen and is
    tried again on the next poll; after MAX_POGINGEN failures it is flagged (\\Seen
    \\Flagged) so it leaves the poll and a mail administrator finds it in the mailbox.
    A mail over MAX_RUW is never downloaded whole: only its header is fetched.
    """
    from kanalen.inbox.email import MAX_RUW, bericht_ontvangen_email

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
        uidvalidity = (verbinding.response("UIDVALIDITY")[1] or [b""])[0] or b""
        _, data = verbinding.uid("SEARCH", None, "UNSEEN")
        uids = (data[0] or b"").split()[:max_berichten]
        groottes = _groottes(verbinding, uids)
        for uid in uids:
            sleutel = f"inbox:imap-fout:{config.host}:{config.gebruiker}:{config.map}"
            sleutel += f":{uidvalidity.decode(errors='replace')}:{uid.decode()}"
            try:
                te_groot = groottes.get(uid, 0) > MAX_RUW
                ruw = _ophalen(verbinding, uid, "BODY.PEEK[HEADER]" if te_groot else "BODY.PEEK[]")
                if ruw is None:
                    logger.warning("IMAP-bericht %s zonder inhoud overgeslagen", uid)
                    continue
                bericht_ontvangen_email(raw_bytes=ruw, grootte=groottes[uid] if te_groot else None)
            except (imaplib.IMAP4.abort, OSError, OperationalError, InterfaceError):
                # The mailbox or the database is gone, not this message: stop this poll,
                # count nothing, the next poll starts again.
                raise
            except Exception:
                _mislukt(verbinding, uid, sleutel)
                continue
            verbinding.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            cache.delete(sleutel)
            aantal += 1
    finally:
        try:
            verbinding.logout()
        except (OSError, imaplib.IMAP4.error):
            logger.warning("IMAP-verbinding niet netjes afgesloten")
    return aantal


def _groottes(verbinding, uids: list[bytes]) -> dict[bytes, int]:
    """The size of each message (RFC822.SIZE), in one FETCH; unknown sizes are left out."""
    if not uids:
        return {}
    _, delen = verbinding.uid("FETCH", b",".join(uids), "(RFC822.SIZE)")
    groottes = {}
    for deel in delen:
        regel = deel[0] if isinstance(deel, tuple) else deel
        uid = _UID_RE.search(regel or b"")
        grootte = _SIZE_RE.search(regel or b"")
        if uid and grootte:
            groottes[uid.group(1)] = int(grootte.group(1))
    return groottes


def _ophalen(verbinding, uid: bytes, onderdeel: str) -> bytes | None:
    _, delen = verbinding.uid("FETCH", uid, f"({onderdeel})")
    return next((d[1] for d in delen if isinstance(d, tuple)), None)


def _mislukt(verbinding, uid: bytes, sleutel: str) -> None:
    """Count a failed message (cache: losing the count only means more tries); flag it
    after MAX_POGINGEN so it no longer blocks the poll."""
    cache.add(sleutel, 0, timeout=FOUT_ONTHOUDEN)
    try:
        pogingen = cache.incr(sleutel)
    except ValueError:  # expired in between
        cache.add(sleutel, 1, timeout=FOUT_ONTHOUDEN)
        pogingen = 1
    if pogingen < MAX_POGINGEN:
        logger.exception(
            "IMAP-bericht %s niet opgeslagen (poging %d van %d); volgende keer opnieuw",
            uid,
            pogingen,
            MAX_POGINGEN,
        )
        return
    logger.exception(
        "IMAP-bericht %s na %d pogingen niet opgeslagen: gemarkeerd (\\Flagged) en "
        "overgeslagen; het staat nog in de postbus",
        uid,
        pogingen,
    )
    verbinding.uid("STORE", uid, "+FLAGS", "(\\Seen \\Flagged)")
    cache.delete(sleutel)
