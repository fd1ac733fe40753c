"""E-mail in and out: one ingestion service for every source (SMTP listener, IMAP poller)
and the sending of answers with threading headers."""

from __future__ import annotations

import logging
import re
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone

from kanalen.codes import KanaalCode
from kanalen.inbox.models import Antwoord, Gesprek, InkomendBericht
from kanalen.inbox.services import (
    BerichtInvoer,
    BijlageInvoer,
    adres_normaliseren,
    inkomend_bericht_aanmaken,
    klant_bij_adres,
)

logger = logging.getLogger(__name__)

REFERENTIE_RE = re.compile(r"\[(KCC-\d{4}-\d{6,})\]")
MESSAGE_ID_RE = re.compile(r"<[^<>\s]+>")
ONLEESBAAR = "Het bericht kon niet worden gelezen; het origineel is bewaard."
GEEN_AFZENDER = "Het bericht heeft geen geldig afzenderadres."
# The largest mail stored whole. Bigger: the SMTP listener refuses it (552, the sender's
# server tells the sender); from IMAP only its header is fetched and stored, with TE_GROOT.
MAX_RUW = 40 * 1024 * 1024
TE_GROOT = (
    "Het bericht was {mb} MB, groter dan 40 MB: alleen de kopregels zijn bewaard, niet de "
    "inhoud en de bijlagen. Vraag de afzender het in kleinere delen te sturen."
)
MAX_KOPREGELS = 256 * 1024  # a header block bigger than this is not a real mail header
# Writing to the same conversation needs the same sender: a quoted reference is not enough.
THREAD_KANALEN = (KanaalCode.EMAIL, KanaalCode.WEBFORMULIER)


def _header(msg, naam: str) -> str:
    """A header as text; a header that cannot be parsed counts as absent."""
    try:
        waarde = msg.get(naam)
    except Exception:  # malformed header values raise from the header parser
        logger.warning("Kopregel %s onleesbaar in inkomende mail", naam)
        return ""
    return str(waarde).strip() if waarde is not None else ""


def _message_ids(waarde: str) -> list[str]:
    return MESSAGE_ID_RE.findall(waarde or "")


def _tekst_en_html(msg) -> tuple[str, str]:
    tekst = html = ""
    try:
        deel = msg.get_body(preferencelist=("plain",))
        if deel is not None:
            tekst = deel.get_content()
        deel = msg.get_body(preferencelist=("html",))
        if deel is not None:
            html = deel.get_content()
    except Exception:  # unknown charset, broken MIME: keep what we have, raw is stored
        logger.warning("Tekst van inkomende mail niet (helemaal) leesbaar", exc_info=True)
    if not tekst and html:
        from kanalen.kennisbank import platte_tekst

        tekst = platte_tekst(html)
    return tekst, html


def _bijlagen(msg) -> list[BijlageInvoer]:
    bijlagen = []
    try:
        for deel in msg.iter_attachments():
            inhoud = deel.get_payload(decode=True) or b""
            bijlagen.append(
                BijlageInvoer(
                    naam=deel.get_filename() or "bijlage",
                    content_type=deel.get_content_type(),
                    inhoud=inhoud,
                )
            )
    except Exception:
        logger.warning("Bijlagen van inkomende mail niet leesbaar", exc_info=True)
    return bijlagen


def gesprek_zoeken(
    *, referenties: list[str], message_ids: list[str], adres: str, klant_id: int | None
) -> Gesprek | None:
    """The conversation this mail replies to, only when the sender is that
    conversation's sender (same address or same klant). Else None: a new item."""
    if not referenties and not message_ids:
        return None
    gesprek_ids = set(
        InkomendBericht.objects.filter(referentie__in=referenties).values_list(
            "gesprek_id", flat=True
        )
    )
    if message_ids:
        gesprek_ids |= set(
            InkomendBericht.objects.filter(message_id__in=message_ids).values_list(
                "gesprek_id", flat=True
            )
        )
        gesprek_ids |= set(
            Antwoord.objects.filter(message_id__in=message_ids).values_list("gesprek_id", flat=True)
        )
    for gesprek in Gesprek.objects.filter(pk__in=gesprek_ids, kanaal__in=THREAD_KANALEN).order_by(
        "-pk"
    ):
        if (adres and gesprek.adres == adres.lower()) or (
            klant_id and gesprek.klant_id == klant_id
        ):
            return gesprek
    if gesprek_ids:
        logger.warning(
            "Mail van %s verwijst naar gesprek(ken) %s van een andere afzender: nieuw bericht",
            adres or "onbekende afzender",
            sorted(gesprek_ids),
        )
    return None


def kopregels(raw_bytes: bytes) -> bytes:
    """The header block of a raw mail (up to the first empty line)."""
    begin = raw_bytes[: MAX_KOPREGELS + 4]
    for scheiding in (b"\r\n\r\n", b"\n\n"):
        einde = begin.find(scheiding)
        if einde != -1:
            return begin[: einde + len(scheiding)]
    return begin[:MAX_KOPREGELS]


def bericht_ontvangen_email(*, raw_bytes: bytes, grootte: int | None = None) -> InkomendBericht:
    """Ingest one e-mail exactly as received. The same Message-ID twice gives one message;
    a reply lands on its conversation; whatever is wrong with it, the raw mail is kept.

    A mail over MAX_RUW is kept as its header only, with TE_GROOT: the item still reaches
    the inbox (sender, subject, threading), the huge body does not reach the database.
    ``grootte``: the size of the whole mail when ``raw_bytes`` is only its header (IMAP
    fetched no more).
    """
    grootte = len(raw_bytes) if grootte is None else grootte
    fout = ""
    if grootte > MAX_RUW:
        raw_bytes = kopregels(raw_bytes)
        fout = TE_GROOT.format(mb=grootte // (1024 * 1024))
        logger.warning("Inkomende mail van %d bytes te groot: alleen kopregels bewaard", grootte)
    try:
        msg = BytesParser(policy=policy.default).parsebytes(raw_bytes)
    except Exception:
        logger.exception("Inkomende mail onleesbaar (%d bytes): origineel bewaard", len(raw_bytes))
        return inkomend_bericht_aanmaken(
            invoer=BerichtInvoer(
                kanaal=KanaalCode.EMAIL,
                onderwerp="(onleesbaar bericht)",
                ruw=raw_bytes,
                verwerkingsfout=ONLEESBAAR,
            )
        )
    message_ids = _message_ids(_header(msg, "Message-ID"))
    message_id = message_ids[0][:500] if message_ids else None
    if message_id:
        bestaand = InkomendBericht.objects.filter(message_id=message_id).first()
        if bestaand is not None:
            logger.info(
                "Mail %s is al ontvangen (bericht %s): niet opnieuw", message_id, bestaand.pk
            )
            return bestaand

    fouten = [fout] if fout else []
    naam, adres = "", ""
    for kandidaat_naam, kandidaat_adres in getaddresses([_header(msg, "From")]):
        adres = adres_normaliseren(kandidaat_adres)
        if adres:
            naam = kandidaat_naam
            break
    if not adres:
        fouten.append(GEEN_AFZENDER)
        logger.warning("Inkomende mail %s zonder geldig afzenderadres", message_id)
    if msg.defects:
        logger.warning("Inkomende mail %s heeft gebreken: %s", message_id, msg.defects[:3])
    onderwerp = _header(msg, "Subject")
    tekst, html = _tekst_en_html(msg)
    in_reply_to = _header(msg, "In-Reply-To")
    references = _header(msg, "References")
    klant = klant_bij_adres(email=adres) if adres else None
    gesprek = gesprek_zoeken(
        referenties=REFERENTIE_RE.findall(onderwerp),
        message_ids=_message_ids(in_reply_to) + _message_ids(references),
        adres=adres,
        klant_id=klant.pk if klant else None,
    )
    invoer = BerichtInvoer(
        kanaal=KanaalCode.EMAIL,
        onderwerp=onderwerp,
        tekst=tekst,
        html=html,
        afzender_naam=naam,
        afzender_email=adres,
        klant=klant,
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        ruw=raw_bytes,
        verwerkingsfout=" ".join(fouten),
        bijlagen=_bijlagen(msg),
    )
    try:
        return inkomend_bericht_aanmaken(invoer=invoer, gesprek=gesprek)
    except IntegrityError:
        # The same mail delivered twice at the same moment: the other delivery won.
        bestaand = (
            InkomendBericht.objects.filter(message_id=message_id).first() if message_id else None
        )
        if bestaand is None:
            raise
        return bestaand


def antwoord_verzenden(*, antwoord_id: int) -> bool:
    """Send one stored e-mail answer with Message-ID, In-Reply-To and References.

    True when sent (or sent before). A failure is logged and counted; the beat task
    tries again later, so nothing is lost while the mail server is down.
    """
    antwoord = (
        Antwoord.objects.select_related("gesprek")
        .filter(pk=antwoord_id, kanaal=KanaalCode.EMAIL)
        .first()
    )
    if antwoord is None or antwoord.verzonden_op is not None:
        return antwoord is not None
    eerdere = list(
        InkomendBericht.objects.filter(gesprek_id=antwoord.gesprek_id, message_id__isnull=False)
        .order_by("ontvangen_op", "id")
        .values_list("message_id", flat=True)
    )
    laatste = (
        antwoord.gesprek.berichten.filter(message_id__isnull=False)
        .order_by("-ontvangen_op", "-id")
        .values_list("message_id", "references")
        .first()
    )
    headers = {"Message-ID": antwoord.message_id}
    if laatste:
        headers["In-Reply-To"] = laatste[0]
        references = _message_ids(laatste[1]) + [m for m in eerdere if m not in laatste[1]]
        headers["References"] = " ".join(dict.fromkeys(references))
    mail = EmailMessage(
        subject=antwoord.onderwerp,
        body=antwoord.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[antwoord.aan],
        headers=headers,
    )
    try:
        mail.send(fail_silently=False)
    except Exception:
        Antwoord.objects.filter(pk=antwoord.pk).update(pogingen=F("pogingen") + 1)
        logger.exception(
            "Antwoord %s aan %s niet verzonden; later opnieuw", antwoord.pk, antwoord.aan
        )
        return False
    Antwoord.objects.filter(pk=antwoord.pk, verzonden_op__isnull=True).update(
        verzonden_op=timezone.now(), pogingen=F("pogingen") + 1
    )
    return True
