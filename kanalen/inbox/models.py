"""The KCC inbox: inbound messages on every written channel, their conversations and
attachments, the answers sent, and telephone calls reported by the CTI system."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kanalen.codes import KanaalCode


class Gesprek(models.Model):
    """A conversation: the first message and every reply and answer that belongs to it."""

    kanaal = models.CharField(max_length=20, choices=KanaalCode.choices)
    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_gesprekken",
        help_text="De klant, als de afzender herkend is.",
    )
    adres = models.CharField(
        max_length=254,
        blank=True,
        help_text="Genormaliseerd e-mailadres van de afzender: alleen mail van dit adres "
        "(of van de klant) komt in dit gesprek.",
    )
    onderwerp = models.CharField(max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "gesprek"
        verbose_name_plural = "gesprekken"

    def __str__(self) -> str:
        return self.onderwerp or f"Gesprek {self.pk}"


class InkomendBericht(models.Model):
    """One inbound message. The first message of a conversation is the inbox item
    (``is_vervolg`` False); replies are stored in the same conversation and reopen it."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", "Nieuw"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        BEANTWOORD = "beantwoord", "Beantwoord"
        OVERGEDRAGEN = "overgedragen", "Overgedragen"

    OPEN = (Status.NIEUW, Status.IN_BEHANDELING)

    kanaal = models.CharField(max_length=20, choices=KanaalCode.choices, db_index=True)
    gesprek = models.ForeignKey(Gesprek, on_delete=models.PROTECT, related_name="berichten")
    is_vervolg = models.BooleanField(
        default=False, help_text="Een reactie in een bestaand gesprek: geen eigen inboxitem."
    )
    klant = models.ForeignKey(
        "klanten.Klant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inkomende_berichten",
        help_text="Herkend aan het e-mailadres of telefoonnummer, of het ingelogde account.",
    )
    klant_mogelijk = models.BooleanField(
        default=False,
        help_text="Het opgegeven adres hoort bij een klant, maar is niet bewezen: het bericht "
        "is niet aan die klant gekoppeld en de console toont geen gegevens van die klant.",
    )
    afzender_naam = models.CharField(max_length=200, blank=True)
    afzender_email = models.CharField(max_length=254, blank=True, help_text="Genormaliseerd.")
    afzender_telefoon = models.CharField(max_length=20, blank=True, help_text="E.164.")
    onderwerp = models.CharField(max_length=300, blank=True)
    tekst = models.TextField(blank=True, help_text="De tekst zoals ontvangen (platte tekst).")
    veilige_html = models.TextField(
        blank=True, help_text="De HTML van het bericht, opgeschoond (nh3): veilig om te tonen."
    )
    ruw = models.BinaryField(
        blank=True,
        help_text="Het bericht precies zoals ontvangen (bij e-mail): niets gaat verloren.",
    )
    verwerkingsfout = models.CharField(
        max_length=300, blank=True, help_text="Wat er mis was met het bericht bij ontvangst."
    )
    referentie = models.CharField(
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text="Leesbaar kenmerk van het inboxitem, zoals KCC-2026-000123.",
    )
    message_id = models.CharField(
        max_length=500,
        unique=True,
        null=True,
        blank=True,
        help_text="Message-ID van de e-mail: dezelfde mail twee keer geeft één bericht.",
    )
    in_reply_to = models.CharField(max_length=500, blank=True)
    references = models.TextField(blank=True)
    geweigerde_bijlagen = models.JSONField(
        default=list, blank=True, help_text="Bijlagen die niet zijn opgeslagen, met de reden."
    )
    ontvangen_op = models.DateTimeField(db_index=True)
    deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Uiterste reactiemoment volgens de reactienorm van het kanaal.",
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_items",
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.NIEUW)
    geclaimd_op = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Wanneer de behandelaar het bericht oppakte: daar begint de afhandeltijd.",
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "inkomend bericht"
        verbose_name_plural = "inkomende berichten"
        ordering = ["deadline", "id"]
        indexes = [
            # The open items in list order, with the columns the list filters on (channel,
            # status, own items): every page and its (bounded) count read this index
            # alone, filtered or not.
            models.Index(
                fields=["deadline", "id", "kanaal", "status", "behandelaar"],
                condition=Q(is_vervolg=False, status__in=["nieuw", "in_behandeling"]),
                name="inbox_open_lijst",
            ),
            models.Index(fields=["gesprek", "ontvangen_op"], name="inbox_gesprek_tijd"),
        ]

    def __str__(self) -> str:
        return f"{self.referentie or self.pk}: {self.onderwerp[:50]}"

    @property
    def afzender(self) -> str:
        return self.afzender_uit(self.afzender_naam, self.afzender_email, self.afzender_telefoon)

    @staticmethod
    def afzender_uit(naam: str, email: str, telefoon: str) -> str:
        return naam or email or telefoon or "Onbekend"


class Bijlage(models.Model):
    """An attachment that passed the limits (size, type)."""

    bericht = models.ForeignKey(InkomendBericht, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(upload_to="inbox/%Y/%m/")
    naam = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField(help_text="In bytes.")

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam


class Antwoord(models.Model):
    """An answer sent to the customer. Stored before it is sent (outbox): a mail that
    could not be sent stays pending and is sent again by the beat task."""

    gesprek = models.ForeignKey(Gesprek, on_delete=models.PROTECT, related_name="antwoorden")
    bericht = models.ForeignKey(
        InkomendBericht, on_delete=models.PROTECT, related_name="antwoorden"
    )
    kanaal = models.CharField(max_length=20, choices=KanaalCode.choices)
    aan = models.CharField(max_length=254, blank=True, help_text="E-mailadres (bij e-mail).")
    onderwerp = models.CharField(max_length=300, blank=True)
    tekst = models.TextField()
    message_id = models.CharField(max_length=500, unique=True, null=True, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    contactmoment = models.ForeignKey(
        "kanalen.Contactmoment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(
        null=True, blank=True, help_text="Leeg bij e-mail: nog niet verzonden."
    )
    pogingen = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        ordering = ["aangemaakt_op", "id"]

    def __str__(self) -> str:
        return f"Antwoord {self.pk} op {self.bericht_id}"


class Telefoongesprek(models.Model):
    """A phone call as reported by the telephony platform (CTI webhook)."""

    class Status(models.TextChoices):
        RINGING = "ringing", "Gaat over"
        ANSWERED = "answered", "Aangenomen"
        ENDED = "ended", "Beëindigd"

    call_id = models.CharField(max_length=100, unique=True)
    beller = models.CharField(max_length=30, blank=True, help_text="Nummer van de beller, E.164.")
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="telefoongesprekken",
    )
    toestel = models.CharField(max_length=20, blank=True, help_text="Toestelnummer (extension).")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RINGING)
    begonnen_op = models.DateTimeField()
    aangenomen_op = models.DateTimeField(null=True, blank=True)
    beeindigd_op = models.DateTimeField(null=True, blank=True)
    contactmoment = models.OneToOneField(
        "kanalen.Contactmoment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="telefoongesprek",
        help_text="Het contactmoment dat dit gesprek vastlegt: één per gesprek.",
    )

    class Meta:
        verbose_name = "telefoongesprek"
        verbose_name_plural = "telefoongesprekken"
        indexes = [models.Index(fields=["medewerker", "-begonnen_op"], name="telefoon_medewerker")]

    def __str__(self) -> str:
        return self.call_id

    @property
    def duur_seconden(self) -> int | None:
        if self.aangenomen_op and self.beeindigd_op:
            return int((self.beeindigd_op - self.aangenomen_op).total_seconds())
        return None


class Toestel(models.Model):
    """Which medewerker works at a phone extension: a CTI event that names only the
    extension still reaches that medewerker's console."""

    nummer = models.CharField(
        max_length=20, unique=True, help_text="Toestelnummer zoals de telefooncentrale het meldt."
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toestellen"
    )

    class Meta:
        verbose_name = "toestel"
        verbose_name_plural = "toestellen"
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.nummer


class BalieLocatie(models.Model):
    """A desk location where citizens can come by appointment."""

    naam = models.CharField(max_length=200)
    adres = models.CharField(max_length=300, blank=True)
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "balielocatie"
        verbose_name_plural = "balielocaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Tijdslot(models.Model):
    """A bookable time at a location, for ``capaciteit`` citizens at once."""

    locatie = models.ForeignKey(BalieLocatie, on_delete=models.CASCADE, related_name="tijdsloten")
    begint_op = models.DateTimeField(db_index=True)
    duur_minuten = models.PositiveSmallIntegerField(default=15)
    capaciteit = models.PositiveSmallIntegerField(default=1, help_text="Aantal balies tegelijk.")

    class Meta:
        verbose_name = "tijdslot"
        verbose_name_plural = "tijdsloten"
        ordering = ["begint_op", "locatie"]
        constraints = [
            models.UniqueConstraint(
                fields=["locatie", "begint_op"], name="tijdslot_uniek_per_locatie"
            )
        ]

    def __str__(self) -> str:
        return f"{self.locatie} {self.begint_op:%Y-%m-%d %H:%M}"


class Afspraak(models.Model):
    """A citizen's appointment at the desk, for one product."""

    class Status(models.TextChoices):
        GEBOEKT = "geboekt", "Geboekt"
        GEANNULEERD = "geannuleerd", "Geannuleerd"
        VERSCHENEN = "verschenen", "Verschenen"

    tijdslot = models.ForeignKey(Tijdslot, on_delete=models.PROTECT, related_name="afspraken")
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    klant = models.ForeignKey(
        "klanten.Klant", on_delete=models.PROTECT, null=True, blank=True, related_name="afspraken"
    )
    naam = models.CharField(max_length=200)
    email = models.CharField(max_length=254, help_text="Voor de bevestiging en de herinnering.")
    telefoon = models.CharField(max_length=20, blank=True)
    code = models.CharField(
        max_length=40, unique=True, help_text="Geheime code in de annuleerlink van de bevestiging."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.GEBOEKT)
    bevestigd_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de bevestiging is verstuurd; leeg: nog niet."
    )
    herinnering_verstuurd_op = models.DateTimeField(null=True, blank=True)
    contactmoment = models.ForeignKey(
        "kanalen.Contactmoment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["tijdslot__begint_op", "id"]

    def __str__(self) -> str:
        return f"{self.naam} {self.tijdslot}"
