"""Balie appointments: book a time slot (capacity), cancel, reminder, register the visit."""

from __future__ import annotations

import datetime
import logging
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from kanalen import services as kanalen_services
from kanalen.codes import KanaalCode
from kanalen.inbox.models import Afspraak, Tijdslot
from kanalen.inbox.services import INBOX_ROLLEN, kanaal_voor
from kanalen.models import Contactmoment
from kcc.accounts.models import User
from kcc.core.permissions import GEEN_TOEGANG
from klanten.models import Klant
from productcatalogus.models import Product

logger = logging.getLogger(__name__)

TIJDSLOT_VOL = "Dit tijdstip is net volgeboekt. Kies een ander tijdstip."
TIJDSLOT_VOORBIJ = "Dit tijdstip is al voorbij. Kies een ander tijdstip."
ANNULEREN_NIET_MOGELIJK = "Deze afspraak kan niet (meer) worden geannuleerd."
BEZOEK_AL_GEREGISTREERD = (
    "Het bezoek voor deze afspraak is al vastgelegd of de afspraak is geannuleerd."
)
PRODUCT_NIET_AAN_BALIE = "Voor dit product kunt u geen afspraak aan de balie maken. Kies een ander."
HERINNERING_VOORAF = datetime.timedelta(hours=24)
BEVESTIGING_OPNIEUW_NA = datetime.timedelta(minutes=1)
BOEKBAAR_DAGEN = 28


def balie_producten() -> QuerySet[Product]:
    """Public products that can be requested at the desk (the product's channels, beheer)."""
    from productcatalogus.selectors import product_publiek_qs

    return (
        product_publiek_qs()
        .filter(kanalen__icontains=f'"{KanaalCode.BALIE}"')
        .only("id", "naam", "slug")
        .order_by("naam")
    )


def vrije_tijdsloten(*, nu: datetime.datetime | None = None) -> QuerySet[Tijdslot]:
    """Slots from now up to BOEKBAAR_DAGEN ahead with room left, at active locations."""
    nu = nu or timezone.now()
    return (
        Tijdslot.objects.filter(
            locatie__actief=True,
            begint_op__gt=nu,
            begint_op__lt=nu + datetime.timedelta(days=BOEKBAAR_DAGEN),
        )
        .annotate(geboekt=Count("afspraken", filter=Q(afspraken__status=Afspraak.Status.GEBOEKT)))
        .filter(geboekt__lt=F("capaciteit"))
        .select_related("locatie")
        .order_by("begint_op", "locatie__naam")
    )


def afspraak_boeken(
    *,
    tijdslot_id: int,
    naam: str,
    email: str,
    telefoon: str = "",
    product_id: int | None = None,
    klant: Klant | None = None,
) -> Afspraak:
    """Book one place in a slot. The slot row is locked while counting, so two citizens
    can never take the last place together (SQLite serialises the write anyway)."""
    if product_id is not None and not balie_producten().filter(pk=product_id).exists():
        raise ValidationError({"product": [PRODUCT_NIET_AAN_BALIE]})
    with transaction.atomic():
        tijdslot = Tijdslot.objects.select_for_update().filter(pk=tijdslot_id).first()
        if tijdslot is None or tijdslot.begint_op <= timezone.now():
            raise ValidationError({"tijdslot": [TIJDSLOT_VOORBIJ]})
        geboekt = tijdslot.afspraken.filter(status=Afspraak.Status.GEBOEKT).count()
        if geboekt >= tijdslot.capaciteit:
            raise ValidationError({"tijdslot": [TIJDSLOT_VOL]})
        afspraak = Afspraak.objects.create(
            tijdslot=tijdslot,
            product_id=product_id,
            klant=klant,
            naam=naam.strip(),
            email=email,
            telefoon=telefoon,
            code=secrets.token_urlsafe(24),
        )
        transaction.on_commit(lambda: bevestiging_versturen(afspraak_id=afspraak.pk))
    return afspraak


def bevestiging_versturen(*, afspraak_id: int) -> bool:
    """Send the booking confirmation once. Claimed first; released when the mail could not
    go, so the beat task (bevestigingen_herversturen) tries again."""
    if not Afspraak.objects.filter(pk=afspraak_id, bevestigd_op__isnull=True).update(
        bevestigd_op=timezone.now()
    ):
        return False
    afspraak = Afspraak.objects.select_related("tijdslot__locatie").get(pk=afspraak_id)
    if _mail(afspraak, soort="bevestiging"):
        return True
    Afspraak.objects.filter(pk=afspraak_id).update(bevestigd_op=None)
    return False


def bevestigingen_herversturen() -> int:
    """Beat: confirmations that could not be sent at booking (mail server down)."""
    nu = timezone.now()
    ids = Afspraak.objects.filter(
        status=Afspraak.Status.GEBOEKT,
        bevestigd_op__isnull=True,
        aangemaakt_op__lt=nu - BEVESTIGING_OPNIEUW_NA,
        tijdslot__begint_op__gt=nu,
    ).values_list("pk", flat=True)[:500]
    return sum(bevestiging_versturen(afspraak_id=pk) for pk in list(ids))


def _mail(afspraak: Afspraak, *, soort: str) -> bool:
    """Send one appointment mail. Sent, it is recorded as an outbound contactmoment (kanaal
    e-mail): on the klant when known, else with the name and address of the booking."""
    moment = timezone.localtime(afspraak.tijdslot.begint_op)
    pad = reverse("portaal:afspraak-annuleren", args=[afspraak.code])
    annuleren = f"{settings.KCC_PUBLIEKE_URL}{pad}"
    kop = "Bevestiging van uw afspraak" if soort == "bevestiging" else "Herinnering: uw afspraak"
    tekst = (
        f"Beste {afspraak.naam},\n\n"
        f"U heeft een afspraak op {moment:%d-%m-%Y} om {moment:%H:%M} uur bij "
        f"{afspraak.tijdslot.locatie.naam} {afspraak.tijdslot.locatie.adres}.\n\n"
        f"Kunt u niet komen? Annuleer de afspraak via {annuleren}\n\n"
        f"Met vriendelijke groet,\n{settings.KCC_ORGANISATIE_NAAM}"
    )
    try:
        EmailMessage(kop, tekst, settings.DEFAULT_FROM_EMAIL, [afspraak.email]).send()
    except Exception:
        logger.exception("Mail (%s) voor afspraak %s niet verzonden", soort, afspraak.pk)
        return False
    try:
        kanalen_services.contactmoment_uitgaand_vastleggen(
            kanaal=kanaal_voor(KanaalCode.EMAIL),
            onderwerp=kop,
            tekst=tekst,
            klant=afspraak.klant,
            anoniem_naam=afspraak.naam,
            anoniem_email=afspraak.email,
            product_id=afspraak.product_id,
            scherm="balie/afspraakmail",
        )
    except Exception:  # the mail went: never send it again because the record failed
        logger.exception(
            "Mail (%s) voor afspraak %s niet als contact vastgelegd", soort, afspraak.pk
        )
    return True


def afspraak_annuleren(*, code: str) -> Afspraak:
    afspraak = Afspraak.objects.select_related("tijdslot").filter(code=code).first()
    if afspraak is None:
        raise ValidationError(ANNULEREN_NIET_MOGELIJK)
    geannuleerd = Afspraak.objects.filter(
        pk=afspraak.pk, status=Afspraak.Status.GEBOEKT, tijdslot__begint_op__gt=timezone.now()
    ).update(status=Afspraak.Status.GEANNULEERD)
    if not geannuleerd:
        raise ValidationError(ANNULEREN_NIET_MOGELIJK)
    afspraak.refresh_from_db()
    return afspraak


def herinneringen_versturen() -> int:
    """Beat: remind booked appointments within the next 24 hours, once each."""
    nu = timezone.now()
    ids = list(
        Afspraak.objects.filter(
            status=Afspraak.Status.GEBOEKT,
            herinnering_verstuurd_op__isnull=True,
            tijdslot__begint_op__gt=nu,
            tijdslot__begint_op__lte=nu + HERINNERING_VOORAF,
        ).values_list("pk", flat=True)[:500]
    )
    verstuurd = 0
    for afspraak in Afspraak.objects.filter(pk__in=ids).select_related("tijdslot__locatie"):
        # Claim first: a second beat run never sends the same reminder again.
        if Afspraak.objects.filter(pk=afspraak.pk, herinnering_verstuurd_op__isnull=True).update(
            herinnering_verstuurd_op=nu
        ):
            if _mail(afspraak, soort="herinnering"):
                verstuurd += 1
            else:
                Afspraak.objects.filter(pk=afspraak.pk).update(herinnering_verstuurd_op=None)
    return verstuurd


def afspraken_vandaag(*, medewerker: User) -> QuerySet[Afspraak]:
    if not medewerker.has_role(*INBOX_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)
    vandaag = timezone.localdate()
    return (
        Afspraak.objects.filter(tijdslot__begint_op__date=vandaag)
        .exclude(status=Afspraak.Status.GEANNULEERD)
        .select_related("tijdslot__locatie", "product", "klant")
        .order_by("tijdslot__begint_op", "id")
    )


def bezoek_registreren(
    *, afspraak: Afspraak, medewerker: User, vraag: str, antwoord: str
) -> Contactmoment:
    """The citizen came: a Contactmoment on kanaal balie, the appointment 'verschenen'."""
    if not medewerker.has_role(*INBOX_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)
    with transaction.atomic():
        if not Afspraak.objects.filter(pk=afspraak.pk, status=Afspraak.Status.GEBOEKT).update(
            status=Afspraak.Status.VERSCHENEN
        ):
            raise ValidationError(BEZOEK_AL_GEREGISTREERD)
        contactmoment = kanalen_services.contactmoment_registreren(
            medewerker=medewerker,
            kanaal=kanaal_voor(KanaalCode.BALIE),
            vragen=[
                kanalen_services.VraagInvoer(
                    vraag=vraag or "Afspraak aan de balie",
                    antwoord=antwoord,
                    product_id=afspraak.product_id,
                )
            ],
            resultaat=Contactmoment.Resultaat.BEANTWOORD,
            gestart_op=min(
                timezone.now(),
                max(afspraak.tijdslot.begint_op, timezone.now() - datetime.timedelta(hours=11)),
            ),
            klant=afspraak.klant,
            scherm="console/afspraken",
            **(
                {}
                if afspraak.klant_id
                else {"anoniem_naam": afspraak.naam, "anoniem_email": afspraak.email}
            ),
        )
        Afspraak.objects.filter(pk=afspraak.pk).update(contactmoment=contactmoment)
    afspraak.refresh_from_db()
    return contactmoment
