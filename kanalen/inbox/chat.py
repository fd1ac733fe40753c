"""Live chat on the public site: it waits in the KCC inbox (norm: 2 minutes), a
medewerker accepts it (claim), messages flow both ways (htmx polling, no extra server),
and at the end the transcript becomes a Contactmoment."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kanalen import services as kanalen_services
from kanalen.codes import KanaalCode
from kanalen.inbox.models import Antwoord, InkomendBericht
from kanalen.inbox.services import (
    AL_AFGEROND,
    BerichtInvoer,
    anoniem_velden,
    check_eigen_open_item,
    inkomend_bericht_aanmaken,
    kanaal_voor,
)
from kanalen.models import Contactmoment
from kcc.accounts.models import User
from klanten.models import Klant

CHAT_BEEINDIGD = "Deze chat is beëindigd. Start een nieuwe chat als u nog een vraag heeft."
BERICHT_LEEG = "Typ eerst uw bericht."
MAX_BERICHT = 2000
# htmx stops polling on this status: the last answer of an ended chat carries it.
POLLEN_STOPPEN = 286
_WIE = {True: "Medewerker", False: "Klant"}


@dataclass
class ChatRegel:
    van_medewerker: bool
    naam: str
    tekst: str
    moment: datetime.datetime


def chat_starten(
    *, naam: str, vraag: str, email: str = "", klant: Klant | None = None
) -> InkomendBericht:
    if not vraag.strip():
        raise ValidationError({"vraag": [BERICHT_LEEG]})
    return inkomend_bericht_aanmaken(
        invoer=BerichtInvoer(
            kanaal=KanaalCode.CHAT,
            onderwerp=vraag.strip()[:80],
            tekst=vraag.strip()[:MAX_BERICHT],
            afzender_naam=naam.strip(),
            afzender_email=email,
            klant=klant,
        )
    )


def chat_item(*, gesprek_id: int) -> InkomendBericht | None:
    return (
        InkomendBericht.objects.filter(
            gesprek_id=gesprek_id, is_vervolg=False, kanaal=KanaalCode.CHAT
        )
        .select_related("behandelaar", "gesprek")
        .first()
    )


def chat_bericht_burger(*, item: InkomendBericht, tekst: str) -> InkomendBericht:
    if item.status not in InkomendBericht.OPEN:
        raise ValidationError(CHAT_BEEINDIGD)
    if not tekst.strip():
        raise ValidationError({"tekst": [BERICHT_LEEG]})
    return inkomend_bericht_aanmaken(
        invoer=BerichtInvoer(
            kanaal=KanaalCode.CHAT,
            tekst=tekst.strip()[:MAX_BERICHT],
            afzender_naam=item.afzender_naam,
            afzender_email=item.afzender_email,
            klant=item.klant,
        ),
        gesprek=item.gesprek,
    )


def chat_bericht_medewerker(*, item: InkomendBericht, medewerker: User, tekst: str) -> Antwoord:
    """A message from the medewerker; the first one accepts the chat (claim)."""
    check_eigen_open_item(item, medewerker)
    if not tekst.strip():
        raise ValidationError({"tekst": [BERICHT_LEEG]})
    return Antwoord.objects.create(
        gesprek=item.gesprek,
        bericht=item,
        kanaal=KanaalCode.CHAT,
        tekst=tekst.strip()[:MAX_BERICHT],
        medewerker=medewerker,
        verzonden_op=timezone.now(),
    )


def chat_regels(*, item: InkomendBericht) -> list[ChatRegel]:
    """The whole chat, oldest first (two queries)."""
    regels = [
        ChatRegel(False, b.afzender_naam or "U", b.tekst, b.ontvangen_op)
        for b in InkomendBericht.objects.filter(gesprek_id=item.gesprek_id).only(
            "afzender_naam", "tekst", "ontvangen_op"
        )
    ]
    regels += [
        ChatRegel(True, a.medewerker.first_name or "Medewerker", a.tekst, a.aangemaakt_op)
        for a in Antwoord.objects.filter(gesprek_id=item.gesprek_id).select_related("medewerker")
    ]
    return sorted(regels, key=lambda r: r.moment)


def chat_versie(*, item: InkomendBericht, regels: list[ChatRegel]) -> str:
    """Changes when a message arrives or the status changes: pollers skip the rest."""
    return f"{len(regels)}-{item.status}"


def chat_beeindigen(*, item: InkomendBericht, medewerker: User) -> Contactmoment:
    """End the chat: the transcript becomes one inbound Contactmoment (kanaal chat).

    The medewerker's replies are part of that one contact, not outbound contacts of their
    own: the citizen started one conversation, answered live in it. The transcript holds
    both directions, and every reply (Antwoord) points to the contact. Recording each
    reply as an outbound contact would count one chat as many in the volumes and the
    handling times.
    """
    check_eigen_open_item(item, medewerker)
    regels = chat_regels(item=item)
    transcript = "\n".join(
        f"{timezone.localtime(r.moment):%H:%M} {_WIE[r.van_medewerker]}: {r.tekst}" for r in regels
    )
    nu = timezone.now()
    # kanalen refuses a start more than 12 hours back: a longer chat counts from then.
    gestart_op = max(
        item.ontvangen_op, nu - kanalen_services.MAX_DUUR + datetime.timedelta(minutes=1)
    )
    with transaction.atomic():
        gesloten = InkomendBericht.objects.filter(
            pk=item.pk, status__in=InkomendBericht.OPEN, behandelaar=medewerker
        ).update(status=InkomendBericht.Status.BEANTWOORD, beantwoord_op=nu)
        if not gesloten:
            raise ValidationError(AL_AFGEROND)
        contactmoment = kanalen_services.contactmoment_registreren(
            medewerker=medewerker,
            kanaal=kanaal_voor(KanaalCode.CHAT),
            vragen=[kanalen_services.VraagInvoer(vraag=item.tekst[:2000], antwoord=transcript)],
            resultaat=Contactmoment.Resultaat.BEANTWOORD,
            gestart_op=gestart_op,
            klant=item.klant,
            scherm="console/inbox/chat",
            **anoniem_velden(item),
        )
        Antwoord.objects.filter(bericht=item, contactmoment__isnull=True).update(
            contactmoment=contactmoment
        )
    item.refresh_from_db()
    return contactmoment
