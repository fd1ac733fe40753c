from django.contrib.auth.models import AbstractUser
from django.db import models

from kcc.accounts import roles


class User(AbstractUser):
    """A login. Staff (medewerkers) and citizens/businesses are different kinds of account.

    Staff log in with allauth (password + TOTP); burgers and ondernemers only through
    DigiD/eHerkenning. ``soort`` keeps the two apart everywhere a page checks access.
    """

    class Soort(models.TextChoices):
        MEDEWERKER = "medewerker", "Medewerker"
        BURGER = "burger", "Burger (DigiD)"
        ONDERNEMER = "ondernemer", "Ondernemer (eHerkenning)"

    soort = models.CharField(
        max_length=20,
        choices=Soort.choices,
        default=Soort.MEDEWERKER,
        help_text=(
            "Medewerkers werken in console en backoffice; burgers en ondernemers in het portaal."
        ),
    )
    afdelingen = models.ManyToManyField(
        "productcatalogus.Afdeling",
        blank=True,
        related_name="medewerkers",
        help_text="Backoffice-teams waarvan deze medewerker lid is.",
    )
    functie = models.CharField(
        max_length=100,
        blank=True,
        help_text="Functie zoals burgers die zien in 'wie bekeek mijn gegevens'.",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @property
    def is_medewerker(self) -> bool:
        return self.soort == self.Soort.MEDEWERKER and self.is_active

    def rollen_onthouden(self, namen) -> None:
        """The user's group names, read along with the user (``kcc.accounts.backends``):
        ``has_role`` uses them instead of a query of its own."""
        self._role_cache = set(namen)

    def afdeling_ids_onthouden(self, ids) -> None:
        """The ids of the user's afdelingen, read along with the user
        (``kcc.accounts.backends``): ``afdeling_ids`` uses them instead of a query."""
        self._afdeling_ids = sorted(ids)

    def afdeling_ids(self) -> list[int]:
        """The ids of the user's afdelingen (backoffice teams), read once per request."""
        ids = getattr(self, "_afdeling_ids", None)
        if ids is None:
            ids = list(
                self.afdelingen.through.objects.filter(user_id=self.pk)
                .order_by("afdeling_id")
                .values_list("afdeling_id", flat=True)
            )
            self._afdeling_ids = ids
        return ids

    def has_role(self, *names: str) -> bool:
        if not self.is_medewerker:
            return False
        cached = getattr(self, "_role_cache", None)
        if cached is None:
            cached = set(self.groups.values_list("name", flat=True))
            self._role_cache = cached
        return bool(cached.intersection(names))

    @property
    def rollen(self) -> list[str]:
        return [r for r in roles.STAFF_ROLES if self.has_role(r)]

    @property
    def sees_personal_data(self) -> bool:
        return self.has_role(*roles.ROLES_WITH_PERSONAL_DATA)
