from django.conf import settings
from django.db import models


class Verwerking(models.Model):
    """One read or change of a Klant's personal data: who, when, what, through which screen.

    Append-only: rows are written by ``kcc.audit.services`` and never changed or deleted
    (the admin refuses both). The citizen will see these in the portal.
    """

    class Actie(models.TextChoices):
        GELEZEN = "gelezen", "Gelezen"
        GEZOCHT = "gezocht", "Gevonden bij zoeken"
        AANGEMAAKT = "aangemaakt", "Aangemaakt"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        SAMENGEVOEGD = "samengevoegd", "Samengevoegd"
        OPGEVRAAGD = "opgevraagd", "Opgevraagd bij basisregistratie"

    tijdstip = models.DateTimeField(
        auto_now_add=True, db_index=True, help_text="Wanneer de verwerking plaatsvond."
    )
    # klant and medewerker are indexed by verwerking_klant_tijd and verwerking_mw_tijd
    # (which start with them): no index of their own on this append-only, busy table.
    # No foreign-key constraint in the database either: the ids written come from rows
    # the same request has just read, and checking 50 random klanten of a list page in
    # the million-row klant table cost more than the INSERT itself (make bench). Django
    # still refuses to delete a klant or medewerker with verwerkingen (PROTECT).
    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        related_name="verwerkingen",
        db_index=False,
        db_constraint=False,
        help_text="De klant wiens gegevens zijn verwerkt.",
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
        help_text="De medewerker (of API-gebruiker); leeg bij een systeemproces.",
    )
    wie = models.CharField(
        max_length=150,
        help_text="Naam van wie verwerkte, vastgelegd op het moment zelf (ook 'systeem').",
    )
    functie = models.CharField(
        max_length=100, blank=True, help_text="Functie van de medewerker op dat moment."
    )
    actie = models.CharField(max_length=20, choices=Actie.choices, help_text="Wat er gebeurde.")
    scherm_of_endpoint = models.CharField(
        max_length=200, help_text="Het scherm of API-endpoint waardoor de verwerking liep."
    )
    toelichting = models.CharField(max_length=300, blank=True, help_text="Extra uitleg.")

    class Meta:
        verbose_name = "verwerking"
        verbose_name_plural = "verwerkingen"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["klant", "-tijdstip"], name="verwerking_klant_tijd"),
            models.Index(fields=["medewerker", "-tijdstip"], name="verwerking_mw_tijd"),
        ]

    def __str__(self) -> str:
        moment = f"{self.tijdstip:%Y-%m-%d %H:%M}"
        return f"{self.wie} {self.get_actie_display()} klant {self.klant_id} @ {moment}"
