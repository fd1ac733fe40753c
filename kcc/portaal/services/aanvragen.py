"""Aanvragen from the portal: the zaken services do the work, this adds the uploads.

An upload sent with the aanvraag becomes a document of its first zaak (the hoofdzaak of a
life event: the KCC keeps regie and passes it on). Uploads sent with a concept are kept
with the concept (ConceptBijlage) and move to the zaak when it is submitted.
"""

from __future__ import annotations

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

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
