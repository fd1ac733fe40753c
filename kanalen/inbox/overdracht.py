"""Handing an inbox item over to a backoffice: as a contactverzoek for an afdeling, or as
an aanvraag (a zaak) for a product of the klant. An item from an unrecognised sender can
first be linked to a Klant once the medewerker has established who it is.

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
from kanalen.inbox.models import Gesprek, InkomendBericht
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
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from klanten import validators
from klanten.models import Klant
from productcatalogus.models import Product
from zaken.models import Aanvraag

AFDELING_NODIG = "Kies de afdeling die het bericht overneemt."
PRODUCT_NODIG = "Kies het product waarvoor u een aanvraag start."
ZAAK_ALLEEN_MET_KLANT = (
    "Een aanvraag kan alleen voor een bekende klant. Dit bericht hoort bij geen klant: "
    "koppel het eerst aan de klant of draag het over als contactverzoek."
)
KLANT_AL_GEKOPPELD = "Dit bericht hoort al bij een klant."
KLANTNUMMER_ONGELDIG = "Vul een geldig BSN (9 cijfers) of KVK-nummer (8 cijfers) in."
KLANT_NIET_GEVONDEN = (
    "Er is geen klant met dit nummer in het klantregister. Zoek de klant eerst op in de "
    "console (dan komt hij uit de BRP of het Handelsregister) en koppel daarna."
)


def _klant_met_nummer(nummer: str) -> Klant:
    klanten = Klant.objects.filter(samengevoegd_in__isnull=True)
    try:  # 8 digits: a KVK-nummer (8-digit BSNs are not issued now)
        kvk_nummer = validators.normaliseer_kvk_nummer(nummer)
    except ValidationError:
        kvk_nummer = None
    if kvk_nummer:
        klant = klanten.filter(kvk_nummer=kvk_nummer).order_by("vestigingsnummer", "pk").first()
    else:
        try:
            bsn = validators.normaliseer_bsn(nummer)
        except ValidationError:
            raise ValidationError({"nummer": [KLANTNUMMER_ONGELDIG]}) from None
        klant = klanten.filter(bsn=bsn).first()
    if klant is None:
        raise ValidationError({"nummer": [KLANT_NIET_GEVONDEN]})
    return klant


def bericht_klant_koppelen(*, bericht: InkomendBericht, medewerker: User, nummer: str) -> Klant:
    """Link an item of an unrecognised sender, and its whole conversation, to a Klant.

    Only for the medewerker who holds the open item (claiming it if free), and only once:
    a linked item is never moved to another Klant here. Replies in the conversation land
    on this Klant from now on. Logged as a processing of the Klant's data.
    """
    check_eigen_open_item(bericht, medewerker)
    if bericht.klant_id is not None:
        raise ValidationError(KLANT_AL_GEKOPPELD)
    klant = _klant_met_nummer(nummer)
    with transaction.atomic():
        gekoppeld = InkomendBericht.objects.filter(pk=bericht.pk, klant=None).update(
            klant=klant, klant_mogelijk=False
        )
        if not gekoppeld:
            raise ValidationError(KLANT_AL_GEKOPPELD)
        InkomendBericht.objects.filter(gesprek_id=bericht.gesprek_id, klant=None).update(
            klant=klant, klant_mogelijk=False
        )
        Gesprek.objects.filter(pk=bericht.gesprek_id, klant=None).update(klant=klant)
        verwerking_vastleggen(
            klant_ids=[klant.pk],
            medewerker=medewerker,
            actie=Verwerking.Actie.GEWIJZIGD,
            scherm=f"console/inbox/{bericht.pk}/klant-koppelen",
            toelichting=f"Bericht {bericht.referentie} aan de klant gekoppeld",
        )
    bericht.klant, bericht.klant_mogelijk = klant, False
    return klant


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
