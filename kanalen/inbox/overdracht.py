"""Handing an inbox item over to a backoffice: as a contactverzoek for an afdeling, or as
an aanvraag (a zaak) for a product of the klant.

Either way the customer's question is recorded as an inbound Contactmoment on the item's
channel, with the result that shows where it went (contactverzoek or aanvraag gestart), so
first-contact resolution sees it: a contactverzoek is not solved in this contact, a
complete aanvraag registered is (DESIGN.md, KPI definitions).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from kanalen import services as kanalen_services
from kanalen.inbox.models import InkomendBericht
from kanalen.inbox.services import (
    AL_AFGEROND,
    anoniem_velden,
    behandeling_gestart_op,
    check_eigen_open_item,
    kanaal_voor,
    vraag_van,
)
from kanalen.models import Contactmoment
from kcc.accounts.models import User
from productcatalogus.models import Product
from zaken.models import Aanvraag

AFDELING_NODIG = "Kies de afdeling die het bericht overneemt."
PRODUCT_NODIG = "Kies het product waarvoor u een aanvraag start."
ZAAK_ALLEEN_MET_KLANT = (
    "Een aanvraag kan alleen voor een bekende klant. Dit bericht hoort bij geen klant: "
    "draag het over als contactverzoek."
)


def _sluiten(bericht: InkomendBericht, medewerker: User) -> None:
    """Mark the item 'overgedragen'; only its behandelaar, only once. Caller holds a
    transaction."""
    gesloten = InkomendBericht.objects.filter(
        pk=bericht.pk, status__in=InkomendBericht.OPEN, behandelaar=medewerker
    ).update(status=InkomendBericht.Status.OVERGEDRAGEN, beantwoord_op=timezone.now())
    if not gesloten:
        raise ValidationError(AL_AFGEROND)


def bericht_overdragen(
    *, bericht: InkomendBericht, medewerker: User, afdeling_id: int | None, vraag: str = ""
) -> Contactmoment:
    """Hand the item over to a backoffice afdeling: a Contactverzoek (kanalen service) with
    the customer's address; the item is then 'overgedragen'."""
    check_eigen_open_item(bericht, medewerker)
    if not afdeling_id:
        raise ValidationError({"afdeling": [AFDELING_NODIG]})
    nu = timezone.now()
    with transaction.atomic():
        _sluiten(bericht, medewerker)
        vraagtekst = (vraag or bericht.tekst or bericht.onderwerp).strip()[:2000] or "Zie bericht"
        contactmoment = kanalen_services.contactmoment_registreren(
            medewerker=medewerker,
            kanaal=kanaal_voor(bericht.kanaal),
            vragen=[kanalen_services.VraagInvoer(vraag=bericht.onderwerp or vraagtekst[:200])],
            resultaat=Contactmoment.Resultaat.CONTACTVERZOEK,
            gestart_op=behandeling_gestart_op(bericht, nu),
            klant=bericht.klant,
            scherm="console/inbox",
            contactverzoek=kanalen_services.ContactverzoekInvoer(
                afdeling_id=afdeling_id,
                vraag=f"{bericht.referentie}: {vraagtekst}",
                email=bericht.afzender_email or bericht.gesprek.adres,
                telefoonnummer=bericht.afzender_telefoon,
            ),
            **anoniem_velden(bericht),
        )
    bericht.refresh_from_db()
    return contactmoment


def zaak_producten(*, bericht: InkomendBericht) -> QuerySet[Product]:
    """Products an aanvraag can be started for from this item: active, and requestable on
    the item's channel (the product's own list of channels)."""
    return (
        Product.objects.filter(actief=True, kanalen__icontains=f'"{bericht.kanaal}"')
        .select_related("organisatie")
        .order_by("naam")
    )


def bericht_overdragen_zaak(
    *, bericht: InkomendBericht, medewerker: User, product_id: int | None, antwoorden: dict
) -> Aanvraag:
    """Start an aanvraag for the klant (zaken.services.aanvragen: the zaak is routed to the
    product's afdeling) with the intake answers; the item is then 'overgedragen'.

    Raises ValidationError with the intake's message per question code, like the
    console's own intake; nothing is saved then.
    """
    from zaken.services.aanvragen import aanvraag_indienen

    check_eigen_open_item(bericht, medewerker)
    if bericht.klant_id is None:
        raise ValidationError({"product": [ZAAK_ALLEEN_MET_KLANT]})
    product = zaak_producten(bericht=bericht).filter(pk=product_id).first() if product_id else None
    if product is None:
        raise ValidationError({"product": [PRODUCT_NODIG]})
    nu = timezone.now()
    with transaction.atomic():
        _sluiten(bericht, medewerker)
        aanvraag = aanvraag_indienen(
            klant=bericht.klant,
            product=product,
            antwoorden=antwoorden,
            medewerker=medewerker,
            kanaal=bericht.kanaal,
        )
        zaken = ", ".join(z.identificatie for z in aanvraag.nieuwe_zaken)
        kanalen_services.contactmoment_registreren(
            medewerker=medewerker,
            kanaal=kanaal_voor(bericht.kanaal),
            vragen=[
                kanalen_services.VraagInvoer(
                    vraag=vraag_van(bericht),
                    antwoord=f"Aanvraag {product.naam} gestart ({zaken}) bij {bericht.referentie}.",
                    product_id=product.pk,
                )
            ],
            resultaat=Contactmoment.Resultaat.AANVRAAG_GESTART,
            aanvraag=aanvraag,
            gestart_op=behandeling_gestart_op(bericht, nu),
            klant=bericht.klant,
            scherm="console/inbox",
        )
    bericht.refresh_from_db()
    return aanvraag
