"""The kennisbank: vraag-antwoordcombinaties with their history, and search synonyms."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse

from productcatalogus.models.organisaties import Afdeling
from productcatalogus.models.producten import Product


class VAC(models.Model):
    """A vraag-antwoordcombinatie: the one answer the KCC gives on every channel."""

    vraag = models.CharField(max_length=300, help_text="De vraag zoals een burger hem stelt.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Deel van het publieke adres.")
    antwoord = models.TextField(
        help_text="Het antwoord in eenvoudig Nederlands (B1). Opmaak mag (HTML); "
        "scripts en stijlen worden verwijderd."
    )
    trefwoorden = models.TextField(blank=True, help_text="Zoekwoorden, gescheiden door komma's.")
    producten = models.ManyToManyField(
        Product, blank=True, related_name="vacs", help_text="Producten waar de vraag over gaat."
    )
    voor_burger = models.BooleanField(default=True, help_text="Bedoeld voor burgers.")
    voor_bedrijf = models.BooleanField(default=False, help_text="Bedoeld voor bedrijven.")
    openbaar = models.BooleanField(
        default=True, help_text="Aan: iedereen ziet dit antwoord. Uit: alleen medewerkers."
    )
    geldig_tot = models.DateField(
        null=True, blank=True, help_text="Na deze dag wordt het antwoord niet meer getoond."
    )
    afdeling = models.ForeignKey(
        Afdeling,
        on_delete=models.PROTECT,
        related_name="vacs",
        help_text="De afdeling die het antwoord actueel houdt.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # Filled by a PostgreSQL trigger (see migration 0003); stays empty on SQLite.
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "VAC"
        verbose_name_plural = "VAC's"
        ordering = ["vraag"]

    def __str__(self) -> str:
        return self.vraag

    def get_absolute_url(self) -> str:
        return reverse("portaal:catalogus:vac", kwargs={"slug": self.slug})


class VACVersie(models.Model):
    """Append-only history of a VAC: who changed what, when. Never updated or deleted."""

    vac = models.ForeignKey(VAC, on_delete=models.CASCADE, related_name="versies")
    versie = models.PositiveIntegerField(help_text="1 is de eerste versie.")
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leeg: gewijzigd door het systeem (import, demo).",
    )
    gewijzigd_op = models.DateTimeField(auto_now_add=True)
    wijzigingen = models.JSONField(
        default=dict, help_text="Per gewijzigd veld: [oude waarde, nieuwe waarde]."
    )
    inhoud = models.JSONField(default=dict, help_text="De VAC zoals hij na deze wijziging was.")

    class Meta:
        verbose_name = "VAC-versie"
        verbose_name_plural = "VAC-versies"
        ordering = ["vac", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["vac", "versie"], name="vacversie_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.vac} (versie {self.versie})"


class Synoniem(models.Model):
    """A search term and the words that mean the same to a citizen, maintained in beheer."""

    term = models.CharField(
        max_length=100, unique=True, help_text="Het woord, in kleine letters (bijvoorbeeld 'id')."
    )
    synoniemen = models.TextField(
        help_text="Woorden met dezelfde betekenis, gescheiden door komma's "
        "(bijvoorbeeld 'identiteitskaart, legitimatie')."
    )

    class Meta:
        verbose_name = "synoniem"
        verbose_name_plural = "synoniemen"
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    @property
    def woorden(self) -> list[str]:
        return [w.strip().lower() for w in self.synoniemen.split(",") if w.strip()]


class Zoekwoord(models.Model):
    """A word of the catalogue (names, keywords, summaries, VAC questions) for correcting a
    typo in a search: "parkeervergunnig" finds "parkeervergunning" here, and that word is
    searched too. PostgreSQL only (filled by triggers, trigram index; see migration
    0005); the SQLite search has its own typo tolerance."""

    woord = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"

    def __str__(self) -> str:
        return self.woord
