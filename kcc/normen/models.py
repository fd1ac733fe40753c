"""Configuration of the working-day calendar: closing days and opening hours per channel.

Public holidays are not stored: they come from the ``holidays`` package (see calendar.py).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q

# One list of channel codes for the whole project; re-exported here for normen's callers.
from kanalen.codes import KanaalCode

__all__ = ["KanaalCode", "Openingstijd", "Signalering", "Sluitingsdag", "Taakslot", "Weekdag"]


class Weekdag(models.IntegerChoices):
    """Python's ``date.weekday()`` numbering: Monday is 0."""

    MAANDAG = 0, "maandag"
    DINSDAG = 1, "dinsdag"
    WOENSDAG = 2, "woensdag"
    DONDERDAG = 3, "donderdag"
    VRIJDAG = 4, "vrijdag"
    ZATERDAG = 5, "zaterdag"
    ZONDAG = 6, "zondag"


class Sluitingsdag(models.Model):
    """A whole day on which the organisation is closed, on top of the public holidays."""

    datum = models.DateField(help_text="De dag waarop de organisatie gesloten is.")
    omschrijving = models.CharField(
        max_length=200, help_text="Bijvoorbeeld 'Dag na Hemelvaart' of 'Personeelsdag'."
    )
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sluitingsdagen",
        help_text="Leeg: de dag geldt voor alle organisaties.",
    )

    class Meta:
        verbose_name = "sluitingsdag"
        verbose_name_plural = "sluitingsdagen"
        ordering = ["datum"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "datum"],
                name="sluitingsdag_uniek_per_organisatie",
                violation_error_message="Deze organisatie heeft op deze datum al een sluitingsdag.",
            ),
            # NULLs are distinct in a unique index: the general days need their own one.
            models.UniqueConstraint(
                fields=["datum"],
                condition=Q(organisatie__isnull=True),
                name="sluitingsdag_uniek_algemeen",
                violation_error_message="Op deze datum is al een algemene sluitingsdag.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class Openingstijd(models.Model):
    """One opening window of a channel on a weekday; a day may have several windows."""

    kanaal = models.CharField(
        max_length=20, choices=KanaalCode.choices, help_text="Het kanaal dat open is."
    )
    weekdag = models.PositiveSmallIntegerField(
        choices=Weekdag.choices, help_text="Dag van de week (maandag is 0)."
    )
    van = models.TimeField(help_text="Begin van de openingstijd.")
    tot = models.TimeField(help_text="Einde van de openingstijd (niet meer open).")
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="openingstijden",
        help_text=(
            "Leeg: standaard voor alle organisaties. Heeft een organisatie eigen tijden voor "
            "een kanaal, dan gelden alleen die."
        ),
    )

    class Meta:
        verbose_name = "openingstijd"
        verbose_name_plural = "openingstijden"
        ordering = ["kanaal", "weekdag", "van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__gt=F("van")),
                name="openingstijd_tot_na_van",
                violation_error_message="De eindtijd moet na de begintijd liggen.",
            ),
            models.UniqueConstraint(
                fields=["organisatie", "kanaal", "weekdag", "van"],
                name="openingstijd_uniek_per_organisatie",
                violation_error_message="Deze openingstijd bestaat al.",
            ),
            models.UniqueConstraint(
                fields=["kanaal", "weekdag", "van"],
                condition=Q(organisatie__isnull=True),
                name="openingstijd_uniek_algemeen",
                violation_error_message="Deze openingstijd bestaat al.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kanaal_display()} {self.get_weekdag_display()} "
            f"{self.van:%H:%M}-{self.tot:%H:%M}"
        )


class Signalering(models.Model):
    """A norm event on one object: its warning threshold or its deadline was crossed.

    Written by the norm monitor (``kcc.normen.monitor``) only; the unique constraint makes
    it exist exactly once per object and kind, however often or concurrently ticks run.
    """

    class Soort(models.TextChoices):
        WAARSCHUWING = "waarschuwing", "Waarschuwing (termijn bijna om)"
        OVERSCHRIJDING = "overschrijding", "Overschrijding (streefdatum verstreken)"
        OVERSCHRIJDING_WETTELIJK = "wettelijk", "Overschrijding van de wettelijke termijn"

    class Objectsoort(models.TextChoices):
        ZAAK = "zaak", "Zaak"
        CONTACTVERZOEK = "contactverzoek", "Contactverzoek"
        INKOMEND_BERICHT = "inkomend_bericht", "Inkomend bericht"

    # Looked up through the unique constraint, which starts with content_type: no index of
    # its own (the monitor writes up to 20,000 rows a tick; every index costs).
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        help_text="Soort object.",
    )
    object_id = models.PositiveBigIntegerField(help_text="Id van het object.")
    object = GenericForeignKey("content_type", "object_id")
    soort = models.CharField(max_length=15, choices=Soort.choices)
    objectsoort = models.CharField(
        max_length=20, choices=Objectsoort.choices, help_text="Label van het soort object."
    )
    kenmerk = models.CharField(
        max_length=60,
        help_text="Leesbaar kenmerk van het object op het moment van signaleren (zaaknummer).",
    )
    afdeling = models.ForeignKey(
        "productcatalogus.Afdeling",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # the index signalering_afdeling_open starts with it (an afdeling
        # with zaken cannot be deleted, so SET_NULL never has to find closed ones)
        help_text="De afdeling in wier werkvoorraad het object stond.",
    )
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De organisatie die het object behandelt.",
    )
    deadline = models.DateTimeField(
        help_text="Het moment waarop de termijn afloopt (bij een zaak: de streefdatum, of de "
        "uiterlijke einddatum bij een overschrijding van de wettelijke termijn)."
    )
    aangemaakt_op = models.DateTimeField(help_text="Wanneer de monitor dit signaleerde.")
    gezien_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer een teamleider of behandelaar het zag."
    )
    gezien_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # never searched on; only deleting a user looks it up
    )
    klant_geinformeerd_op = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Wanneer het bericht 'uw zaak wordt later klaar' aan de klant is klaargezet.",
    )
    # A database default as well: the norm monitor inserts with INSERT ... SELECT.
    object_open = models.BooleanField(
        default=True,
        db_default=True,
        help_text="Bij een zaak: onwaar zodra die is afgehandeld. De signalering blijft als "
        "geschiedenis, maar telt niet meer in de werkvoorraad.",
    )

    class Meta:
        verbose_name = "signalering"
        verbose_name_plural = "signaleringen"
        ordering = ["deadline", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "soort"],
                name="signalering_een_per_object_en_soort",
            )
        ]
        indexes = [
            # The open zaken of an afdeling that have a signal (the werkvoorraad's tab and
            # its count): read from this index alone, as one set, not one lookup per zaak.
            # Only open objects' signals: the set stays as large as the open work, not
            # the years of closed zaken' signals kept as history.
            models.Index(
                fields=["afdeling", "content_type", "object_id"],
                condition=Q(object_open=True),
                name="signalering_afdeling_open",
            ),
            models.Index(
                # The citizens still to inform, earliest breach first (the monitor takes 75
                # a tick from the front, whatever the backlog).
                fields=["soort", "objectsoort", "deadline", "id"],
                condition=Q(klant_geinformeerd_op__isnull=True),
                name="signalering_te_informeren",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.kenmerk}"


class Taakslot(models.Model):
    """A lease that keeps a periodic task from running twice at once, across processes.

    Taken with one conditional UPDATE (``kcc.normen.slot``): the database decides, so it
    holds for any number of worker processes and machines, also with the embedded
    default where the cache is per process. ``verloopt_op`` frees the slot of a worker
    that died while holding it.
    """

    naam = models.CharField(max_length=100, primary_key=True)
    houder = models.CharField(
        max_length=32, blank=True, help_text="Token van de taak die het slot heeft; leeg: vrij."
    )
    verloopt_op = models.DateTimeField(help_text="Na dit moment mag een andere taak het nemen.")

    class Meta:
        verbose_name = "taakslot"
        verbose_name_plural = "taaksloten"

    def __str__(self) -> str:
        return self.naam
