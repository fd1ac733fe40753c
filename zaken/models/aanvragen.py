"""Aanvraag: what a customer asked for in one go, with the answers given."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from kanalen.codes import KanaalCode


class Aanvraag(models.Model):
    """One request for one product or one life event; split into zaken when submitted."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept (nog niet ingediend)"
        INGEDIEND = "ingediend", "Ingediend"

    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        related_name="aanvragen",
        help_text="Voor wie de aanvraag is.",
    )
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
        help_text="Het aangevraagde product (leeg bij een levensgebeurtenis).",
    )
    levensgebeurtenis = models.ForeignKey(
        "productcatalogus.Levensgebeurtenis",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
        help_text="De aangevraagde levensgebeurtenis (leeg bij één product).",
    )
    antwoorden = models.JSONField(
        default=dict,
        blank=True,
        help_text="Antwoorden op de intakevragen, per vraagcode. Gegevens uit de BRP staan "
        "hier ook, met de waarde uit de BRP.",
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De medewerker die de aanvraag voor de klant deed; leeg als de klant het "
        "zelf deed in het portaal.",
    )
    kanaal = models.CharField(
        max_length=20, choices=KanaalCode.choices, help_text="Kanaal waarlangs de aanvraag kwam."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONCEPT)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    ingediend_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(product__isnull=False, levensgebeurtenis__isnull=True)
                | Q(product__isnull=True, levensgebeurtenis__isnull=False),
                name="aanvraag_product_of_levensgebeurtenis",
            )
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.pk}: {self.product or self.levensgebeurtenis}"

    @property
    def onderwerp(self):
        return self.product or self.levensgebeurtenis
