"""Channels, contactmomenten (every contact on every channel) and contactverzoeken."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kanalen.codes import KanaalCode


class Kanaal(models.Model):
    """A channel with its reactienorm (how fast the KCC promises to react)."""

    class Eenheid(models.TextChoices):
        MINUTEN = "minuten", "Minuten"
        UREN = "uren", "Werkuren"
        WERKDAGEN = "werkdagen", "Werkdagen"

    code = models.CharField(max_length=20, choices=KanaalCode.choices, unique=True)
    naam = models.CharField(max_length=100)
    reactienorm_waarde = models.PositiveIntegerField(
        help_text="Binnen hoeveel eenheden het KCC reageert, bijvoorbeeld 2 (werkdagen)."
    )
    reactienorm_eenheid = models.CharField(
        max_length=10, choices=Eenheid.choices, default=Eenheid.WERKDAGEN
    )
    actief = models.BooleanField(default=True)
    volgorde = models.PositiveSmallIntegerField(default=0, help_text="Volgorde in keuzelijsten.")

    class Meta:
        verbose_name = "kanaal"
        verbose_name_plural = "kanalen"
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def reactienorm(self) -> str:
        return f"{self.reactienorm_waarde} {self.get_reactienorm_eenheid_display().lower()}"


class Contactmoment(models.Model):
    """One contact on one channel, inbound or outbound, with or without a known Klant.

    The questions asked (one or more) are ``ContactmomentVraag`` rows; ``resultaat`` is
    the outcome of the contact as a whole (used for first-contact resolution).
    """

    class Richting(models.TextChoices):
        INKOMEND = "inkomend", "Inkomend"
        UITGAAND = "uitgaand", "Uitgaand"

    class Resultaat(models.TextChoices):
        BEANTWOORD = "beantwoord", "Beantwoord"
        CONTACTVERZOEK = "contactverzoek", "Contactverzoek (terugbellen) gemaakt"
        AANVRAAG_GESTART = "aanvraag_gestart", "Aanvraag gestart"
        DOORVERWEZEN = "doorverwezen", "Doorverwezen naar andere organisatie"
        DOORVERBONDEN = "doorverbonden", "Doorverbonden"

    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactmomenten",
        help_text="Leeg bij een anoniem contact.",
    )
    anoniem_naam = models.CharField(max_length=200, blank=True, help_text="Alleen bij anoniem.")
    anoniem_telefoon = models.CharField(max_length=20, blank=True, help_text="E.164.")
    anoniem_email = models.EmailField(blank=True)
    kanaal = models.ForeignKey(Kanaal, on_delete=models.PROTECT, related_name="contactmomenten")
    richting = models.CharField(max_length=10, choices=Richting.choices, default=Richting.INKOMEND)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactmomenten",
    )
    gestart_op = models.DateTimeField(db_index=True, help_text="Begin van het contact.")
    beeindigd_op = models.DateTimeField(help_text="Einde van het contact (bij registratie).")
    duur_seconden = models.PositiveIntegerField(
        help_text="Duur van het contact, door de server berekend uit begin en einde."
    )
    resultaat = models.CharField(max_length=20, choices=Resultaat.choices)
    doorverwezen_naar = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Bij 'doorverwezen': naar welke organisatie.",
    )
    vorig_contactmoment = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervolgen",
        help_text="Het eerdere contact waarop dit een vervolg is.",
    )
    aanvraag = models.ForeignKey(
        "zaken.Aanvraag",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contactmomenten",
        help_text="Bij 'aanvraag gestart': de aanvraag die in dit contact is geregistreerd. "
        "Het contact telt als in één keer opgelost zodra die aanvraag is ingediend.",
    )
    idempotency_key = models.CharField(
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        help_text="Sleutel waarmee de demogegevens dit contact maar één keer aanmaken. "
        "(Herhaalde API-aanroepen vangt de Idempotency-Key van klanten.api af.)",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-gestart_op", "-id"]
        indexes = [
            models.Index(fields=["klant", "-gestart_op"], name="contactmoment_klant_tijd"),
            models.Index(fields=["kanaal", "gestart_op"], name="contactmoment_kanaal_tijd"),
        ]

    def __str__(self) -> str:
        return f"{self.kanaal} {self.gestart_op:%Y-%m-%d %H:%M} ({self.get_resultaat_display()})"

    @property
    def is_anoniem(self) -> bool:
        return self.klant_id is None


# The longest question the console form and the API take (a question as typed).
VRAAG_MAX = 2000


class ContactmomentVraag(models.Model):
    """One question asked in a contact, with the answer given and its subject."""

    contactmoment = models.ForeignKey(
        Contactmoment, on_delete=models.CASCADE, related_name="vragen"
    )
    volgnummer = models.PositiveSmallIntegerField(default=1)
    vraag = models.TextField()
    antwoord = models.TextField(blank=True)
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Het product waarover de vraag ging.",
    )
    vac = models.ForeignKey(
        "productcatalogus.VAC",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De kennisbankvraag waarmee is geantwoord.",
    )

    class Meta:
        verbose_name = "vraag in contactmoment"
        verbose_name_plural = "vragen in contactmomenten"
        ordering = ["contactmoment", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["contactmoment", "volgnummer"], name="contactmomentvraag_volgnummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.vraag[:60]


class Contactverzoek(models.Model):
    """A terugbelverzoek / request for action, for an afdeling or one medewerker."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        AFGEHANDELD = "afgehandeld", "Afgehandeld"

    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactverzoeken",
    )
    contactmoment = models.ForeignKey(
        Contactmoment,
        on_delete=models.PROTECT,
        related_name="contactverzoeken",
        help_text="Het contact waarin het verzoek ontstond.",
    )
    afdeling = models.ForeignKey(
        "productcatalogus.Afdeling",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactverzoeken",
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contactverzoeken",
        help_text="Een medewerker die het verzoek persoonlijk oppakt.",
    )
    vraag = models.TextField(help_text="Waar de klant over teruggebeld wil worden.")
    telefoonnummer = models.CharField(max_length=20, blank=True, help_text="E.164.")
    email = models.EmailField(blank=True)
    bereikbaar = models.CharField(
        max_length=200, blank=True, help_text="Wanneer de klant bereikbaar is, bijv. 'ochtend'."
    )
    deadline = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.OPEN)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afhandeling = models.ForeignKey(
        Contactmoment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Het uitgaande contactmoment waarmee het verzoek is afgehandeld.",
    )

    class Meta:
        verbose_name = "contactverzoek"
        verbose_name_plural = "contactverzoeken"
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afdeling__isnull=False) | Q(behandelaar__isnull=False),
                name="contactverzoek_heeft_toewijzing",
            ),
            models.CheckConstraint(
                condition=~Q(telefoonnummer="", email=""),
                name="contactverzoek_bereikbaar",
            ),
        ]
        indexes = [models.Index(fields=["afdeling", "status", "deadline"], name="cv_afdeling_open")]

    def __str__(self) -> str:
        return f"Contactverzoek {self.pk}: {self.vraag[:40]}"


class ContactverzoekPoging(models.Model):
    """One attempt to reach the customer for a contactverzoek."""

    class Uitkomst(models.TextChoices):
        BEREIKT = "bereikt", "Bereikt"
        NIET_BEREIKT = "niet_bereikt", "Niet bereikt"

    contactverzoek = models.ForeignKey(
        Contactverzoek, on_delete=models.CASCADE, related_name="pogingen"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uitkomst = models.CharField(max_length=15, choices=Uitkomst.choices)
    notitie = models.TextField(blank=True)

    class Meta:
        verbose_name = "poging"
        verbose_name_plural = "pogingen"
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.get_uitkomst_display()} ({self.tijdstip:%Y-%m-%d %H:%M})"
