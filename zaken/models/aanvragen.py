"""Aanvraag: what a customer asked for in one go, with the answers given."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q

from kanalen.codes import KanaalCode

AANVRAAG_MEER_PRODUCTEN = "Aanvraag voor meer producten"


@dataclass(frozen=True)
class MeerProducten:
    """The onderwerp of a multi-product aanvraag; reads like a product (``naam``)."""

    naam: str = AANVRAAG_MEER_PRODUCTEN

    def __str__(self) -> str:
        return self.naam


class Aanvraag(models.Model):
    """One request for one product, one life event, or several products at once (a KCC
    medewerker asks for them together); split into zaken when submitted."""

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
    meer_producten = models.BooleanField(
        default=False,
        help_text="Aan: een aanvraag voor meer producten tegelijk; die staan in 'producten'. "
        "Ze worden een hoofdzaak met een deelzaak per product, net als een levensgebeurtenis.",
    )
    producten = models.ManyToManyField(
        "productcatalogus.Product",
        blank=True,
        related_name="samengestelde_aanvragen",
        help_text="Bij een aanvraag voor meer producten: de producten.",
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
                | Q(product__isnull=True, levensgebeurtenis__isnull=False)
                | Q(product__isnull=True, levensgebeurtenis__isnull=True, meer_producten=True),
                name="aanvraag_product_of_levensgebeurtenis",
            ),
            models.CheckConstraint(
                condition=Q(meer_producten=False)
                | Q(product__isnull=True, levensgebeurtenis__isnull=True),
                name="aanvraag_meer_producten_zonder_product",
            ),
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.pk}: {self.product or self.levensgebeurtenis}"

    @property
    def onderwerp(self):
        """The product, the life event, or MeerProducten (all three have ``naam``)."""
        return self.product or self.levensgebeurtenis or MeerProducten()
