"""Zaak (hoofdzaak, deelzaak or a single zaak), its history, notes, documents, questions."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

FOUT_DEELZAAK_VAN_DEELZAAK = "Een deelzaak kan zelf geen deelzaken hebben."
FOUT_SOORT_HOOFDZAAK = "Een deelzaak hoort bij een hoofdzaak; een andere zaak heeft er geen."


class ZaakTeller(models.Model):
    """Last number handed out per year, for identificaties like ZAAK-2026-000123.

    Incremented with one UPDATE under a row lock (see ``zaken.services.identificatie``),
    so parallel requests never get the same number, on PostgreSQL and SQLite alike.
    """

    jaar = models.PositiveSmallIntegerField(unique=True)
    laatste = models.PositiveIntegerField(default=0, help_text="Laatst uitgegeven volgnummer.")

    class Meta:
        verbose_name = "zaaknummerteller"
        verbose_name_plural = "zaaknummertellers"

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"


class Zaak(models.Model):
    """The case for one product; a hoofdzaak holds the deelzaken of a life event."""

    class Soort(models.TextChoices):
        ENKELVOUDIG = "enkelvoudig", "Zaak"
        HOOFDZAAK = "hoofdzaak", "Hoofdzaak (KCC-regie)"
        DEELZAAK = "deelzaak", "Deelzaak"

    identificatie = models.CharField(
        max_length=20, unique=True, help_text="Leesbaar kenmerk, bijvoorbeeld ZAAK-2026-000123."
    )
    soort = models.CharField(max_length=12, choices=Soort.choices)
    aanvraag = models.ForeignKey("zaken.Aanvraag", on_delete=models.PROTECT, related_name="zaken")
    hoofdzaak = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelzaken",
        help_text="Alleen bij een deelzaak: de hoofdzaak waar hij bij hoort.",
    )
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaken",
        help_text="Leeg bij de hoofdzaak van een levensgebeurtenis.",
    )
    # Indexed by zaak_klant_open (klant, afgesloten_op); likewise organisatie and afdeling.
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, related_name="zaken", db_index=False
    )
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.PROTECT,
        related_name="zaken",
        db_index=False,
        help_text="De organisatie die de zaak behandelt.",
    )
    afdeling = models.ForeignKey(
        "productcatalogus.Afdeling",
        on_delete=models.PROTECT,
        related_name="zaken",
        db_index=False,
        help_text="De afdeling in wiens werkvoorraad de zaak staat (bij een hoofdzaak: het KCC).",
    )
    aanspreekpunt = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanspreekpunt_zaken",
        help_text="Hoofdzaak: de KCC-medewerker die voor de klant het ene aanspreekpunt is.",
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="behandelde_zaken",
        help_text="Wie de zaak geclaimd heeft; leeg: nog niet opgepakt.",
    )
    status = models.ForeignKey(
        "productcatalogus.Statustype",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De huidige status (statustype van het product).",
    )
    startdatum = models.DateField(help_text="Dag van ontvangst.")
    streefdatum = models.DateField(
        null=True, blank=True, help_text="Servicenorm: uiterlijk klaar volgens onze belofte."
    )
    uiterlijke_einddatum = models.DateField(
        null=True, blank=True, help_text="Wettelijke termijn (doorlooptijd)."
    )
    opgeschort_sinds = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Gevuld zolang we op de klant wachten (termijn staat stil).",
    )
    opschorting_reden = models.CharField(max_length=300, blank=True)
    verlengd = models.BooleanField(default=False, help_text="De termijn is (één keer) verlengd.")
    verlenging_reden = models.CharField(max_length=300, blank=True)
    einddatum = models.DateField(null=True, blank=True, help_text="Dag waarop de zaak klaar was.")
    resultaat = models.TextField(blank=True, help_text="Uitkomst van de zaak.")
    afgesloten_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-startdatum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort="deelzaak", hoofdzaak__isnull=False, product__isnull=False)
                | Q(soort="enkelvoudig", hoofdzaak__isnull=True, product__isnull=False)
                | Q(soort="hoofdzaak", hoofdzaak__isnull=True, product__isnull=True),
                name="zaak_soort_past_bij_hoofdzaak_en_product",
            ),
        ]
        indexes = [
            # Werkvoorraad: open zaken of an afdeling, claimed or not.
            models.Index(
                fields=["afdeling", "behandelaar", "afgesloten_op"], name="zaak_werkvoorraad"
            ),
            # The open werkvoorraad of an afdeling in the list's order, with the columns
            # its tab counts read (claimed, late, suspended): the counts and the page
            # are read from the index alone (the norm monitor's selections use it too).
            models.Index(
                fields=[
                    "afdeling",
                    "streefdatum",
                    "startdatum",
                    "id",
                    "behandelaar",
                    "opgeschort_sinds",
                ],
                condition=Q(afgesloten_op__isnull=True) & ~Q(soort="hoofdzaak"),
                name="zaak_werkvoorraad_open",
            ),
            models.Index(fields=["streefdatum"], name="zaak_streefdatum"),
            models.Index(fields=["klant", "afgesloten_op"], name="zaak_klant_open"),
            models.Index(fields=["organisatie", "afgesloten_op"], name="zaak_organisatie_open"),
        ]

    def __str__(self) -> str:
        return self.identificatie

    def clean(self) -> None:
        if self.hoofdzaak_id is not None:
            if self.hoofdzaak.hoofdzaak_id is not None:
                raise ValidationError({"hoofdzaak": FOUT_DEELZAAK_VAN_DEELZAAK})
            if self.soort != self.Soort.DEELZAAK:
                raise ValidationError({"hoofdzaak": FOUT_SOORT_HOOFDZAAK})
        if self.pk and self.hoofdzaak_id and self.deelzaken.exists():
            raise ValidationError({"hoofdzaak": FOUT_DEELZAAK_VAN_DEELZAAK})

    @property
    def is_open(self) -> bool:
        return self.afgesloten_op is None

    @property
    def is_opgeschort(self) -> bool:
        return self.opgeschort_sinds is not None

    @property
    def is_hoofdzaak(self) -> bool:
        return self.soort == self.Soort.HOOFDZAAK

    @property
    def omschrijving(self) -> str:
        if self.product_id:
            return self.product.naam
        return self.aanvraag.onderwerp.naam


class ZaakStatus(models.Model):
    """History of a zaak: every status set and every handling step, public or internal."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(
        "productcatalogus.Statustype",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg bij een stap die geen status van het product is (claim, overdracht).",
    )
    omschrijving = models.CharField(max_length=500, help_text="Wat er gebeurde.")
    publiek = models.BooleanField(
        default=False, help_text="Aan: de klant ziet deze regel in het portaal."
    )
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg: het systeem of een extern systeem (zie 'door').",
    )
    door = models.CharField(
        max_length=200, blank=True, help_text="Naam van wie het deed, vastgelegd op het moment."
    )
    gezet_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "zaakstatus"
        verbose_name_plural = "zaakstatussen"
        ordering = ["zaak", "gezet_op", "id"]

    def __str__(self) -> str:
        return f"{self.zaak}: {self.omschrijving}"


class ZaakNotitie(models.Model):
    """An internal note on a zaak; never shown to the customer."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    tekst = models.TextField()
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notitie"
        verbose_name_plural = "notities"
        ordering = ["zaak", "-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.tekst[:60]


def _document_pad(instance: ZaakDocument, filename: str) -> str:
    # A random name: the stored path never reveals the customer's file name.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"zaken/{uuid.uuid4().hex}{suffix}"


class ZaakDocument(models.Model):
    """A file added to a zaak (PDF, PNG or JPEG, at most 10 MB). Served only after a scope check."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="documenten")
    bestand = models.FileField(upload_to=_document_pad)
    naam = models.CharField(max_length=200, help_text="Oorspronkelijke bestandsnaam.")
    content_type = models.CharField(max_length=50)
    grootte = models.PositiveIntegerField(help_text="Grootte in bytes.")
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["zaak", "-toegevoegd_op", "-id"]

    def __str__(self) -> str:
        return self.naam


class Informatieverzoek(models.Model):
    """A question to the customer; while open, the zaak is suspended."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="informatieverzoeken")
    vraag = models.TextField(help_text="Wat we van de klant nodig hebben, in eenvoudig Nederlands.")
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gevraagd_op = models.DateTimeField(auto_now_add=True)
    antwoord = models.TextField(blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    beantwoord_via = models.CharField(
        max_length=200, blank=True, help_text="Wie het antwoord gaf of vastlegde."
    )

    class Meta:
        verbose_name = "informatieverzoek"
        verbose_name_plural = "informatieverzoeken"
        ordering = ["zaak", "-gevraagd_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaak"],
                condition=Q(beantwoord_op__isnull=True),
                name="een_open_informatieverzoek_per_zaak",
            )
        ]

    def __str__(self) -> str:
        return self.vraag[:60]

    @property
    def is_open(self) -> bool:
        return self.beantwoord_op is None
