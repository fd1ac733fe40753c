"""Registering contacts and handling contactverzoeken."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kanalen import termijnen
from kanalen.codes import KanaalCode
from kanalen.kennisbank import platte_tekst
from kanalen.models import (
    Contactmoment,
    ContactmomentVraag,
    Contactverzoek,
    ContactverzoekPoging,
    Kanaal,
)
from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.permissions import GEEN_TOEGANG
from klanten import validators
from klanten.models import Klant
from zaken.models import Aanvraag

GEEN_VRAAG = "Vul ten minste één vraag in."
ANTWOORD_NODIG = "Vul het antwoord in dat u gaf, of kies een antwoord uit de kennisbank."
CONTACTVERZOEK_NODIG = "Kies bij 'contactverzoek' de afdeling die terugbelt."
BEREIKBAAR_NODIG = "Vul een telefoonnummer of e-mailadres in waarop de klant bereikbaar is."
DOORVERWEZEN_NODIG = "Kies naar welke organisatie u de klant hebt doorverwezen."
START_ONGELDIG = "De starttijd van het contact ligt in de toekomst of is ouder dan 12 uur."
VORIG_ANDERE_KLANT = "Het eerdere contactmoment hoort niet bij deze klant."
KANAAL_INACTIEF = "Dit kanaal is niet actief."
AL_AFGEHANDELD = "Dit contactverzoek is al afgehandeld."
ONBEKENDE_VAC = "Deze kennisbankvraag bestaat niet (meer). Zoek opnieuw in de kennisbank."
ONBEKEND_PRODUCT = "Dit product bestaat niet (meer). Zoek opnieuw in de kennisbank."
KLANT_OPGEHEVEN = "Deze klant is samengevoegd met een andere klant; registreer het contact daar."
ORGANISATIE_ONBEKEND = "Deze organisatie bestaat niet. Kies een andere organisatie uit de lijst."
AFDELING_ONBEKEND = "Deze afdeling bestaat niet of is niet actief. Kies een afdeling uit de lijst."
AANVRAAG_ANDERE_KLANT = "Deze aanvraag is niet van deze klant. Kies een aanvraag van de klant."
BEHANDELAAR_AFDELING_NODIG = "Kies ook de afdeling van de medewerker die terugbelt."
BEHANDELAAR_GEEN_LID = (
    "Deze medewerker hoort niet bij de gekozen afdeling. Kies een medewerker van die afdeling."
)

MAX_DUUR = datetime.timedelta(hours=12)
REGISTREREN_ROLLEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


@dataclass
class VraagInvoer:
    vraag: str
    antwoord: str = ""
    product_id: int | None = None
    vac_id: int | None = None


@dataclass
class ContactverzoekInvoer:
    afdeling_id: int | None = None
    behandelaar_id: int | None = None
    vraag: str = ""
    telefoonnummer: str = ""
    email: str = ""
    bereikbaar: str = ""


def _check_contactverzoek(invoer: ContactverzoekInvoer, klant: Klant | None) -> dict:
    from productcatalogus.models import Afdeling

    fouten: dict[str, list[str]] = {}
    if not invoer.afdeling_id and not invoer.behandelaar_id:
        fouten["afdeling"] = [CONTACTVERZOEK_NODIG]
    elif invoer.afdeling_id and not (
        invoer.afdeling_id <= validators.ID_MAX
        and Afdeling.objects.filter(pk=invoer.afdeling_id, actief=True).exists()
    ):
        fouten["afdeling"] = [AFDELING_ONBEKEND]
    if invoer.behandelaar_id:
        # One medewerker calls back on behalf of their afdeling: the afdeling's queue
        # (and its teamleider) keep sight of the request.
        if not invoer.afdeling_id:
            fouten.setdefault("afdeling", [BEHANDELAAR_AFDELING_NODIG])
        elif "afdeling" not in fouten and not (
            invoer.behandelaar_id <= validators.ID_MAX
            and User.objects.filter(
                pk=invoer.behandelaar_id, is_active=True, afdelingen=invoer.afdeling_id
            ).exists()
        ):
            fouten["behandelaar"] = [BEHANDELAAR_GEEN_LID]
    telefoon, email = invoer.telefoonnummer.strip(), invoer.email.strip()
    if telefoon:
        try:
            telefoon = validators.normaliseer_telefoon(telefoon)
        except ValidationError as exc:
            fouten["telefoonnummer"] = exc.messages
    if email:
        try:
            email = validators.normaliseer_email(email)
        except ValidationError as exc:
            fouten["email"] = exc.messages
    if not telefoon and not email and klant is not None:
        # The klant's preferred phone number (or e-mail) is the obvious way back.
        voorkeur = {a.soort: a.waarde for a in klant.digitale_adressen.filter(voorkeur=True)}
        telefoon = voorkeur.get("telefoon", "")
        email = "" if telefoon else voorkeur.get("email", "")
    if not telefoon and not email and "telefoonnummer" not in fouten and "email" not in fouten:
        fouten["telefoonnummer"] = [BEREIKBAAR_NODIG]
    if fouten:
        raise ValidationError(fouten)
    return {"telefoonnummer": telefoon, "email": email}


def contactmoment_registreren(
    *,
    medewerker: User,
    kanaal: Kanaal,
    vragen: list[VraagInvoer],
    resultaat: str,
    gestart_op: datetime.datetime,
    klant: Klant | None = None,
    richting: str = Contactmoment.Richting.INKOMEND,
    anoniem_naam: str = "",
    anoniem_telefoon: str = "",
    anoniem_email: str = "",
    vorig_contactmoment: Contactmoment | None = None,
    doorverwezen_naar_id: int | None = None,
    contactverzoek: ContactverzoekInvoer | None = None,
    aanvraag: Aanvraag | None = None,
    telefoongesprek_id: int | None = None,
    scherm: str = "console",
) -> Contactmoment:
    """Register one contact with its questions; result 'contactverzoek' creates the request.

    With result 'aanvraag gestart', ``aanvraag`` is the klant's aanvraag registered in
    this contact: once it is submitted the contact counts as resolved (FCR).

    With ``telefoongesprek_id`` (a call of this medewerker, from the telephony panel) the
    contact takes the call's own start, end and duration, and the call is registered once.

    The server computes the duration from ``gestart_op`` to now. Everything is saved in
    one transaction, or nothing. (A retried API call is caught before this, by the
    Idempotency-Key of klanten.api.idempotentie.)
    """
    if not medewerker.has_role(*REGISTREREN_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)

    nu = timezone.now()
    eind = nu
    gesprek = None
    if telefoongesprek_id:
        # The call's own clock (the CTI events), not the start the browser sent. The inbox
        # builds on kanalen, so it is imported here, not at the top.
        from kanalen.inbox import telefonie

        gesprek = telefonie.gesprek_voor_contact(
            gesprek_id=telefoongesprek_id, medewerker=medewerker
        )
        gestart_op, beeindigd_op = telefonie.contact_tijden(gesprek)
        eind = beeindigd_op or nu  # an ended call ends the contact, not its registration
    fouten: dict[str, list[str]] = {}
    vragen = [v for v in vragen if v.vraag.strip() or v.vac_id]
    try:
        _kennisbank_aanvullen(vragen)
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    if not vragen:
        fouten["vraag"] = [GEEN_VRAAG]
    if resultaat not in Contactmoment.Resultaat.values:
        fouten["resultaat"] = ["Kies een resultaat uit de lijst."]
    if resultaat == Contactmoment.Resultaat.BEANTWOORD and any(
        not v.antwoord.strip() for v in vragen
    ):
        fouten["antwoord"] = [ANTWOORD_NODIG]
    if resultaat == Contactmoment.Resultaat.DOORVERWEZEN:
        if not doorverwezen_naar_id:
            fouten["doorverwezen_naar"] = [DOORVERWEZEN_NODIG]
        elif not _andere_organisatie_bestaat(doorverwezen_naar_id):
            fouten["doorverwezen_naar"] = [ORGANISATIE_ONBEKEND]
    if not kanaal.actief:
        fouten["kanaal"] = [KANAAL_INACTIEF]
    if gestart_op > nu + datetime.timedelta(minutes=1) or nu - gestart_op > MAX_DUUR:
        fouten["gestart_op"] = [START_ONGELDIG]
    if klant is not None and klant.samengevoegd_in_id:
        fouten["klant"] = [KLANT_OPGEHEVEN]
    if resultaat != Contactmoment.Resultaat.AANVRAAG_GESTART:
        aanvraag = None
    elif aanvraag is not None and (klant is None or aanvraag.klant_id != klant.pk):
        fouten["aanvraag"] = [AANVRAAG_ANDERE_KLANT]
    if vorig_contactmoment is not None and vorig_contactmoment.klant_id != (
        klant.pk if klant else None
    ):
        fouten["vorig_contactmoment"] = [VORIG_ANDERE_KLANT]
    if anoniem_telefoon:
        try:
            anoniem_telefoon = validators.normaliseer_telefoon(anoniem_telefoon)
        except ValidationError as exc:
            fouten["anoniem_telefoon"] = exc.messages
    if anoniem_email:
        try:
            anoniem_email = validators.normaliseer_email(anoniem_email)
        except ValidationError as exc:
            fouten["anoniem_email"] = exc.messages
    bereikbaar = {}
    if resultaat == Contactmoment.Resultaat.CONTACTVERZOEK:
        if contactverzoek is None:
            fouten["afdeling"] = [CONTACTVERZOEK_NODIG]
        else:
            if not contactverzoek.telefoonnummer and not contactverzoek.email and klant is None:
                contactverzoek.telefoonnummer = anoniem_telefoon
                contactverzoek.email = anoniem_email
            try:
                bereikbaar = _check_contactverzoek(contactverzoek, klant)
            except ValidationError as exc:
                for veld, berichten in exc.message_dict.items():
                    fouten.setdefault(veld, []).extend(berichten)
    if fouten:
        raise ValidationError(fouten)

    gestart_op = min(gestart_op, eind)
    # No savepoint when called inside a transaction (the API's Idempotency-Key, the
    # inbox): an error here fails the caller's transaction as a whole anyway.
    with transaction.atomic(savepoint=False):
        contactmoment = Contactmoment.objects.create(
            klant=klant,
            anoniem_naam="" if klant else anoniem_naam.strip(),
            anoniem_telefoon="" if klant else anoniem_telefoon,
            anoniem_email="" if klant else anoniem_email,
            kanaal=kanaal,
            richting=richting,
            medewerker=medewerker,
            gestart_op=gestart_op,
            beeindigd_op=eind,
            duur_seconden=int((eind - gestart_op).total_seconds()),
            resultaat=resultaat,
            doorverwezen_naar_id=doorverwezen_naar_id
            if resultaat == Contactmoment.Resultaat.DOORVERWEZEN
            else None,
            vorig_contactmoment=vorig_contactmoment,
            aanvraag=aanvraag,
        )
        opgeslagen = ContactmomentVraag.objects.bulk_create(
            [
                ContactmomentVraag(
                    contactmoment=contactmoment,
                    volgnummer=i,
                    vraag=v.vraag.strip(),
                    antwoord=v.antwoord.strip(),
                    product_id=v.product_id,
                    vac_id=v.vac_id,
                )
                for i, v in enumerate(vragen, start=1)
            ]
        )
        # The questions as saved, in order, kept as if prefetched (as Django's
        # prefetch_related stores them): who shows the new contact needs no query.
        vragen_qs = contactmoment.vragen.order_by("volgnummer")
        vragen_qs._result_cache, vragen_qs._prefetch_done = opgeslagen, True
        contactmoment._prefetched_objects_cache = {"vragen": vragen_qs}
        if resultaat == Contactmoment.Resultaat.CONTACTVERZOEK and contactverzoek is not None:
            _contactverzoek_aanmaken(
                contactmoment=contactmoment,
                invoer=contactverzoek,
                bereikbaar=bereikbaar,
                standaard_vraag=vragen[0].vraag,
                medewerker=medewerker,
            )
        if gesprek is not None:
            telefonie.gesprek_koppelen(gesprek=gesprek, contactmoment=contactmoment)
        _klant_gewijzigd(klant, medewerker, scherm, "Contactmoment geregistreerd")
    return contactmoment


def _klant_gewijzigd(klant: Klant | None, medewerker: User, scherm: str, toelichting: str) -> None:
    if klant is not None:
        verwerking_vastleggen(
            klant_ids=[klant.pk],
            medewerker=medewerker,
            actie=Verwerking.Actie.GEWIJZIGD,
            scherm=scherm,
            toelichting=toelichting,
        )


def _andere_organisatie_bestaat(organisatie_id: int) -> bool:
    """One can only refer a customer to another organisation (not the KCC's own)."""
    from productcatalogus.models import Organisatie

    return (
        organisatie_id <= validators.ID_MAX
        and Organisatie.objects.filter(pk=organisatie_id, is_eigen_organisatie=False).exists()
    )


def _kennisbank_aanvullen(vragen: list[VraagInvoer]) -> None:
    """A question answered from the kennisbank: the VAC's question, answer and product
    fill what the medewerker left empty (the no-JavaScript path of 'antwoord overnemen')."""
    from productcatalogus.models import VAC, Product

    vac_ids = {v.vac_id for v in vragen if v.vac_id}
    product_ids = {v.product_id for v in vragen if v.product_id}
    if not vac_ids and not product_ids:
        return  # nothing to look up (building the two empty queries cost more than a read)
    if any(pk > validators.ID_MAX for pk in vac_ids):
        raise ValidationError({"vac": [ONBEKENDE_VAC]})
    if any(pk > validators.ID_MAX for pk in product_ids):
        raise ValidationError({"product": [ONBEKEND_PRODUCT]})
    vacs = {vac.pk: vac for vac in VAC.objects.filter(pk__in=vac_ids).prefetch_related("producten")}
    if vac_ids - set(vacs):
        raise ValidationError({"vac": [ONBEKENDE_VAC]})
    if product_ids and Product.objects.filter(pk__in=product_ids).count() != len(product_ids):
        raise ValidationError({"product": [ONBEKEND_PRODUCT]})
    for v in vragen:
        vac = vacs.get(v.vac_id) if v.vac_id else None
        if vac is None:
            continue
        if not v.vraag.strip():
            v.vraag = vac.vraag
        if not v.antwoord.strip():
            v.antwoord = platte_tekst(vac.antwoord)
        if not v.product_id:
            producten = list(vac.producten.all())
            v.product_id = producten[0].pk if producten else None


def _contactverzoek_aanmaken(
    *,
    contactmoment: Contactmoment,
    invoer: ContactverzoekInvoer,
    bereikbaar: dict,
    standaard_vraag: str,
    medewerker: User,
) -> Contactverzoek:
    organisatie_id = None
    if invoer.afdeling_id:
        from productcatalogus.models import Afdeling

        organisatie_id = (
            Afdeling.objects.filter(pk=invoer.afdeling_id)
            .values_list("organisatie_id", flat=True)
            .first()
        )
    return Contactverzoek.objects.create(
        klant=contactmoment.klant,
        contactmoment=contactmoment,
        afdeling_id=invoer.afdeling_id,
        behandelaar_id=invoer.behandelaar_id,
        vraag=(invoer.vraag or standaard_vraag).strip(),
        telefoonnummer=bereikbaar.get("telefoonnummer", ""),
        email=bereikbaar.get("email", ""),
        bereikbaar=invoer.bereikbaar.strip(),
        deadline=termijnen.contactverzoek_deadline(
            vanaf=contactmoment.beeindigd_op, organisatie=organisatie_id
        ),
        aangemaakt_door=medewerker,
    )


def contactverzoek_aanmaken(
    *,
    contactmoment: Contactmoment,
    invoer: ContactverzoekInvoer,
    medewerker: User,
    scherm: str = "console",
) -> Contactverzoek:
    """A contactverzoek for an earlier contact: the customer is to be called back after all.

    Assigned to an afdeling, optionally one medewerker of it. The way to reach the
    customer defaults to the klant's preferred number (or the anonymous contact's own).
    The caller read ``contactmoment`` through kanalen.selectors.contactmoment_get.
    """
    if not medewerker.has_role(*REGISTREREN_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)
    klant = contactmoment.klant
    if klant is None and not invoer.telefoonnummer and not invoer.email:
        invoer.telefoonnummer = contactmoment.anoniem_telefoon
        invoer.email = contactmoment.anoniem_email
    bereikbaar = _check_contactverzoek(invoer, klant)
    eerste_vraag = contactmoment.vragen.order_by("volgnummer").first()
    with transaction.atomic():
        contactverzoek = _contactverzoek_aanmaken(
            contactmoment=contactmoment,
            invoer=invoer,
            bereikbaar=bereikbaar,
            standaard_vraag=eerste_vraag.vraag if eerste_vraag else "",
            medewerker=medewerker,
        )
        _klant_gewijzigd(klant, medewerker, scherm, f"Contactverzoek {contactverzoek.pk} gemaakt")
    return contactverzoek


def _check_behandelen(contactverzoek: Contactverzoek, medewerker: User) -> None:
    if medewerker.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        return
    if contactverzoek.behandelaar_id == medewerker.pk:
        return
    if medewerker.has_role(roles.BACKOFFICE_MEDEWERKER) and (
        contactverzoek.afdeling_id in set(medewerker.afdelingen.values_list("pk", flat=True))
    ):
        return
    raise PermissionDenied(GEEN_TOEGANG)


@transaction.atomic
def contactverzoek_poging_registreren(
    *, contactverzoek: Contactverzoek, medewerker: User, uitkomst: str, notitie: str = ""
) -> ContactverzoekPoging:
    """Log one attempt to reach the customer; the request is then 'in behandeling'."""
    _check_behandelen(contactverzoek, medewerker)
    if uitkomst not in ContactverzoekPoging.Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies bereikt of niet bereikt."})
    if contactverzoek.status == Contactverzoek.Status.AFGEHANDELD:
        raise ValidationError(AL_AFGEHANDELD)
    poging = ContactverzoekPoging.objects.create(
        contactverzoek=contactverzoek,
        medewerker=medewerker,
        uitkomst=uitkomst,
        notitie=notitie.strip(),
    )
    Contactverzoek.objects.filter(pk=contactverzoek.pk, status=Contactverzoek.Status.OPEN).update(
        status=Contactverzoek.Status.IN_BEHANDELING
    )
    contactverzoek.refresh_from_db(fields=["status"])
    return poging


def contactverzoek_afhandelen(
    *,
    contactverzoek: Contactverzoek,
    medewerker: User,
    antwoord: str,
    kanaal_code: str = KanaalCode.TELEFOON,
    gestart_op: datetime.datetime | None = None,
) -> Contactverzoek:
    """Close the request and record the outbound contact that answered it.

    One conditional UPDATE decides who closes: a second attempt gets AL_AFGEHANDELD.
    """
    _check_behandelen(contactverzoek, medewerker)
    if not antwoord.strip():
        raise ValidationError({"antwoord": "Vul in wat u met de klant hebt besproken."})
    kanaal = Kanaal.objects.filter(code=kanaal_code).first()
    if kanaal is None:
        raise ValidationError({"kanaal": "Onbekend kanaal."})
    nu = timezone.now()
    with transaction.atomic():
        gesloten = Contactverzoek.objects.filter(
            pk=contactverzoek.pk,
            status__in=[Contactverzoek.Status.OPEN, Contactverzoek.Status.IN_BEHANDELING],
        ).update(status=Contactverzoek.Status.AFGEHANDELD, afgehandeld_op=nu)
        if not gesloten:
            raise ValidationError(AL_AFGEHANDELD)
        start = (
            gestart_op if gestart_op and gestart_op <= nu and nu - gestart_op <= MAX_DUUR else nu
        )
        contactmoment = Contactmoment.objects.create(
            klant_id=contactverzoek.klant_id,
            anoniem_telefoon="" if contactverzoek.klant_id else contactverzoek.telefoonnummer,
            anoniem_email="" if contactverzoek.klant_id else contactverzoek.email,
            kanaal=kanaal,
            richting=Contactmoment.Richting.UITGAAND,
            medewerker=medewerker,
            gestart_op=start,
            beeindigd_op=nu,
            duur_seconden=int((nu - start).total_seconds()),
            resultaat=Contactmoment.Resultaat.BEANTWOORD,
            vorig_contactmoment_id=contactverzoek.contactmoment_id,
        )
        ContactmomentVraag.objects.create(
            contactmoment=contactmoment,
            volgnummer=1,
            vraag=contactverzoek.vraag,
            antwoord=antwoord.strip(),
        )
        Contactverzoek.objects.filter(pk=contactverzoek.pk).update(afhandeling=contactmoment)
        if contactverzoek.klant_id:
            verwerking_vastleggen(
                klant_ids=[contactverzoek.klant_id],
                medewerker=medewerker,
                actie=Verwerking.Actie.GEWIJZIGD,
                scherm="contactverzoek afhandelen",
                toelichting=f"Contactverzoek {contactverzoek.pk} afgehandeld",
            )
    contactverzoek.refresh_from_db()
    return contactverzoek


def contactmoment_uitgaand_vastleggen(
    *,
    kanaal: Kanaal,
    onderwerp: str,
    tekst: str,
    klant: Klant | None = None,
    anoniem_naam: str = "",
    anoniem_email: str = "",
    product_id: int | None = None,
    scherm: str = "systeem",
) -> Contactmoment:
    """Record a message the system sent to a customer by itself, such as the confirmation
    or the reminder of a balie appointment: an outbound contactmoment without medewerker,
    duration 0, in the klantbeeld and the portal like every other contact.

    What counts: every message to the customer about their question, appointment or
    case. What does not: the mail that verifies an e-mail address (kcc.portaal). That is
    a security step about the address itself, not a message about the customer's matter;
    as a contact it would only add noise to the timeline and the channel figures.
    """
    nu = timezone.now()
    with transaction.atomic():
        contactmoment = Contactmoment.objects.create(
            klant=klant,
            anoniem_naam="" if klant else anoniem_naam.strip()[:200],
            anoniem_email="" if klant else anoniem_email,
            kanaal=kanaal,
            richting=Contactmoment.Richting.UITGAAND,
            gestart_op=nu,
            beeindigd_op=nu,
            duur_seconden=0,
            resultaat=Contactmoment.Resultaat.BEANTWOORD,
        )
        ContactmomentVraag.objects.create(
            contactmoment=contactmoment,
            volgnummer=1,
            vraag=onderwerp,
            antwoord=tekst,
            product_id=product_id,
        )
        if klant is not None:
            verwerking_vastleggen(
                klant_ids=[klant.pk],
                medewerker=None,
                actie=Verwerking.Actie.GEWIJZIGD,
                scherm=scherm,
                toelichting=f"Bericht verstuurd: {onderwerp}",
            )
    return contactmoment
