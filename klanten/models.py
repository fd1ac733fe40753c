"""The one customer record: Klant, its digital addresses and consents, with history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper

from kanalen.codes import KanaalCode
from klanten import validators


class Klant(models.Model):
    """A person (BSN) or organisation (KVK/vestiging/RSIN) that exists once.

    Registry data (BRP, Handelsregister) is copied here with its fetch time and the raw
    answer, so it is never asked of the citizen again. Writes go through
    ``klanten.services``; the search name ``zoeknaam`` is kept there too.
    """

    class Soort(models.TextChoices):
        PERSOON = "persoon", "Persoon"
        ORGANISATIE = "organisatie", "Organisatie"

    class Taal(models.TextChoices):
        NL = "nl", "Nederlands"
        EN = "en", "Engels"
        DE = "de", "Duits"
        PL = "pl", "Pools"
        TR = "tr", "Turks"
        AR = "ar", "Arabisch"
        FY = "fy", "Fries"

    soort = models.CharField(max_length=12, choices=Soort.choices, default=Soort.PERSOON)
    bsn = models.CharField(
        "BSN",
        max_length=9,
        blank=True,
        validators=[validators.valideer_bsn],
        help_text="Burgerservicenummer (9 cijfers, elfproef). Alleen bij personen.",
    )
    kvk_nummer = models.CharField(
        "KVK-nummer",
        max_length=8,
        blank=True,
        validators=[validators.valideer_kvk_nummer],
        help_text="Nummer in het Handelsregister (8 cijfers).",
    )
    vestigingsnummer = models.CharField(
        max_length=12,
        blank=True,
        validators=[validators.valideer_vestigingsnummer],
        help_text="Vestigingsnummer in het Handelsregister (12 cijfers).",
    )
    rsin = models.CharField(
        "RSIN",
        max_length=9,
        blank=True,
        validators=[validators.valideer_rsin],
        help_text="Rechtspersonen en Samenwerkingsverbanden Informatienummer (9 cijfers).",
    )

    voornamen = models.CharField(max_length=200, blank=True)
    voorvoegsel = models.CharField(max_length=20, blank=True, help_text="Bijvoorbeeld 'van der'.")
    geslachtsnaam = models.CharField(max_length=200, blank=True)
    geboortedatum = models.DateField(null=True, blank=True)
    bedrijfsnaam = models.CharField(
        max_length=200, blank=True, help_text="Alleen bij organisaties."
    )
    zoeknaam = models.CharField(
        max_length=250,
        blank=True,
        editable=False,
        help_text="Genormaliseerde naam om op te zoeken (kleine letters, zonder accenten).",
    )

    straat = models.CharField(max_length=200, blank=True)
    huisnummer = models.PositiveIntegerField(null=True, blank=True)
    huisletter = models.CharField(max_length=1, blank=True)
    huisnummertoevoeging = models.CharField(max_length=4, blank=True)
    postcode = models.CharField(
        max_length=7,
        blank=True,
        validators=[validators.valideer_postcode],
        help_text="Genormaliseerd als '1234 AB'.",
    )
    woonplaats = models.CharField(max_length=200, blank=True)
    geheimhouding = models.BooleanField(
        default=False,
        help_text="Geheimhouding persoonsgegevens (BRP): het adres is alleen zichtbaar voor "
        "rollen die het nodig hebben.",
    )

    voorkeurskanaal = models.CharField(
        max_length=20,
        choices=KanaalCode.choices,
        blank=True,
        help_text="Hoe de klant bij voorkeur contact heeft.",
    )
    voorkeurstaal = models.CharField(max_length=2, choices=Taal.choices, default=Taal.NL)

    brp_opgehaald_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de gegevens uit de BRP zijn opgehaald."
    )
    brp_gegevens = models.JSONField(
        null=True, blank=True, help_text="Het antwoord van de BRP (Haal Centraal) zoals ontvangen."
    )
    kvk_opgehaald_op = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Wanneer de gegevens uit het Handelsregister zijn opgehaald.",
    )
    kvk_gegevens = models.JSONField(
        null=True, blank=True, help_text="Het basisprofiel van de KVK zoals ontvangen."
    )

    samengevoegd_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opgeheven_dubbelen",
        help_text="Gevuld als deze klant een dubbele was: hier staat nu alles.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "klant"
        verbose_name_plural = "klanten"
        ordering = ["zoeknaam", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bsn"], condition=~Q(bsn=""), name="klant_bsn_uniek"),
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"],
                condition=~Q(kvk_nummer=""),
                name="klant_kvk_vestiging_uniek",
            ),
            models.UniqueConstraint(
                fields=["vestigingsnummer"],
                condition=~Q(vestigingsnummer=""),
                name="klant_vestigingsnummer_uniek",
            ),
            models.CheckConstraint(
                condition=Q(soort="persoon", kvk_nummer="", vestigingsnummer="", rsin="")
                | Q(soort="organisatie", bsn=""),
                name="klant_identificatie_past_bij_soort",
            ),
        ]
        indexes = [
            models.Index(fields=["postcode", "huisnummer"], name="klant_postcode_huisnr"),
            models.Index(fields=["kvk_nummer"], name="klant_kvk"),
            # Prefix search only (LIKE 'jansen jan%'). Deliberately no index in the
            # database's collation: PostgreSQL would walk it for ORDER BY zoeknaam ...
            # LIMIT and filter a million rows when a name is common (seconds, not ms).
            models.Index(
                fields=["zoeknaam"], name="klant_zoeknaam_prefix", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.naam or f"Klant {self.pk}"

    @property
    def naam(self) -> str:
        return self.naam_uit(
            soort=self.soort,
            bedrijfsnaam=self.bedrijfsnaam,
            voornamen=self.voornamen,
            voorvoegsel=self.voorvoegsel,
            geslachtsnaam=self.geslachtsnaam,
        )

    # The columns naam_uit reads, for lists that read .values() instead of Klant objects.
    NAAM_VELDEN = ("soort", "bedrijfsnaam", "voornamen", "voorvoegsel", "geslachtsnaam")

    @classmethod
    def naam_uit(
        cls, *, soort: str, bedrijfsnaam: str, voornamen: str, voorvoegsel: str, geslachtsnaam: str
    ) -> str:
        if soort == cls.Soort.ORGANISATIE:
            return bedrijfsnaam
        return " ".join(p for p in (voornamen, voorvoegsel, geslachtsnaam) if p)

    @property
    def huisnummer_volledig(self) -> str:
        if self.huisnummer is None:
            return ""
        extra = self.huisletter + (
            f"-{self.huisnummertoevoeging}" if self.huisnummertoevoeging else ""
        )
        return f"{self.huisnummer}{extra}"

    @property
    def adresregel(self) -> str:
        if not self.straat and not self.postcode:
            return ""
        return (
            f"{self.straat} {self.huisnummer_volledig}, {self.postcode} {self.woonplaats}".strip()
        )


class DigitaalAdres(models.Model):
    """An e-mail address or phone number of a Klant; phones in E.164. One preferred per soort."""

    class Soort(models.TextChoices):
        EMAIL = "email", "E-mail"
        TELEFOON = "telefoon", "Telefoon"

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="digitale_adressen")
    soort = models.CharField(max_length=10, choices=Soort.choices)
    waarde = models.CharField(
        max_length=254,
        db_index=True,
        help_text="Genormaliseerd: e-mail met domein in kleine letters, telefoon als +31612345678.",
    )
    omschrijving = models.CharField(max_length=100, blank=True, help_text="Bijvoorbeeld 'werk'.")
    voorkeur = models.BooleanField(default=False, help_text="Het voorkeursadres van deze soort.")
    geverifieerd_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de klant liet zien dat dit adres van hem is."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "digitaal adres"
        verbose_name_plural = "digitale adressen"
        ordering = ["soort", "-voorkeur", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["klant", "soort", "waarde"], name="digitaal_adres_uniek_per_klant"
            ),
            models.UniqueConstraint(
                fields=["klant", "soort"],
                condition=Q(voorkeur=True),
                name="een_voorkeursadres_per_soort",
            ),
        ]
        indexes = [
            # Who is this caller or sender? Case-insensitive (waarde__iexact), in one
            # index lookup among millions of addresses.
            models.Index(F("soort"), Upper("waarde"), name="digitaal_adres_zoeken"),
        ]

    def __str__(self) -> str:
        return self.waarde

    @property
    def weergave(self) -> str:
        if self.soort == self.Soort.TELEFOON:
            return validators.toon_telefoon(self.waarde)
        return self.waarde


class DigitaalAdresWijziging(models.Model):
    """History of a Klant's digital addresses: one row per change, never updated."""

    class Actie(models.TextChoices):
        TOEGEVOEGD = "toegevoegd", "Toegevoegd"
        GEWIJZIGD = "gewijzigd", "Gewijzigd"
        VERWIJDERD = "verwijderd", "Verwijderd"
        VOORKEUR = "voorkeur", "Voorkeur gezet"
        GEVERIFIEERD = "geverifieerd", "Geverifieerd"
        VERPLAATST = "verplaatst", "Verplaatst bij samenvoegen"

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="adreswijzigingen")
    digitaal_adres = models.ForeignKey(
        DigitaalAdres, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(max_length=10, choices=DigitaalAdres.Soort.choices)
    actie = models.CharField(max_length=15, choices=Actie.choices)
    oude_waarde = models.CharField(max_length=254, blank=True)
    nieuwe_waarde = models.CharField(max_length=254, blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "wijziging digitaal adres"
        verbose_name_plural = "wijzigingen digitale adressen"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.get_actie_display()} {self.nieuwe_waarde or self.oude_waarde}"


class VoorkeurWijziging(models.Model):
    """History of a Klant's preferences (channel, language): one row per change, never updated."""

    class Veld(models.TextChoices):
        VOORKEURSKANAAL = "voorkeurskanaal", "Voorkeurskanaal"
        VOORKEURSTAAL = "voorkeurstaal", "Voorkeurstaal"

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="voorkeurwijzigingen")
    veld = models.CharField(max_length=20, choices=Veld.choices)
    oude_waarde = models.CharField(max_length=20, blank=True, help_text="Leeg: geen voorkeur.")
    nieuwe_waarde = models.CharField(max_length=20, blank=True, help_text="Leeg: geen voorkeur.")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg: de klant zelf (portaal) of een systeemproces.",
    )
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "wijziging voorkeur"
        verbose_name_plural = "wijzigingen voorkeuren"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.get_veld_display()}: {self.oude_weergave} → {self.nieuwe_weergave}"

    def _weergave(self, waarde: str) -> str:
        keuzes = KanaalCode if self.veld == self.Veld.VOORKEURSKANAAL else Klant.Taal
        return dict(keuzes.choices).get(waarde, waarde) if waarde else "geen voorkeur"

    @property
    def oude_weergave(self) -> str:
        return self._weergave(self.oude_waarde)

    @property
    def nieuwe_weergave(self) -> str:
        return self._weergave(self.nieuwe_waarde)


class Toestemming(models.Model):
    """A consent given or withdrawn. Append-only: the newest row per (soort, derde) counts."""

    class Soort(models.TextChoices):
        GEGEVENS_DELEN = "gegevens_delen_met", "Gegevens delen met"
        DIGITALE_POST = "digitale_post", "Post digitaal ontvangen"
        NIEUWSBRIEF = "nieuwsbrief", "Nieuwsbrief ontvangen"
        TERUGBELLEN_BUITEN_KANTOORTIJD = "terugbellen_avond", "Terugbellen buiten kantoortijd"

    klant = models.ForeignKey(Klant, on_delete=models.CASCADE, related_name="toestemmingen")
    soort = models.CharField(max_length=30, choices=Soort.choices)
    derde_partij = models.CharField(
        max_length=200,
        blank=True,
        help_text="Met wie gegevens gedeeld mogen worden (alleen bij 'gegevens delen met').",
    )
    verleend = models.BooleanField(help_text="Aan: toestemming gegeven. Uit: ingetrokken.")
    datum = models.DateTimeField(help_text="Wanneer de klant dit aangaf.")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bron = models.CharField(
        max_length=30, blank=True, help_text="Waar de klant dit aangaf: kanaal of 'portaal'."
    )
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-datum", "-id"]
        indexes = [
            models.Index(
                fields=["klant", "soort", "derde_partij", "-datum"], name="toestemming_actueel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.derde_partij}: {'ja' if self.verleend else 'nee'}"


class KlantSamenvoeging(models.Model):
    """Record of merging a duplicate into the survivor: who, when, what moved."""

    behouden = models.ForeignKey(Klant, on_delete=models.PROTECT, related_name="samenvoegingen")
    opgeheven = models.ForeignKey(Klant, on_delete=models.PROTECT, related_name="+")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)
    opgeheven_gegevens = models.JSONField(
        help_text="De identificerende gegevens van de opgeheven klant vóór het samenvoegen."
    )
    verplaatst = models.JSONField(help_text="Hoeveel van wat naar de behouden klant ging.")

    class Meta:
        verbose_name = "samenvoeging"
        verbose_name_plural = "samenvoegingen"
        ordering = ["-tijdstip"]

    def __str__(self) -> str:
        return f"Klant {self.opgeheven_id} samengevoegd in klant {self.behouden_id}"


class IdempotenteAanroep(models.Model):
    """The first answer to an API create sent with an ``Idempotency-Key`` header.

    Per caller: the same key from another caller is another key. A retry with the same
    key and the same request gets this answer again instead of creating a second record;
    the same key with another request is refused. Written by ``klanten.api.idempotentie``.
    """

    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Wie de aanroep deed (de gebruiker van de sessie of het token).",
    )
    sleutel = models.CharField(max_length=100, help_text="De waarde van de Idempotency-Key.")
    vingerafdruk = models.CharField(
        max_length=64, help_text="SHA-256 van methode, pad en inhoud van het eerste verzoek."
    )
    status_code = models.PositiveSmallIntegerField()
    antwoord = models.JSONField(help_text="Het antwoord op het eerste verzoek.")
    klant_ids = models.JSONField(
        default=list,
        blank=True,
        help_text="De klanten in het antwoord: bij herhalen wordt een verwerking vastgelegd.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "idempotente API-aanroep"
        verbose_name_plural = "idempotente API-aanroepen"
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "sleutel"], name="idempotente_aanroep_per_gebruiker"
            )
        ]
        # Removing a caller's expired keys is a range scan, however many keys they send.
        indexes = [
            models.Index(fields=["medewerker", "aangemaakt_op"], name="idempotente_aanroep_tijd")
        ]

    def __str__(self) -> str:
        return f"{self.sleutel} ({self.medewerker_id})"
