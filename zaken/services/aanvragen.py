"""Submitting an aanvraag: validate the intake, then split it into zaken and route them."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from kanalen.codes import KanaalCode
from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.normen.calendar import Werkkalender, als_datum
from kcc.normen.termijnen import termijn_berekenen
from klanten.models import Klant
from productcatalogus.models import Afdeling, Levensgebeurtenis, Product, Statustype
from zaken import errors
from zaken.errors import ZaakFout
from zaken.models import Aanvraag, Zaak, ZaakStatus
from zaken.services.berichten import zaak_extern_doorzetten, zaak_klant_informeren
from zaken.services.identificatie import zaak_identificaties_reserveren
from zaken.services.intake import (
    antwoorden_valideren,
    componenten,
    intake_vragen,
    toepasselijke_onderdelen,
    voorwaarde_ja,
)

# The afdeling of the own organisation that keeps regie over hoofdzaken.
REGIE_AFDELING_CODE = getattr(settings, "KCC_REGIE_AFDELING", "kcc")


@dataclass
class _Termijnen:
    streefdatum: object
    uiterlijke_einddatum: object


def regie_afdeling() -> Afdeling:
    afdeling = (
        Afdeling.objects.select_related("organisatie")
        .filter(organisatie__is_eigen_organisatie=True, code=REGIE_AFDELING_CODE)
        .first()
    )
    if afdeling is None:
        raise ZaakFout(errors.FOUT_GEEN_REGIE_AFDELING.format(code=REGIE_AFDELING_CODE))
    return afdeling


def aanspreekpunt_kiezen(*, regie: Afdeling) -> User | None:
    """The KCC-medewerker of the regie afdeling with the fewest open hoofdzaken (one query).

    Spreads the hoofdzaken of citizens who applied themselves over the team, lowest id
    first on a tie; None when the afdeling has no active KCC-medewerker (the KCC as a
    whole is the contact then, and a teamleider can name one on the hoofdzaak).
    """
    return (
        User.objects.filter(afdelingen=regie, is_active=True, groups__name=roles.KCC_MEDEWERKER)
        .annotate(
            open_hoofdzaken=Count(
                "aanspreekpunt_zaken",
                filter=Q(aanspreekpunt_zaken__afgesloten_op__isnull=True),
                distinct=True,
            )
        )
        .order_by("open_hoofdzaken", "pk")
        .first()
    )


def _controleer_keuze(
    product: Product | None,
    levensgebeurtenis: Levensgebeurtenis | None,
    producten: list[Product] | None = None,
) -> None:
    gekozen = (product is not None) + (levensgebeurtenis is not None) + (producten is not None)
    if gekozen != 1:
        raise ValidationError(errors.FOUT_PRODUCT_OF_LEVENSGEBEURTENIS)
    if producten is not None and len({p.pk for p in producten}) < 2:
        raise ValidationError(errors.FOUT_MEER_PRODUCTEN)
    for p in [product] if product is not None else producten or []:
        if not p.actief:
            raise ValidationError(errors.FOUT_PRODUCT_NIET_ACTIEF)
    if levensgebeurtenis is not None and not levensgebeurtenis.actief:
        raise ValidationError(errors.FOUT_PRODUCT_NIET_ACTIEF)


def _uniek(producten: list[Product] | None) -> list[Product] | None:
    if producten is None:
        return None
    return list({p.pk: p for p in producten}.values())


def aanvraag_concept_opslaan(
    *,
    klant: Klant,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    producten: list[Product] | None = None,
    antwoorden: dict,
    medewerker: User | None = None,
    kanaal: str,
    aanvraag: Aanvraag | None = None,
) -> Aanvraag:
    """Save a started aanvraag to finish later: no validation of the answers yet."""
    producten = _uniek(producten)
    _controleer_keuze(product, levensgebeurtenis, producten)
    if kanaal not in KanaalCode.values:
        raise ValidationError(errors.FOUT_KANAAL_ONBEKEND)
    if aanvraag is not None and aanvraag.status != Aanvraag.Status.CONCEPT:
        raise ValidationError(errors.FOUT_AANVRAAG_AL_INGEDIEND)
    bewaard = {k: v for k, v in (antwoorden or {}).items() if isinstance(k, str)}
    if aanvraag is None:
        with transaction.atomic():
            aanvraag = Aanvraag.objects.create(
                klant=klant,
                product=product,
                levensgebeurtenis=levensgebeurtenis,
                meer_producten=producten is not None,
                antwoorden=bewaard,
                ingediend_door=medewerker,
                kanaal=kanaal,
            )
            if producten is not None:
                aanvraag.producten.set(producten)
        return aanvraag
    aanvraag.antwoorden = bewaard
    aanvraag.kanaal = kanaal
    aanvraag.save(update_fields=["antwoorden", "kanaal", "gewijzigd_op"])
    return aanvraag


def _termijnen(product: Product, start, kalender: Werkkalender) -> _Termijnen:
    return _Termijnen(
        streefdatum=(
            termijn_berekenen(
                start=start, werkdagen=product.servicenorm_werkdagen, kalender=kalender
            )
            if product.servicenorm_werkdagen
            else None
        ),
        uiterlijke_einddatum=(
            termijn_berekenen(
                start=start, werkdagen=product.doorlooptijd_werkdagen, kalender=kalender
            )
            if product.doorlooptijd_werkdagen
            else None
        ),
    )


def aanvraag_indienen(
    *,
    klant: Klant,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    producten: list[Product] | None = None,
    antwoorden: dict,
    medewerker: User | None = None,
    kanaal: str,
    aanvraag: Aanvraag | None = None,
) -> Aanvraag:
    """Validate the answers and create the zaken: one for a product; for a life event a
    hoofdzaak under KCC regie plus one deelzaak per applicable component, each routed to
    the afdeling (and organisation) that delivers the product. ``producten`` (two or
    more, from the console) is split the same way: one deelzaak per product.

    The hoofdzaak's aanspreekpunt is the KCC-medewerker who submitted it, or (the
    citizen applied in the portal) the least busy KCC-medewerker of the regie afdeling.

    ``aanvraag``: a saved concept to submit. Returns the aanvraag; its zaken are in
    ``aanvraag.nieuwe_zaken`` (hoofdzaak first).
    """
    producten = _uniek(producten)
    _controleer_keuze(product, levensgebeurtenis, producten)
    if kanaal not in KanaalCode.values:
        raise ValidationError({"kanaal": errors.FOUT_KANAAL_ONBEKEND})
    if aanvraag is not None and aanvraag.status != Aanvraag.Status.CONCEPT:
        raise ValidationError(errors.FOUT_AANVRAAG_AL_INGEDIEND)

    onderdelen = componenten(levensgebeurtenis) if levensgebeurtenis is not None else []
    vragen = intake_vragen(product=product, onderdelen=onderdelen, producten=producten)
    ruw = antwoorden if isinstance(antwoorden, dict) else {}
    # Questions of a conditional component are required only when it applies.
    geldig_ids = {product.pk} if product is not None else {p.pk for p in producten or []}
    voorwaarden = {v.code: v for v in vragen if v.voorwaarde}
    for o in onderdelen:
        if not o.voorwaarde_code or voorwaarde_ja(voorwaarden[o.voorwaarde_code], ruw):
            geldig_ids.add(o.product_id)
    verplicht = {v.code for v in vragen if v.voorwaarde or geldig_ids.intersection(v.product_ids)}
    schoon = antwoorden_valideren(vragen=vragen, antwoorden=ruw, klant=klant, verplicht=verplicht)
    toepasselijk = toepasselijke_onderdelen(onderdelen, schoon)
    if levensgebeurtenis is not None and not toepasselijk:
        raise ValidationError(errors.FOUT_GEEN_ONDERDEEL)
    samengesteld = levensgebeurtenis is not None or producten is not None
    regie = regie_afdeling() if samengesteld else None
    aanspreekpunt = None
    if regie is not None:
        if medewerker is not None and medewerker.has_role(roles.KCC_MEDEWERKER):
            aanspreekpunt = medewerker
        else:
            aanspreekpunt = aanspreekpunt_kiezen(regie=regie)

    with transaction.atomic():
        nu = timezone.now()
        if aanvraag is None:
            aanvraag = Aanvraag(
                klant=klant,
                product=product,
                levensgebeurtenis=levensgebeurtenis,
                meer_producten=producten is not None,
            )
        aanvraag.antwoorden = schoon
        aanvraag.kanaal = kanaal
        aanvraag.ingediend_door = aanvraag.ingediend_door or medewerker
        aanvraag.status = Aanvraag.Status.INGEDIEND
        aanvraag.ingediend_op = nu
        aanvraag.save()
        if producten is not None:
            aanvraag.producten.set(producten)
        else:
            producten = [product] if product is not None else [o.product for o in toepasselijk]
        identificaties = iter(
            zaak_identificaties_reserveren(
                jaar=als_datum(nu).year, aantal=len(producten) + (1 if regie else 0)
            )
        )
        eerste_status = _eerste_statussen(producten)
        kalenders: dict[int, Werkkalender] = {}
        startdatum = als_datum(nu)
        hoofdzaak = None
        nieuw: list[Zaak] = []
        if regie is not None:
            hoofdzaak = Zaak.objects.create(
                identificatie=next(identificaties),
                soort=Zaak.Soort.HOOFDZAAK,
                aanvraag=aanvraag,
                klant=klant,
                organisatie=regie.organisatie,
                afdeling=regie,
                aanspreekpunt=aanspreekpunt,
                startdatum=startdatum,
            )
            nieuw.append(hoofdzaak)
        for p in producten:
            kalender = kalenders.setdefault(
                p.organisatie_id, Werkkalender(organisatie=p.organisatie_id)
            )
            termijnen = _termijnen(p, nu, kalender)
            nieuw.append(
                Zaak(
                    identificatie=next(identificaties),
                    soort=Zaak.Soort.DEELZAAK if hoofdzaak else Zaak.Soort.ENKELVOUDIG,
                    aanvraag=aanvraag,
                    hoofdzaak=hoofdzaak,
                    product=p,
                    klant=klant,
                    organisatie=p.organisatie,
                    afdeling=p.afdeling,
                    status=eerste_status.get(p.pk),
                    startdatum=startdatum,
                    streefdatum=termijnen.streefdatum,
                    uiterlijke_einddatum=termijnen.uiterlijke_einddatum,
                )
            )
        zaken = [z for z in nieuw if z.pk is None]
        Zaak.objects.bulk_create(zaken)
        if zaken and zaken[0].pk is None:  # backends without RETURNING on bulk insert
            ids = dict(
                Zaak.objects.filter(identificatie__in=[z.identificatie for z in zaken]).values_list(
                    "identificatie", "pk"
                )
            )
            for z in zaken:
                z.pk = z.id = ids[z.identificatie]
        if hoofdzaak is not None:
            streef = [z.streefdatum for z in zaken if z.streefdatum]
            uiterlijk = [z.uiterlijke_einddatum for z in zaken if z.uiterlijke_einddatum]
            hoofdzaak.streefdatum = max(streef) if streef else None
            hoofdzaak.uiterlijke_einddatum = max(uiterlijk) if uiterlijk else None
            hoofdzaak.save(update_fields=["streefdatum", "uiterlijke_einddatum"])
        door = (medewerker.get_full_name() or medewerker.username) if medewerker else "de klant"
        historie = []
        for z in nieuw:
            status = z.status
            historie.append(
                ZaakStatus(
                    zaak=z,
                    statustype=status,
                    omschrijving=(status.naam if status else "Aanvraag ontvangen"),
                    publiek=True,
                    gezet_door=medewerker,
                    door=door[:200],
                )
            )
        ZaakStatus.objects.bulk_create(historie)
        for z in zaken:
            zaak_extern_doorzetten(zaak=z)
        eerste = nieuw[0]
        if hoofdzaak is not None:
            wat = f"'{levensgebeurtenis.naam}'" if levensgebeurtenis else "voor meer producten"
            voornaam = aanspreekpunt.first_name if aanspreekpunt else ""
            tekst = (
                f"Wij hebben uw aanvraag {wat} ontvangen. Die bestaat uit "
                f"{len(zaken)} onderdelen: "
                + ", ".join(f"{z.product.naam} ({z.identificatie})" for z in zaken)
                + ". U heeft één aanspreekpunt bij het KCC"
                + (f": {voornaam}." if voornaam else ".")
            )
        else:
            tekst = f"Wij hebben uw aanvraag '{product.naam}' ontvangen."
        if eerste.streefdatum:
            tekst += f" U hoort uiterlijk {eerste.streefdatum:%d-%m-%Y} van ons."
        zaak_klant_informeren(
            zaak=eerste,
            onderwerp=f"Ontvangstbevestiging: {eerste.omschrijving}",
            tekst=tekst,
            sleutel="ontvangen",
        )
    aanvraag.nieuwe_zaken = nieuw
    return aanvraag


def _eerste_statussen(producten: list[Product]) -> dict[int, Statustype]:
    """The first status type (lowest volgnummer) per product, in one query."""
    eerste: dict[int, Statustype] = {}
    for statustype in Statustype.objects.filter(
        Q(product__in=[p.pk for p in producten]), is_eindstatus=False
    ).order_by("product_id", "volgnummer"):
        eerste.setdefault(statustype.product_id, statustype)
    return eerste
