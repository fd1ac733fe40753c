"""Aanvragen from the portal: the zaken services do the work, this adds the uploads.

An upload sent with the aanvraag becomes a document of its first zaak (the hoofdzaak of a
life event: the KCC keeps regie and passes it on). Uploads sent with a concept are kept
with the concept (ConceptBijlage) and move to the zaak when it is submitted.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from kanalen.codes import KanaalCode
from kcc.accounts.models import User
from kcc.portaal.models import ConceptBijlage
from klanten.models import Klant
from productcatalogus.models import Levensgebeurtenis, Product
from zaken.models import Aanvraag
from zaken.services.aanvragen import aanvraag_concept_opslaan, aanvraag_indienen
from zaken.services.zaken import document_soort, zaak_document_toevoegen

KANAAL = KanaalCode.WEBFORMULIER


def _bestandsnaam(bestand: UploadedFile) -> str:
    return (bestand.name or "document").replace("\\", "/").rsplit("/", 1)[-1][:200]


def _weghalen(aanvraag: Aanvraag, pks: list[int]) -> None:
    """Remove kept uploads of this concept; the files go once the transaction holds."""
    weg = list(ConceptBijlage.objects.filter(aanvraag=aanvraag, pk__in=pks))
    if not weg:
        return
    ConceptBijlage.objects.filter(pk__in=[b.pk for b in weg]).delete()
    for bijlage in weg:
        storage, naam = bijlage.bestand.storage, bijlage.bestand.name
        transaction.on_commit(lambda s=storage, n=naam: s.delete(n))


@transaction.atomic
def portaal_concept_opslaan(
    *,
    klant: Klant,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    antwoorden: dict,
    bijlagen: list[UploadedFile],
    weghalen: list[int] | None = None,
    aanvraag: Aanvraag | None = None,
) -> Aanvraag:
    """Save the concept with its answers and keep the new uploads with it.

    Assumes the uploads passed ``document_soort`` (the intake form checks them); it is
    checked again here because a stored file must never be of another type.
    """
    aanvraag = aanvraag_concept_opslaan(
        klant=klant,
        product=product,
        levensgebeurtenis=levensgebeurtenis,
        antwoorden=antwoorden,
        kanaal=KANAAL,
        aanvraag=aanvraag,
    )
    _weghalen(aanvraag, weghalen or [])
    for bestand in bijlagen:
        content_type, extensie = document_soort(bestand)
        naam = _bestandsnaam(bestand)
        bestand.name = "document" + extensie  # stored name follows the checked type
        ConceptBijlage.objects.create(
            aanvraag=aanvraag,
            bestand=bestand,
            naam=naam,
            content_type=content_type,
            grootte=bestand.size,
        )
    return aanvraag


@transaction.atomic
def portaal_aanvraag_indienen(
    *,
    user: User,
    klant: Klant,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    antwoorden: dict,
    bijlagen: list[UploadedFile],
    weghalen: list[int] | None = None,
    aanvraag: Aanvraag | None = None,
) -> Aanvraag:
    """Submit the aanvraag; the kept and the new uploads become documents of its first zaak.

    Raises ValidationError (answers, per question code) or ZaakFout (an upload); then
    nothing is stored.
    """
    if aanvraag is not None:
        _weghalen(aanvraag, weghalen or [])
    aanvraag = aanvraag_indienen(
        klant=klant,
        product=product,
        levensgebeurtenis=levensgebeurtenis,
        antwoorden=antwoorden,
        kanaal=KANAAL,
        aanvraag=aanvraag,
    )
    zaak = aanvraag.nieuwe_zaken[0]
    for bestand in bijlagen:
        zaak_document_toevoegen(zaak=zaak, bestand=bestand, medewerker=user)
    bewaard = list(ConceptBijlage.objects.filter(aanvraag=aanvraag).order_by("id"))
    for bijlage in bewaard:
        with bijlage.bestand.open("rb") as inhoud:
            bestand = File(inhoud, name=bijlage.naam)
            zaak_document_toevoegen(zaak=zaak, bestand=bestand, medewerker=user)
    _weghalen(aanvraag, [b.pk for b in bewaard])
    return aanvraag


def verlopen_concepten_opruimen(*, nu: datetime.datetime | None = None) -> int:
    """Remove concepts not changed for KCC_CONCEPT_BEWAARDAGEN days, with their uploads.

    A concept has no zaken yet (they are made on submission); a contactmoment that named it
    keeps its text and loses only the link. Returns the number of concepts removed.
    """
    grens = (nu or timezone.now()) - datetime.timedelta(days=settings.KCC_CONCEPT_BEWAARDAGEN)
    verwijderd = 0
    while True:
        with transaction.atomic():
            pks = list(
                Aanvraag.objects.select_for_update(skip_locked=True)
                .filter(status=Aanvraag.Status.CONCEPT, gewijzigd_op__lt=grens)
                .order_by("pk")
                .values_list("pk", flat=True)[:500]
            )
            if not pks:
                return verwijderd
            bestanden = [
                (b.bestand.storage, b.bestand.name)
                for b in ConceptBijlage.objects.filter(aanvraag_id__in=pks).only("bestand")
            ]
            Aanvraag.objects.filter(pk__in=pks).delete()
            for storage, naam in bestanden:
                transaction.on_commit(lambda s=storage, n=naam: s.delete(n))
        verwijderd += len(pks)
