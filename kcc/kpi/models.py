"""Daily aggregate tables of the KPIs, filled by ``kpi_dag_aggregeren`` (nightly beat task).

Report pages read these small tables instead of millions of contactmomenten and zaken;
days that are not aggregated (today, or older days the nightly job has not filled yet)
are computed live with the very same grouping queries (see ``kcc.kpi.selectors``), so
both paths give the same figures.
"""

from django.db import models
from django.db.models import Q

from kanalen.codes import KanaalCode
from kanalen.models import Contactmoment

# Durations are kept in a histogram of buckets this wide (seconds) for the p90.
DUUR_BUCKET_SECONDEN = 30
# Longer contacts all go into the last bucket (4 hours).
DUUR_BUCKET_MAX = 4 * 60 * 60


class KpiDag(models.Model):
    """A day whose aggregates are present; every day without a row is computed live."""

    dag = models.DateField(unique=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True, help_text="Laatste herberekening.")

    class Meta:
        verbose_name = "geaggregeerde dag"
        verbose_name_plural = "geaggregeerde dagen"
        ordering = ["-dag"]

    def __str__(self) -> str:
        return f"{self.dag}"


class ContactDagcijfer(models.Model):
    """Contactmomenten of one day × kanaal × richting × product (the contact's first product)."""

    dag = models.DateField(help_text="Dag waarop het contact begon (Nederlandse tijd).")
    kanaal = models.ForeignKey("kanalen.Kanaal", on_delete=models.CASCADE, related_name="+")
    richting = models.CharField(max_length=10, choices=Contactmoment.Richting.choices)
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Product van de eerste vraag met een product; leeg als geen vraag er een had.",
    )
    totaalregel = models.BooleanField(
        default=False,
        help_text="Aan: som over alle producten van deze dag en dit kanaal (voor rapporten "
        "zonder filter op product, afdeling of organisatie); uit: één product.",
    )
    aantal = models.PositiveIntegerField(help_text="Aantal contactmomenten.")
    fcr_basis = models.PositiveIntegerField(
        help_text="Inkomende contactmomenten met een bekende klant (noemer van de FCR)."
    )
    fcr_opgelost = models.PositiveIntegerField(
        help_text="Daarvan in één keer opgelost (teller van de FCR)."
    )
    duur_som = models.BigIntegerField(help_text="Som van de duur in seconden.")

    class Meta:
        verbose_name = "contactcijfer per dag"
        verbose_name_plural = "contactcijfers per dag"
        indexes = [
            models.Index(fields=["dag", "kanaal"], name="kpi_contact_dag"),
            models.Index(fields=["totaalregel", "dag"], name="kpi_contact_totaal_dag"),
            # A product-side filter (organisatie: a hundred products) sums its rows from
            # this index alone: the table itself is read for none of them.
            models.Index(
                fields=["product", "dag"],
                include=["kanaal", "aantal", "fcr_basis", "fcr_opgelost", "duur_som"],
                condition=Q(totaalregel=False),
                name="kpi_contact_product_dag",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dag} {self.kanaal_id}: {self.aantal}"


class ContactDuurBucket(models.Model):
    """Histogram of contact durations per day × kanaal × product, for the p90."""

    dag = models.DateField()
    kanaal = models.ForeignKey("kanalen.Kanaal", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    bucket = models.PositiveIntegerField(
        help_text="Ondergrens van het duurvak in seconden (vakken van 30 seconden)."
    )
    totaalregel = models.BooleanField(
        default=False,
        help_text="Aan: som over alle producten van deze dag en dit kanaal (voor rapporten "
        "zonder filter op product, afdeling of organisatie); uit: één product.",
    )
    aantal = models.PositiveIntegerField()

    class Meta:
        verbose_name = "duurvak per dag"
        verbose_name_plural = "duurvakken per dag"
        indexes = [
            models.Index(fields=["dag", "kanaal"], name="kpi_duur_dag"),
            models.Index(fields=["totaalregel", "dag"], name="kpi_duur_totaal_dag"),
            models.Index(
                fields=["product", "dag"],
                include=["kanaal", "bucket", "aantal"],
                condition=Q(totaalregel=False),
                name="kpi_duur_product_dag",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dag} {self.kanaal_id} {self.bucket}s: {self.aantal}"


class ZaakDagcijfer(models.Model):
    """Zaken closed on one day × organisatie × afdeling × product, against their norms."""

    dag = models.DateField(help_text="Dag van afsluiten (Nederlandse tijd).")
    organisatie = models.ForeignKey(
        "productcatalogus.Organisatie", on_delete=models.CASCADE, related_name="+"
    )
    afdeling = models.ForeignKey(
        "productcatalogus.Afdeling", on_delete=models.CASCADE, related_name="+"
    )
    product = models.ForeignKey(
        "productcatalogus.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kanaal = models.CharField(
        max_length=20, choices=KanaalCode.choices, help_text="Kanaal waarlangs de aanvraag kwam."
    )
    gesloten = models.PositiveIntegerField(help_text="Aantal afgesloten zaken.")
    met_streefdatum = models.PositiveIntegerField(help_text="Daarvan met een servicenormdatum.")
    binnen_streefdatum = models.PositiveIntegerField(help_text="Op of voor de servicenormdatum.")
    met_uiterlijke_einddatum = models.PositiveIntegerField(help_text="Met een wettelijke termijn.")
    binnen_uiterlijke_einddatum = models.PositiveIntegerField(
        help_text="Op of voor de wettelijke uiterlijke einddatum."
    )

    class Meta:
        verbose_name = "zaakcijfer per dag"
        verbose_name_plural = "zaakcijfers per dag"
        indexes = [
            models.Index(fields=["dag", "afdeling"], name="kpi_zaak_dag"),
            models.Index(fields=["product", "dag"], name="kpi_zaak_product_dag"),
        ]

    def __str__(self) -> str:
        return f"{self.dag} {self.afdeling_id}: {self.gesloten}"
