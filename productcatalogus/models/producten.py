"""The product catalogue: UPL terms, SDG themes, products, status types, life events."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from productcatalogus.models.organisaties import Afdeling, Organisatie
from productcatalogus.models.validators import KANAAL_CODES, valideer_intake, valideer_kanalen

FOUT_AFDELING_ANDERE_ORGANISATIE = "De afdeling hoort niet bij de gekozen organisatie."
FOUT_PUBLICATIE_PERIODE = "De publicatie kan niet eindigen voordat ze begint."


def _alle_kanalen() -> list[str]:
    return list(KANAAL_CODES)


class SdgInformatiegebied(models.Model):
    """A theme of the EU Single Digital Gateway (e.g. A1 'Reizen binnen de Unie')."""

    code = models.CharField(max_length=5, unique=True, help_text="SDG-code, bijvoorbeeld 'A1'.")
    naam = models.CharField(
        max_length=200, help_text="Het informatiegebied, bijvoorbeeld 'Reizen binnen de Unie'."
    )
    thema = models.TextField(blank=True, help_text="Omschrijving van het thema binnen het gebied.")
    uri = models.URLField(max_length=300, blank=True, help_text="URI van het thema.")

    class Meta:
        verbose_name = "SDG-informatiegebied"
        verbose_name_plural = "SDG-informatiegebieden"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class UplTerm(models.Model):
    """One term of the Uniforme Productnamenlijst, as imported by ``import_upl``."""

    naam = models.CharField(max_length=300, help_text="De uniforme productnaam.")
    uri = models.URLField(max_length=300, unique=True, help_text="De URI van de UPL-term.")
    rijk = models.BooleanField(default=False, help_text="Geleverd door het Rijk.")
    provincie = models.BooleanField(default=False, help_text="Geleverd door provincies.")
    waterschap = models.BooleanField(default=False, help_text="Geleverd door waterschappen.")
    gemeente = models.BooleanField(default=False, help_text="Geleverd door gemeenten.")
    burger = models.BooleanField(default=False, help_text="Voor burgers.")
    bedrijf = models.BooleanField(default=False, help_text="Voor bedrijven.")
    dienstenwet = models.BooleanField(default=False, help_text="Valt onder de Dienstenwet.")
    autonomie = models.BooleanField(default=False, help_text="Autonome taak van de overheid.")
    medebewind = models.BooleanField(default=False, help_text="Taak in medebewind.")
    aanvraag = models.BooleanField(default=False, help_text="Wordt aangevraagd.")
    subsidie = models.BooleanField(default=False, help_text="Is een subsidie.")
    melding = models.BooleanField(default=False, help_text="Wordt gemeld.")
    verplichting = models.BooleanField(default=False, help_text="Is een verplichting.")
    digid_machtiging = models.BooleanField(
        default=False, help_text="Aan te vragen met een DigiD-machtiging."
    )
    sdg_code = models.CharField(
        max_length=50,
        blank=True,
        help_text="SDG-code(s) uit de UPL zelf (kolom 'SDG'), gescheiden door ';'.",
    )
    grondslagen = models.JSONField(
        default=list,
        blank=True,
        help_text="Wettelijke grondslagen: lijst van {uri, label, link}.",
    )
    sdg_informatiegebieden = models.ManyToManyField(
        SdgInformatiegebied,
        blank=True,
        related_name="upl_termen",
        help_text="SDG-informatiegebieden uit het koppelbestand.",
    )

    class Meta:
        verbose_name = "UPL-term"
        verbose_name_plural = "UPL-termen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Product(models.Model):
    """A product or service of an organisation in the federation, as the KCC explains it."""

    class Soort(models.TextChoices):
        AANVRAAG = "aanvraag", "Aanvraag"
        MELDING = "melding", "Melding"
        AANGIFTE = "aangifte", "Aangifte"
        INFORMATIE = "informatie", "Informatie"
        BEZWAAR = "bezwaar", "Bezwaar of klacht"
        VERPLICHTING = "verplichting", "Verplichting (belasting, heffing)"

    naam = models.CharField(max_length=200, help_text="De naam zoals de burger hem kent.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Deel van het publieke adres.")
    upl_naam = models.CharField(
        "UPL-naam", max_length=300, blank=True, help_text="Naam in de Uniforme Productnamenlijst."
    )
    upl_uri = models.URLField(
        "UPL-URI", max_length=300, blank=True, help_text="URI in de Uniforme Productnamenlijst."
    )
    samenvatting = models.CharField(
        max_length=300, help_text="Eén of twee zinnen in eenvoudig Nederlands (B1)."
    )
    tekst = models.TextField(blank=True, help_text="Volledige uitleg in eenvoudig Nederlands.")
    trefwoorden = models.TextField(
        blank=True,
        help_text="Zoekwoorden die burgers gebruiken, gescheiden door komma's "
        "(bijvoorbeeld 'hond aanmelden').",
    )
    voor_burger = models.BooleanField(default=True, help_text="Bedoeld voor burgers.")
    voor_bedrijf = models.BooleanField(default=False, help_text="Bedoeld voor bedrijven.")
    soort = models.CharField(max_length=20, choices=Soort.choices, default=Soort.AANVRAAG)
    kosten = models.TextField(blank=True, help_text="Wat het kost, bijvoorbeeld '€ 84,30'.")
    voorwaarden = models.TextField(blank=True, help_text="Wanneer iemand het product krijgt.")
    meenemen = models.TextField(blank=True, help_text="Wat de burger moet meenemen of opsturen.")
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="producten",
        help_text="De organisatie die het product levert.",
    )
    afdeling = models.ForeignKey(
        Afdeling,
        on_delete=models.PROTECT,
        related_name="producten",
        help_text="De afdeling die aanvragen behandelt (de backoffice).",
    )
    doorlooptijd_werkdagen = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Wettelijke termijn in werkdagen (leeg: geen wettelijke termijn).",
    )
    servicenorm_werkdagen = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Onze eigen belofte in werkdagen; wordt gepubliceerd.",
    )
    opschorting_toegestaan = models.BooleanField(
        default=True, help_text="De termijn mag stilstaan terwijl we op de burger wachten."
    )
    verlenging_toegestaan = models.BooleanField(
        default=False, help_text="De termijn mag één keer worden verlengd."
    )
    kanalen = models.JSONField(
        default=_alle_kanalen,
        blank=True,
        validators=[valideer_kanalen],
        help_text="Kanalen waarlangs het product kan worden aangevraagd: telefoon, balie, "
        "email, webformulier, chat, post, sociale_media.",
    )
    intake = models.JSONField(
        default=list,
        blank=True,
        validators=[valideer_intake],
        help_text="Intakevragen: lijst van {code, vraag, type (tekst/ja_nee/datum/keuze/getal), "
        "verplicht, uitleg, keuzes, brp_veld}. Met brp_veld wordt het antwoord uit de BRP "
        "gehaald en niet gevraagd.",
    )
    sdg_informatiegebieden = models.ManyToManyField(
        SdgInformatiegebied,
        blank=True,
        related_name="producten",
        help_text="Thema's waaronder het product in de catalogus staat.",
    )
    actief = models.BooleanField(default=True, help_text="Uit: niet meer aan te vragen of te zien.")
    publicatie_vanaf = models.DateField(
        null=True, blank=True, help_text="Eerste dag waarop het product publiek zichtbaar is."
    )
    publicatie_tot = models.DateField(
        null=True, blank=True, help_text="Laatste dag waarop het product publiek zichtbaar is."
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # Filled by a PostgreSQL trigger (see migration 0003); stays empty on SQLite.
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["naam"]
        indexes = [models.Index(fields=["upl_uri"], name="product_upl_uri_idx")]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("portaal:catalogus:product", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if (
            self.afdeling_id
            and self.organisatie_id
            and self.afdeling.organisatie_id != self.organisatie_id
        ):
            raise ValidationError({"afdeling": FOUT_AFDELING_ANDERE_ORGANISATIE})
        if (
            self.publicatie_vanaf
            and self.publicatie_tot
            and self.publicatie_tot < self.publicatie_vanaf
        ):
            raise ValidationError({"publicatie_tot": FOUT_PUBLICATIE_PERIODE})


class Statustype(models.Model):
    """An ordered status of a zaak for this product."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="statustypen")
    volgnummer = models.PositiveSmallIntegerField(help_text="Volgorde: 1 is de eerste status.")
    naam = models.CharField(
        max_length=100, help_text="Interne naam, bijvoorbeeld 'In behandeling'."
    )
    publieke_tekst = models.CharField(
        max_length=300, blank=True, help_text="Wat de burger bij deze status ziet."
    )
    informeren = models.BooleanField(
        default=False, help_text="De burger krijgt bericht als de zaak deze status krijgt."
    )
    is_eindstatus = models.BooleanField(
        default=False, help_text="Met deze status is de zaak klaar."
    )

    class Meta:
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        ordering = ["product", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "volgnummer"], name="statustype_volgnummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.naam}"


class Levensgebeurtenis(models.Model):
    """A composite product: a life event made of component products, some conditional."""

    naam = models.CharField(max_length=200, unique=True, help_text="Bijvoorbeeld 'Verhuizen'.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Deel van het publieke adres.")
    samenvatting = models.CharField(max_length=300, help_text="Eén of twee zinnen (B1).")
    tekst = models.TextField(blank=True, help_text="Uitleg in eenvoudig Nederlands.")
    trefwoorden = models.TextField(
        blank=True, help_text="Zoekwoorden, gescheiden door komma's (bijvoorbeeld 'verhuizing')."
    )
    voor_burger = models.BooleanField(default=True, help_text="Bedoeld voor burgers.")
    voor_bedrijf = models.BooleanField(default=False, help_text="Bedoeld voor bedrijven.")
    actief = models.BooleanField(default=True, help_text="Uit: niet publiek zichtbaar.")
    producten = models.ManyToManyField(
        Product, through="LevensgebeurtenisComponent", related_name="levensgebeurtenissen"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # Filled by a PostgreSQL trigger (see migration 0003); stays empty on SQLite.
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "levensgebeurtenis"
        verbose_name_plural = "levensgebeurtenissen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("portaal:catalogus:levensgebeurtenis", kwargs={"slug": self.slug})


class LevensgebeurtenisComponent(models.Model):
    """A product within a life event; with a condition it applies only when answered 'ja'."""

    levensgebeurtenis = models.ForeignKey(
        Levensgebeurtenis, on_delete=models.CASCADE, related_name="componenten"
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="levensgebeurteniscomponenten"
    )
    volgorde = models.PositiveSmallIntegerField(default=1, help_text="Volgorde op de pagina.")
    voorwaarde_vraag = models.CharField(
        max_length=200,
        blank=True,
        help_text="Vraag die bepaalt of dit product nodig is, bijvoorbeeld 'Heeft u een auto?'. "
        "Leeg: altijd nodig.",
    )
    voorwaarde_code = models.SlugField(
        max_length=50,
        blank=True,
        help_text="Code van het antwoord op de voorwaardevraag (bijvoorbeeld 'heeft_auto'); "
        "het product is nodig als het antwoord 'ja' is.",
    )

    class Meta:
        verbose_name = "onderdeel van een levensgebeurtenis"
        verbose_name_plural = "onderdelen van levensgebeurtenissen"
        ordering = ["levensgebeurtenis", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["levensgebeurtenis", "product"], name="levensgebeurtenis_product_uniek"
            ),
            models.CheckConstraint(
                condition=(models.Q(voorwaarde_vraag="") & models.Q(voorwaarde_code=""))
                | (~models.Q(voorwaarde_vraag="") & ~models.Q(voorwaarde_code="")),
                name="voorwaarde_vraag_en_code_samen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.levensgebeurtenis}: {self.product}"

    @property
    def is_voorwaardelijk(self) -> bool:
        return bool(self.voorwaarde_code)
