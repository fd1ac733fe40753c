"""Changes the citizen makes to their own record in "Mijn gegevens".

The klanten services do the work (history, Verwerking); this module adds what is
portal-specific: creating the citizen's Klant from the base registry on first use, and
the signed link that proves an e-mail address belongs to them.
"""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kcc.accounts.models import User
from kcc.portaal import selectors
from kcc.portaal.models import PortaalIdentiteit
from klanten import brp, kvk
from klanten import services as klanten_services
from klanten.models import DigitaalAdres, Klant
from zaken.models import OutboxBericht
from zaken.services.outbox import outbox_bericht_schrijven

SCHERM = "portaal/gegevens"
VERIFICATIE_SALT = "kcc.portaal.email-verificatie"
VERIFICATIE_GELDIG_SECONDEN = 2 * 24 * 3600
LINK_ONGELDIG = (
    "Deze link werkt niet (meer). Links zijn 2 dagen geldig. Vraag in Mijn gegevens een "
    "nieuwe link aan."
)


class LinkOngeldig(Exception):
    message = LINK_ONGELDIG

    def __str__(self) -> str:
        return self.message


def portaal_klant_ophalen(*, user: User) -> Klant:
    """The citizen's Klant; made from the BRP (or KVK) the first time it is needed.

    Raises ValidationError (unknown in the register) or klanten.brp.BrpFout / kvk.KvkFout.
    """
    bestaand = selectors.portaal_klanten_qs(user=user).order_by("id").first()
    if bestaand is not None:
        return bestaand
    identiteit = selectors.portaal_identiteit(user=user)
    if identiteit is None:
        raise Klant.DoesNotExist()
    if identiteit.middel == PortaalIdentiteit.Middel.DIGID:
        return klanten_services.klant_create_from_brp(
            bsn=identiteit.bsn, medewerker=None, scherm=SCHERM
        )
    return klanten_services.klant_create_from_kvk(
        kvk_nummer=identiteit.kvk_nummer, medewerker=None, scherm=SCHERM
    )


def portaal_klant_voor_contact(*, user: User) -> Klant | None:
    """The Klant a logged-in citizen's question or chat hangs off, made from the BRP/KVK
    if needed, so its answer shows in Mijn berichten.

    None for staff or when the register cannot be reached: the question is still taken
    (like an anonymous one, answered by e-mail), never refused for that.
    """
    if not user.is_authenticated or user.is_medewerker:
        return None
    try:
        return portaal_klant_ophalen(user=user)
    except (ValidationError, brp.BrpFout, kvk.KvkFout, Klant.DoesNotExist):
        return None


def email_verificatie_token(*, user: User, adres: DigitaalAdres) -> str:
    return signing.dumps(
        {"u": user.pk, "a": adres.pk, "w": adres.waarde}, salt=VERIFICATIE_SALT, compress=True
    )


@transaction.atomic
def email_verificatie_versturen(*, user: User, adres: DigitaalAdres, basis_url: str) -> None:
    """Send a link to the address; opening it while logged in proves it is theirs."""
    token = email_verificatie_token(user=user, adres=adres)
    link = basis_url.rstrip("/") + reverse("portaal:email-bevestigen", kwargs={"token": token})
    outbox_bericht_schrijven(
        soort=OutboxBericht.Soort.NOTIFICATIE,
        dedup_sleutel=f"portaal-email-verificatie:{adres.pk}:{timezone.now().timestamp()}",
        doel=adres.waarde,
        payload={
            "onderwerp": "Bevestig uw e-mailadres",
            "tekst": (
                "Beste inwoner,\n\nU heeft dit e-mailadres opgegeven in Mijn gegevens. "
                f"Bevestig het adres met deze link (2 dagen geldig):\n\n{link}\n\n"
                "Heeft u dit niet zelf gedaan? Dan hoeft u niets te doen.\n\n"
                "Met vriendelijke groet,\nKlantcontactcentrum"
            ),
        },
    )


def email_verificatie_adres(*, user: User, token: str) -> DigitaalAdres:
    """The address this link is for, if it is the citizen's own and unchanged."""
    try:
        data = signing.loads(token, salt=VERIFICATIE_SALT, max_age=VERIFICATIE_GELDIG_SECONDEN)
    except signing.BadSignature:
        raise LinkOngeldig() from None
    if data.get("u") != user.pk:
        raise LinkOngeldig()
    adres = DigitaalAdres.objects.filter(
        pk=data.get("a"),
        waarde=data.get("w"),
        soort=DigitaalAdres.Soort.EMAIL,
        klant_id__in=selectors.portaal_klant_ids(user=user),
    ).first()
    if adres is None:
        raise LinkOngeldig()
    return adres


def email_verifieren(*, user: User, token: str) -> DigitaalAdres:
    adres = email_verificatie_adres(user=user, token=token)
    if adres.geverifieerd_op is None:
        klanten_services.digitaal_adres_verifieren(adres=adres, medewerker=user, scherm=SCHERM)
    return adres
