"""Telephony (CTI): the phone platform reports calls; the console shows who is calling."""

from __future__ import annotations

import datetime
import hmac
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kanalen.inbox.models import Telefoongesprek
from kanalen.inbox.services import klant_bij_adres
from kcc.accounts.models import User
from klanten import validators

logger = logging.getLogger(__name__)

ONBEKEND_GESPREK = "Onbekend gesprek: call_id {call_id} is niet eerder gemeld (eerst 'ringing')."
ONBEKENDE_GEBEURTENIS = "Onbekende gebeurtenis: kies ringing, answered of ended."
GESPREK_NIET_VAN_U = (
    "Dit telefoongesprek is niet (meer) van u. Registreer het contact zonder gesprek."
)
GESPREK_AL_VASTGELEGD = "Dit telefoongesprek is al als contactmoment vastgelegd."
# How long an ended call stays on the medewerker's screen, to register it.
NA_AFLOOP_ZICHTBAAR = datetime.timedelta(minutes=30)


class OnbekendGesprek(Exception):
    pass


def cti_token_geldig(*, authorization: str) -> bool:
    """The 'Authorization: Bearer <token>' header carries KCC_CTI_TOKEN (constant-time)."""
    verwacht = settings.KCC_CTI_TOKEN
    schema, _, token = (authorization or "").partition(" ")
    if not verwacht or schema.lower() != "bearer" or not token:
        return False
    return hmac.compare_digest(token.strip().encode(), verwacht.encode())


def _beller(nummer: str) -> str:
    try:
        return validators.normaliseer_telefoon(nummer) if nummer else ""
    except ValidationError:
        return ""  # withheld or foreign rubbish: an anonymous caller


def _medewerker(*, gebruikersnaam: str, toestel: str, call_id: str) -> User | None:
    """Who takes the call: the username the platform sent, else the medewerker of the
    extension (beheer: Toestel). None when neither is known (logged)."""
    if gebruikersnaam:
        gebruiker = User.objects.filter(username=gebruikersnaam, is_active=True).first()
        if gebruiker is not None:
            return gebruiker
        logger.warning("CTI: onbekende medewerker %r bij gesprek %s", gebruikersnaam, call_id)
    if toestel:
        gebruiker = (
            User.objects.filter(toestellen__nummer=toestel[:20], is_active=True)
            .order_by("id")
            .first()
        )
        if gebruiker is None:
            logger.warning(
                "CTI: toestel %r hoort bij geen medewerker (gesprek %s)", toestel, call_id
            )
        return gebruiker
    return None


def telefoongesprek_melden(
    *, call_id: str, gebeurtenis: str, beller: str = "", toestel: str = "", medewerker: str = ""
) -> Telefoongesprek:
    """Process one CTI event. 'ringing' creates the call (idempotent); 'answered' and
    'ended' need a known call_id, else OnbekendGesprek."""
    nu = timezone.now()
    gebruiker = _medewerker(gebruikersnaam=medewerker, toestel=toestel, call_id=call_id)
    if gebeurtenis == Telefoongesprek.Status.RINGING:
        nummer = _beller(beller)
        try:
            with transaction.atomic():
                gesprek, _ = Telefoongesprek.objects.get_or_create(
                    call_id=call_id,
                    defaults={
                        "beller": nummer,
                        "klant": klant_bij_adres(telefoon=nummer) if nummer else None,
                        "medewerker": gebruiker,
                        "toestel": toestel[:20],
                        "begonnen_op": nu,
                    },
                )
        except IntegrityError:
            gesprek = Telefoongesprek.objects.get(call_id=call_id)
        return gesprek
    if gebeurtenis not in Telefoongesprek.Status.values:
        raise ValidationError(ONBEKENDE_GEBEURTENIS)
    gesprek = Telefoongesprek.objects.filter(call_id=call_id).first()
    if gesprek is None:
        logger.warning("CTI: %s voor onbekend gesprek %s", gebeurtenis, call_id)
        raise OnbekendGesprek(ONBEKEND_GESPREK.format(call_id=call_id))
    wijzigingen: dict = {"status": gebeurtenis}
    if gebruiker is not None:
        wijzigingen["medewerker"] = gebruiker
    if toestel:
        wijzigingen["toestel"] = toestel[:20]
    if gebeurtenis == Telefoongesprek.Status.ANSWERED and gesprek.aangenomen_op is None:
        wijzigingen["aangenomen_op"] = nu
    if gebeurtenis == Telefoongesprek.Status.ENDED and gesprek.beeindigd_op is None:
        wijzigingen["beeindigd_op"] = nu
        if gesprek.aangenomen_op is None:
            wijzigingen["status"] = Telefoongesprek.Status.ENDED  # not answered: duration 0
    Telefoongesprek.objects.filter(pk=gesprek.pk).update(**wijzigingen)
    gesprek.refresh_from_db()
    return gesprek


def actief_gesprek(*, medewerker: User) -> Telefoongesprek | None:
    """The medewerker's current call, or the one that just ended (to register it)."""
    return (
        Telefoongesprek.objects.filter(
            medewerker=medewerker, begonnen_op__gte=timezone.now() - datetime.timedelta(hours=12)
        )
        .exclude(
            status=Telefoongesprek.Status.ENDED,
            beeindigd_op__lt=timezone.now() - NA_AFLOOP_ZICHTBAAR,
        )
        .select_related("klant")
        .order_by("-begonnen_op", "-id")
        .first()
    )


def gesprek_voor_contact(*, gesprek_id: int, medewerker: User) -> Telefoongesprek:
    """The medewerker's own call that a new contactmoment registers, not registered yet."""
    gesprek = Telefoongesprek.objects.filter(pk=gesprek_id, medewerker=medewerker).first()
    if gesprek is None:
        raise ValidationError({"telefoongesprek": [GESPREK_NIET_VAN_U]})
    if gesprek.contactmoment_id is not None:
        raise ValidationError({"telefoongesprek": [GESPREK_AL_VASTGELEGD]})
    return gesprek


def contact_tijden(gesprek: Telefoongesprek) -> tuple[datetime.datetime, datetime.datetime | None]:
    """Start and end of the contact on the call's own clock (the CTI events): from
    answering (or ringing, when never answered) to the end; no end while it still runs."""
    return gesprek.aangenomen_op or gesprek.begonnen_op, gesprek.beeindigd_op


def gesprek_koppelen(*, gesprek: Telefoongesprek, contactmoment) -> None:
    """Link the call to its contactmoment. One conditional UPDATE: of two registrations of
    the same call only one wins; the other gets GESPREK_AL_VASTGELEGD (and its transaction,
    the caller's, rolls back)."""
    if not Telefoongesprek.objects.filter(pk=gesprek.pk, contactmoment__isnull=True).update(
        contactmoment=contactmoment
    ):
        raise ValidationError({"telefoongesprek": [GESPREK_AL_VASTGELEGD]})
