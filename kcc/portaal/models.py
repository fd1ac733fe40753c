"""The citizen's login identity (which BSN or KVK-nummer an account stands for) and the
files kept with a saved concept aanvraag."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q


class PortaalIdentiteit(models.Model):
    """What DigiD or eHerkenning told us about the person behind a portal account.

    Filled on every login (OIDC broker or the development simulator). Portal pages find
    the citizen's Klant through this BSN or KVK-nummer, never through a URL parameter.
    """

    class Middel(models.TextChoices):
        DIGID = "digid", "DigiD"
        EHERKENNING = "eherkenning", "eHerkenning"

    class Bron(models.TextChoices):
        OIDC = "oidc", "OIDC-broker"
        SIMULATOR = "simulator", "Simulator (alleen ontwikkeling)"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="portaal_identiteit",
        help_text="Het account van de burger of ondernemer.",
    )
    middel = models.CharField(
        max_length=12, choices=Middel.choices, help_text="Waarmee de gebruiker inlogt."
    )
    bsn = models.CharField(
        "BSN",
        max_length=9,
        blank=True,
        help_text="Burgerservicenummer uit DigiD (alleen bij burgers).",
    )
    kvk_nummer = models.CharField(
        "KVK-nummer",
        max_length=8,
        blank=True,
        help_text="KVK-nummer uit eHerkenning (alleen bij ondernemers).",
    )
    niveau = models.CharField(
        max_length=100,
        blank=True,
        help_text="Betrouwbaarheidsniveau dat de broker meldde (claim 'acr').",
    )
    bron = models.CharField(
        max_length=10, choices=Bron.choices, help_text="Hoe de laatste inlog binnenkwam."
    )
    laatst_ingelogd_op = models.DateTimeField(help_text="Moment van de laatste inlog.")

    class Meta:
        verbose_name = "portaalidentiteit"
        verbose_name_plural = "portaalidentiteiten"
        constraints = [
            # One account per BSN: a new OIDC subject with a known BSN is linked to it.
            models.UniqueConstraint(
                fields=["bsn"], condition=~Q(bsn=""), name="portaalidentiteit_bsn_uniek"
            ),
            models.CheckConstraint(
                condition=Q(middel="digid", kvk_nummer="") & ~Q(bsn="")
                | Q(middel="eherkenning", bsn="") & ~Q(kvk_nummer=""),
                name="portaalidentiteit_past_bij_middel",
            ),
        ]
        indexes = [models.Index(fields=["kvk_nummer"], name="portaalidentiteit_kvk")]

    def __str__(self) -> str:
        nummer = self.bsn or self.kvk_nummer
        return f"{self.get_middel_display()} ***{nummer[-3:]}"


def _concept_bijlage_pad(instance: ConceptBijlage, filename: str) -> str:
    # A random name: the stored path never reveals the citizen's file name.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"portaal/concepten/{uuid.uuid4().hex}{suffix}"


class ConceptBijlage(models.Model):
    """A file uploaded with an aanvraag that is saved as a concept, not yet sent.

    On submission it becomes a ZaakDocument of the aanvraag's first zaak and this row and
    its file are removed. Checked for type and size before it is stored, like any upload.
    """

    aanvraag = models.ForeignKey(
        "zaken.Aanvraag",
        on_delete=models.CASCADE,
        related_name="concept_bijlagen",
        help_text="De bewaarde (nog niet verstuurde) aanvraag.",
    )
    bestand = models.FileField(upload_to=_concept_bijlage_pad)
    naam = models.CharField(max_length=200, help_text="Oorspronkelijke bestandsnaam.")
    content_type = models.CharField(max_length=50)
    grootte = models.PositiveIntegerField(help_text="Grootte in bytes.")
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bijlage bij concept"
        verbose_name_plural = "bijlagen bij concepten"
        ordering = ["aanvraag", "id"]

    def __str__(self) -> str:
        return self.naam
