from django.core.validators import RegexValidator
from django.db import models


class Organisatie(models.Model):
    """A government organisation in the federation: the municipality or a connected one."""

    class IntegratieModus(models.TextChoices):
        INTERN = "intern", "Intern: werkt in de KCC-backoffice"
        EXTERN = "extern", "Extern: eigen systeem, via de API"

    naam = models.CharField(max_length=200, unique=True)
    code = models.SlugField(
        max_length=50, unique=True, help_text="Korte vaste code, bijvoorbeeld 'svb'."
    )
    oin = models.CharField(
        "OIN",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\d{20}$", "Een OIN bestaat uit 20 cijfers.")],
        help_text="Organisatie-identificatienummer (20 cijfers).",
    )
    is_eigen_organisatie = models.BooleanField(
        default=False, help_text="De gemeente die dit KCC draait."
    )
    integratie_modus = models.CharField(
        max_length=10, choices=IntegratieModus.choices, default=IntegratieModus.INTERN
    )
    webhook_url = models.URLField(
        blank=True, help_text="Alleen extern: waar doorgezette deelzaken worden afgeleverd."
    )
    website = models.URLField(blank=True)
    telefoonnummer = models.CharField(max_length=30, blank=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["-is_eigen_organisatie", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_eigen_organisatie"],
                condition=models.Q(is_eigen_organisatie=True),
                name="een_eigen_organisatie",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Afdeling(models.Model):
    """A backoffice team of an organisation; it owns work queues."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="afdelingen"
    )
    naam = models.CharField(max_length=200)
    code = models.SlugField(max_length=50, help_text="Korte code, uniek binnen de organisatie.")
    email = models.EmailField(blank=True, help_text="Functionele mailbox van het team.")
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "afdeling"
        verbose_name_plural = "afdelingen"
        ordering = ["organisatie__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "code"], name="afdeling_code_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie.code})"
