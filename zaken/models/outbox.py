"""Transactional outbox (webhooks, notifications) and the credentials of external systems."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ExterneKoppeling(models.Model):
    """API access and webhook signing for an organisation with its own backoffice system."""

    organisatie = models.OneToOneField(
        "productcatalogus.Organisatie", on_delete=models.CASCADE, related_name="externe_koppeling"
    )
    token_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 van het API-token; het token zelf wordt alleen bij aanmaken getoond.",
    )
    token_begin = models.CharField(
        max_length=8, editable=False, help_text="Eerste tekens van het token, om het te herkennen."
    )
    webhook_secret = models.CharField(
        max_length=100,
        editable=False,
        help_text="Geheim waarmee de KCC webhooks ondertekent (HMAC-SHA256).",
    )
    actief = models.BooleanField(default=True, help_text="Uit: het token werkt niet meer.")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "externe koppeling"
        verbose_name_plural = "externe koppelingen"

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.token_begin}…)"


class OutboxBericht(models.Model):
    """A side effect written in the same transaction as the change that caused it.

    Dispatched after commit by a Celery task; a beat task picks up whatever is still due
    (broker down, worker crashed, delivery failed). ``status`` ``bezig`` with a passed
    ``volgende_poging_op`` means a worker died mid-delivery: it is tried again.
    """

    class Soort(models.TextChoices):
        WEBHOOK = "webhook", "Webhook naar extern systeem"
        NOTIFICATIE = "notificatie", "Bericht aan de klant"
        MEDEWERKER = "medewerker", "E-mail aan een medewerker"

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wachtend"
        BEZIG = "bezig", "Wordt afgeleverd"
        VERZONDEN = "verzonden", "Verzonden"
        MISLUKT = "mislukt", "Mislukt (opgegeven)"

    soort = models.CharField(max_length=12, choices=Soort.choices)
    dedup_sleutel = models.CharField(
        max_length=150,
        unique=True,
        help_text="Zelfde gebeurtenis, zelfde sleutel: er komt nooit een tweede bericht.",
    )
    zaak = models.ForeignKey(
        "zaken.Zaak",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_berichten",
    )
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Webhook: de ontvangende organisatie.",
    )
    doel = models.CharField(
        max_length=300, help_text="Webhook-URL, e-mailadres of 'post' (brief via de postkamer)."
    )
    payload = models.JSONField(help_text="Wat verstuurd wordt.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WACHTEND)
    pogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging_op = models.DateTimeField(help_text="Niet eerder dan dit moment versturen.")
    laatste_fout = models.TextField(blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    contactmoment = models.ForeignKey(
        "kanalen.Contactmoment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Notificatie: het uitgaande contactmoment waarmee het bericht is vastgelegd.",
    )

    class Meta:
        verbose_name = "outboxbericht"
        verbose_name_plural = "outboxberichten"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(
                fields=["volgende_poging_op"],
                condition=Q(status__in=["wachtend", "bezig"]),
                name="outbox_te_versturen",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.dedup_sleutel} ({self.get_status_display()})"


class OutboxAflevering(models.Model):
    """Delivery log: one row per attempt, kept for beheer."""

    bericht = models.ForeignKey(
        OutboxBericht, on_delete=models.CASCADE, related_name="afleveringen"
    )
    poging = models.PositiveSmallIntegerField()
    tijdstip = models.DateTimeField(auto_now_add=True)
    gelukt = models.BooleanField()
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    fout = models.TextField(blank=True)
    duur_ms = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "aflevering"
        verbose_name_plural = "afleveringen"
        ordering = ["bericht", "poging", "id"]

    def __str__(self) -> str:
        return f"{self.bericht_id} poging {self.poging}: {'gelukt' if self.gelukt else 'mislukt'}"
