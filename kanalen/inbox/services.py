"""Writes of the KCC inbox: new items on any channel, claim, answer, hand-over.

E-mail parsing lives in ``kanalen.inbox.email``; every channel ends up in
``inkomend_bericht_aanmaken`` so deadlines, threading and klant matching are the same.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kanalen import services as kanalen_services
from kanalen import termijnen as kanalen_termijnen
from kanalen.codes import KanaalCode
from kanalen.inbox.inhoud import (  # noqa: F401 (re-exported: one place for callers)
    BIJLAGE_INHOUD_KLOPT_NIET,
    BIJLAGE_MAX_BYTES,
    BIJLAGE_TE_GROOT,
    BIJLAGE_TYPE_NIET_TOEGESTAAN,
    BIJLAGE_TYPES,
    BijlageInvoer,
    adres_normaliseren,
    bijlage_controleren,
    html_opschonen,
    klant_bij_adres,
)
from kanalen.inbox.models import Antwoord, Bijlage, Gesprek, InkomendBericht
from kanalen.models import Contactmoment, Kanaal
from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.core.permissions import GEEN_TOEGANG
from kcc.normen.calendar import TIJDZONE, Werkkalender
from kcc.normen.termijnen import termijn_berekenen
from klanten.models import DigitaalAdres, Klant

logger = logging.getLogger(__name__)

INBOX_ROLLEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)

CLAIM_VERLOREN = "Een collega heeft dit bericht net opgepakt. Kies een ander bericht."
NIET_VAN_U = "Dit bericht is door een collega opgepakt; u kunt het niet beantwoorden."
AL_AFGEROND = "Dit bericht is al beantwoord of overgedragen."
ANTWOORD_LEEG = "Vul het antwoord in."
GEEN_EMAILADRES = (
    "Er is geen e-mailadres bekend om het antwoord naar te sturen. Kies een ander kanaal."
)
ONBEKEND_ANTWOORDKANAAL = "Kies een kanaal uit de lijst voor het antwoord."

# Reactienorm of a channel that has no Kanaal row yet (beheer can change the row later).
STANDAARD_NORMEN: dict[str, tuple[int, str]] = {
    KanaalCode.EMAIL: (2, Kanaal.Eenheid.WERKDAGEN),
    KanaalCode.WEBFORMULIER: (2, Kanaal.Eenheid.WERKDAGEN),
    KanaalCode.POST: (5, Kanaal.Eenheid.WERKDAGEN),
    KanaalCode.CHAT: (2, Kanaal.Eenheid.MINUTEN),
    KanaalCode.SOCIALE_MEDIA: (2, Kanaal.Eenheid.WERKDAGEN),
    KanaalCode.TELEFOON: (1, Kanaal.Eenheid.WERKDAGEN),
    KanaalCode.BALIE: (1, Kanaal.Eenheid.WERKDAGEN),
}
# Channels an answer can go out on. E-mail is sent; post and telefoon are recorded.
ANTWOORD_KANALEN = (KanaalCode.EMAIL, KanaalCode.POST, KanaalCode.TELEFOON)


@dataclass
class BerichtInvoer:
    kanaal: str
    onderwerp: str = ""
    tekst: str = ""
    html: str = ""
    afzender_naam: str = ""
    afzender_email: str = ""
    afzender_telefoon: str = ""
    klant: Klant | None = None
    ontvangen_op: datetime.datetime | None = None
    message_id: str | None = None
    in_reply_to: str = ""
    references: str = ""
    ruw: bytes = b""
    verwerkingsfout: str = ""
    bijlagen: list[BijlageInvoer] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A NUL byte in a mail or form is never meaningful text, and PostgreSQL refuses
        # it in a text column: drop it here so a broken message is still stored.
        for name in (
            "onderwerp",
            "tekst",
            "html",
            "afzender_naam",
            "afzender_email",
            "afzender_telefoon",
            "in_reply_to",
            "references",
            "verwerkingsfout",
        ):
            value = getattr(self, name)
            if "\x00" in value:
                setattr(self, name, value.replace("\x00", ""))
        if self.message_id and "\x00" in self.message_id:
            self.message_id = self.message_id.replace("\x00", "")


class ClaimVerloren(Exception):
    """Someone else was first; ``str(exc)`` is the Dutch message for the medewerker."""


def _check_inbox(medewerker: User) -> None:
    if not medewerker.has_role(*INBOX_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)


# -- channels and deadlines ---------------------------------------------------------------


def kanaal_voor(code: str) -> Kanaal:
    """The Kanaal row of a code; created with the default reactienorm when missing."""
    waarde, eenheid = STANDAARD_NORMEN.get(code, (2, Kanaal.Eenheid.WERKDAGEN))
    kanaal, _ = Kanaal.objects.get_or_create(
        code=code,
        defaults={
            "naam": KanaalCode(code).label,
            "reactienorm_waarde": waarde,
            "reactienorm_eenheid": eenheid,
        },
    )
    return kanaal


def deadline_berekenen(
    *, kanaal: Kanaal, ontvangen_op: datetime.datetime, kalender: Werkkalender | None = None
) -> datetime.datetime:
    """The reaction deadline of a message from its channel's reactienorm (kcc.normen).

    Working days: end of the working day, n working days after receipt. Minutes or hours:
    counted inside the channel's opening hours; without opening hours, wall-clock time.
    """
    kalender = kalender or Werkkalender()
    if kanaal.reactienorm_eenheid == Kanaal.Eenheid.WERKDAGEN:
        dag = termijn_berekenen(
            start=ontvangen_op, werkdagen=kanaal.reactienorm_waarde, kalender=kalender
        )
        return datetime.datetime.combine(dag, kanalen_termijnen.EINDE_WERKDAG, tzinfo=TIJDZONE)
    minuten = kanaal.reactienorm_waarde * (60 if kanaal.reactienorm_eenheid == "uren" else 1)
    try:
        return kalender.zakelijke_minuten_optellen(kanaal.code, ontvangen_op, minuten)
    except ValueError:
        # No opening hours configured for this channel: the norm runs on the clock.
        return ontvangen_op + datetime.timedelta(minutes=minuten)


# -- creating items -------------------------------------------------------------------------


def _referentie(bericht: InkomendBericht) -> str:
    return f"KCC-{timezone.localtime(bericht.ontvangen_op).year}-{bericht.pk:06d}"


def inkomend_bericht_aanmaken(
    *, invoer: BerichtInvoer, gesprek: Gesprek | None = None
) -> InkomendBericht:
    """Store one inbound message. Without ``gesprek`` it opens a new conversation and is a
    new inbox item with a reference and a deadline; with ``gesprek`` it is a reply that
    reopens the conversation's item (a reply never opens a new item)."""
    nu = timezone.now()
    ontvangen_op = invoer.ontvangen_op or nu
    klant, klant_mogelijk = _klant_herkennen(invoer)
    geweigerd, toegestaan = [], []
    for bijlage in invoer.bijlagen:
        reden = bijlage_controleren(bijlage)
        if reden:
            logger.warning(
                "Bijlage %r (%s, %d bytes) geweigerd: %s",
                bijlage.naam,
                bijlage.content_type,
                len(bijlage.inhoud),
                reden,
            )
            geweigerd.append(
                {"naam": bijlage.naam[:255], "grootte": len(bijlage.inhoud), "reden": reden}
            )
        else:
            toegestaan.append(bijlage)
    with transaction.atomic():
        if gesprek is None:
            gesprek = Gesprek.objects.create(
                kanaal=invoer.kanaal,
                klant=klant,
                adres=invoer.afzender_email.lower(),
                onderwerp=invoer.onderwerp[:300],
            )
            vervolg = False
            deadline = deadline_berekenen(
                kanaal=kanaal_voor(invoer.kanaal), ontvangen_op=ontvangen_op
            )
        else:
            vervolg = True
            deadline = None
        bericht = InkomendBericht.objects.create(
            kanaal=invoer.kanaal,
            gesprek=gesprek,
            is_vervolg=vervolg,
            klant=klant,
            afzender_naam=invoer.afzender_naam[:200],
            afzender_email=invoer.afzender_email[:254],
            afzender_telefoon=invoer.afzender_telefoon[:20],
            onderwerp=invoer.onderwerp[:300],
            tekst=invoer.tekst,
            veilige_html=html_opschonen(invoer.html),
            ruw=invoer.ruw,
            verwerkingsfout=invoer.verwerkingsfout[:300],
            message_id=invoer.message_id or None,
            in_reply_to=invoer.in_reply_to[:500],
            references=invoer.references,
            geweigerde_bijlagen=geweigerd,
            ontvangen_op=ontvangen_op,
            deadline=deadline,
            klant_mogelijk=klant_mogelijk,
        )
        if not vervolg:
            bericht.referentie = _referentie(bericht)
            InkomendBericht.objects.filter(pk=bericht.pk).update(referentie=bericht.referentie)
        else:
            _item_heropenen(gesprek=gesprek, ontvangen_op=ontvangen_op)
        for bijlage in toegestaan:
            Bijlage.objects.create(
                bericht=bericht,
                bestand=ContentFile(bijlage.inhoud, name=_veilige_bestandsnaam(bijlage.naam)),
                naam=bijlage.naam[:255],
                content_type=bijlage.content_type.split(";")[0].strip()[:100],
                grootte=len(bijlage.inhoud),
            )
    return bericht


def _klant_herkennen(invoer: BerichtInvoer) -> tuple[Klant | None, bool]:
    """The Klant a message belongs to, and whether its address only *suggests* one.

    How far an address the sender gave can be trusted depends on the channel:

    - e-mail: the address is the mailbox the message came from, and every answer goes
      back to that mailbox, so whatever we write about the klant reaches only the klant.
    - webformulier: the address is typed in by anyone. Only an address the klant has
      verified counts; otherwise the console would show a stranger as that klant.
    - chat: never by address. The answer goes live to whoever is typing, so even a
      verified address proves only that the klant owns it, not that the typist is the
      klant. Only a logged-in citizen (DigiD: BSN known, passed in as ``invoer.klant``)
      is linked.
    - post and sociale media are typed in by a medewerker from the letter or the post.

    Not linked but matching: ``klant_mogelijk`` is set, so the console can warn "possibly
    a known klant" without showing whose data it would be.
    """
    if invoer.klant is not None:
        return invoer.klant, False
    adres = {"email": invoer.afzender_email, "telefoon": invoer.afzender_telefoon}
    if invoer.kanaal == KanaalCode.CHAT:
        return None, klant_bij_adres(**adres) is not None
    if invoer.kanaal == KanaalCode.WEBFORMULIER:
        klant = klant_bij_adres(**adres, alleen_geverifieerd=True)
        return klant, klant is None and klant_bij_adres(**adres) is not None
    return klant_bij_adres(**adres), False


def _veilige_bestandsnaam(naam: str) -> str:
    from django.utils.text import get_valid_filename

    try:
        return get_valid_filename(naam.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:100]
    except Exception:  # Django raises SuspiciousFileOperation on names like '..'
        return "bijlage"


def _item_heropenen(*, gesprek: Gesprek, ontvangen_op: datetime.datetime) -> None:
    """A reply on an answered conversation puts its item back in the inbox, with a new
    deadline from the reply's receipt; an open item stays as it is."""
    item = gesprek.berichten.filter(is_vervolg=False).first()
    if item is None or item.status in InkomendBericht.OPEN:
        return
    InkomendBericht.objects.filter(pk=item.pk).update(
        status=InkomendBericht.Status.NIEUW,
        behandelaar=None,
        geclaimd_op=None,
        beantwoord_op=None,
        deadline=deadline_berekenen(kanaal=kanaal_voor(item.kanaal), ontvangen_op=ontvangen_op),
    )


# -- working the inbox ------------------------------------------------------------------------


def bericht_claimen(*, bericht: InkomendBericht, medewerker: User) -> InkomendBericht:
    """Take an item. One conditional UPDATE: exactly one winner; the others get
    ClaimVerloren. Claiming an item you already hold is fine."""
    _check_inbox(medewerker)
    gewonnen = InkomendBericht.objects.filter(
        pk=bericht.pk, behandelaar=None, is_vervolg=False, status=InkomendBericht.Status.NIEUW
    ).update(
        behandelaar=medewerker,
        status=InkomendBericht.Status.IN_BEHANDELING,
        geclaimd_op=timezone.now(),
    )
    bericht.refresh_from_db(fields=["behandelaar", "status", "geclaimd_op"])
    if not gewonnen and bericht.behandelaar_id != medewerker.pk:
        raise ClaimVerloren(
            CLAIM_VERLOREN if bericht.status in InkomendBericht.OPEN else AL_AFGEROND
        )
    return bericht


def bericht_vrijgeven(*, bericht: InkomendBericht, medewerker: User) -> None:
    """Put a claimed item back in the queue (own items; a teamleider may release any)."""
    _check_inbox(medewerker)
    qs = InkomendBericht.objects.filter(pk=bericht.pk, status=InkomendBericht.Status.IN_BEHANDELING)
    if not medewerker.has_role(roles.TEAMLEIDER):
        qs = qs.filter(behandelaar=medewerker)
    qs.update(behandelaar=None, status=InkomendBericht.Status.NIEUW, geclaimd_op=None)


def check_eigen_open_item(bericht: InkomendBericht, medewerker: User) -> None:
    _check_inbox(medewerker)
    if bericht.status not in InkomendBericht.OPEN:
        raise ValidationError(AL_AFGEROND)
    if bericht.behandelaar_id is None:
        bericht_claimen(bericht=bericht, medewerker=medewerker)
    elif bericht.behandelaar_id != medewerker.pk:
        raise ValidationError(NIET_VAN_U)


def antwoord_emailadres(*, bericht: InkomendBericht) -> str:
    """Where an e-mail answer goes: the conversation's address, else the klant's preferred."""
    if bericht.gesprek.adres:
        return bericht.afzender_email or bericht.gesprek.adres
    if bericht.klant_id:
        adres = (
            DigitaalAdres.objects.filter(klant_id=bericht.klant_id, soort=DigitaalAdres.Soort.EMAIL)
            .order_by("-voorkeur", "id")
            .values_list("waarde", flat=True)
            .first()
        )
        return adres or ""
    return ""


def antwoordkanalen(*, bericht: InkomendBericht) -> tuple[str, ...]:
    """The channels this item can be answered on. A social-media message also on its own
    channel: there is no platform integration, so the medewerker posts the answer on the
    platform and registers it here (recorded, not sent)."""
    if bericht.kanaal == KanaalCode.SOCIALE_MEDIA:
        return (KanaalCode.SOCIALE_MEDIA, *ANTWOORD_KANALEN)
    return ANTWOORD_KANALEN


def standaard_antwoordkanaal(*, bericht: InkomendBericht) -> str:
    """Social media on its own channel; else the customer's preferred channel when we can
    answer on it, else e-mail when an address is known, else post."""
    if bericht.kanaal == KanaalCode.SOCIALE_MEDIA:
        return KanaalCode.SOCIALE_MEDIA
    voorkeur = bericht.klant.voorkeurskanaal if bericht.klant_id else ""
    if voorkeur in ANTWOORD_KANALEN:
        return voorkeur
    return KanaalCode.EMAIL if antwoord_emailadres(bericht=bericht) else KanaalCode.POST


def behandeling_gestart_op(bericht: InkomendBericht, nu: datetime.datetime) -> datetime.datetime:
    """When the medewerker started on the item (its claim): the contact's handling time
    runs from there. kanalen refuses a start more than 12 hours back, so an item claimed
    yesterday counts from then."""
    gestart = bericht.geclaimd_op or nu
    return max(gestart, nu - kanalen_services.MAX_DUUR + datetime.timedelta(minutes=1))


def vraag_van(bericht: InkomendBericht) -> str:
    """The customer's question as the contactmoment records it."""
    return (bericht.onderwerp or bericht.tekst[:200] or bericht.referentie or "").strip()


def anoniem_velden(bericht: InkomendBericht) -> dict:
    if bericht.klant_id:
        return {}
    return {
        "anoniem_naam": bericht.afzender_naam,
        "anoniem_email": bericht.afzender_email,
        "anoniem_telefoon": bericht.afzender_telefoon,
    }


def antwoord_versturen(
    *,
    bericht: InkomendBericht,
    medewerker: User,
    tekst: str,
    kanaal_code: str,
    vac_id: int | None = None,
) -> Antwoord:
    """Answer an item: two Contactmomenten, the answer stored (outbox) and, for e-mail,
    sent after commit. The item is then 'beantwoord'.

    The customer's question is an inbound contact on the item's own channel, answered:
    that is what first-contact resolution and repeat-contact detection count. The answer
    is an outbound contact on the channel it went out on, following the question.
    """
    check_eigen_open_item(bericht, medewerker)
    if not tekst.strip() and vac_id:
        # No JavaScript: the chosen kennisbank answer is the answer.
        from kanalen.kennisbank import platte_tekst
        from productcatalogus.models import VAC

        tekst = platte_tekst(
            VAC.objects.filter(pk=vac_id).values_list("antwoord", flat=True).first() or ""
        )
    if not tekst.strip():
        raise ValidationError({"tekst": [ANTWOORD_LEEG]})
    if kanaal_code not in antwoordkanalen(bericht=bericht):
        raise ValidationError({"kanaal": [ONBEKEND_ANTWOORDKANAAL]})
    aan = ""
    if kanaal_code == KanaalCode.EMAIL:
        aan = antwoord_emailadres(bericht=bericht)
        if not aan:
            raise ValidationError({"kanaal": [GEEN_EMAILADRES]})
    nu = timezone.now()
    with transaction.atomic():
        gesloten = InkomendBericht.objects.filter(
            pk=bericht.pk, status__in=InkomendBericht.OPEN, behandelaar=medewerker
        ).update(status=InkomendBericht.Status.BEANTWOORD, beantwoord_op=nu)
        if not gesloten:
            raise ValidationError(AL_AFGEROND)
        gemeen = {
            "medewerker": medewerker,
            "resultaat": Contactmoment.Resultaat.BEANTWOORD,
            "klant": bericht.klant,
            "scherm": "console/inbox",
            **anoniem_velden(bericht),
        }
        vraag = kanalen_services.contactmoment_registreren(
            kanaal=kanaal_voor(bericht.kanaal),
            vragen=[_vraag_invoer(bericht, tekst, vac_id)],
            gestart_op=behandeling_gestart_op(bericht, nu),
            **gemeen,
        )
        contactmoment = kanalen_services.contactmoment_registreren(
            kanaal=kanaal_voor(kanaal_code),
            vragen=[_vraag_invoer(bericht, tekst, vac_id)],
            gestart_op=nu,
            richting=Contactmoment.Richting.UITGAAND,
            vorig_contactmoment=vraag,
            **gemeen,
        )
        antwoord = Antwoord.objects.create(
            gesprek=bericht.gesprek,
            bericht=bericht,
            kanaal=kanaal_code,
            aan=aan,
            onderwerp=_antwoord_onderwerp(bericht),
            tekst=tekst.strip(),
            message_id=make_msgid(domain=_maildomein())
            if kanaal_code == KanaalCode.EMAIL
            else None,
            medewerker=medewerker,
            contactmoment=contactmoment,
            verzonden_op=None if kanaal_code == KanaalCode.EMAIL else nu,
        )
        if kanaal_code == KanaalCode.EMAIL:
            from kanalen.inbox import tasks

            transaction.on_commit(lambda: tasks.antwoord_verzenden.delay(antwoord.pk))
    bericht.refresh_from_db()
    return antwoord


def _vraag_invoer(
    bericht: InkomendBericht, tekst: str, vac_id: int | None
) -> kanalen_services.VraagInvoer:
    return kanalen_services.VraagInvoer(
        vraag=vraag_van(bericht), antwoord=tekst.strip(), vac_id=vac_id
    )


def _antwoord_onderwerp(bericht: InkomendBericht) -> str:
    item = bericht.gesprek.berichten.filter(is_vervolg=False).first() or bericht
    onderwerp = (item.onderwerp or "Uw vraag").strip()
    if not onderwerp.lower().startswith("re:"):
        onderwerp = f"Re: {onderwerp}"
    if item.referentie and item.referentie not in onderwerp:
        onderwerp = f"{onderwerp} [{item.referentie}]"
    return onderwerp[:300]


def _maildomein() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def bericht_registreren(
    *,
    medewerker: User,
    kanaal_code: str,
    ontvangen_op: datetime.datetime,
    onderwerp: str,
    tekst: str,
    afzender_naam: str = "",
    afzender_email: str = "",
    afzender_telefoon: str = "",
    scan: BijlageInvoer | None = None,
) -> InkomendBericht:
    """A letter or social-media message entered by hand becomes an inbox item; its
    deadline runs from the date of receipt. A scan outside the limits is refused."""
    _check_inbox(medewerker)
    if kanaal_code not in (KanaalCode.POST, KanaalCode.SOCIALE_MEDIA):
        raise ValidationError({"kanaal": ["Kies post of sociale media."]})
    if scan is not None:
        reden = bijlage_controleren(scan)
        if reden:
            raise ValidationError({"scan": [f"De scan is niet opgeslagen: {reden}."]})
    return inkomend_bericht_aanmaken(
        invoer=BerichtInvoer(
            kanaal=kanaal_code,
            onderwerp=onderwerp.strip(),
            tekst=tekst.strip(),
            afzender_naam=afzender_naam.strip(),
            afzender_email=afzender_email,
            afzender_telefoon=afzender_telefoon,
            ontvangen_op=ontvangen_op,
            bijlagen=[scan] if scan is not None else [],
        )
    )
