"""Reading the Verwerkingenlog (teamleider search; later the citizen's own view)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.core.permissions import GEEN_TOEGANG


def verwerkingen_zoeken(
    *,
    medewerker: User,
    klant_id: int | None = None,
    gebruiker: str = "",
    actie: str = "",
    van: date | None = None,
    tot: date | None = None,
) -> QuerySet[Verwerking]:
    """Verwerkingen matching the filters, newest first. Teamleiders only."""
    if not medewerker.has_role(roles.TEAMLEIDER):
        raise PermissionDenied(GEEN_TOEGANG)
    qs = Verwerking.objects.select_related("klant")
    if klant_id:
        qs = qs.filter(klant_id=klant_id)
    if gebruiker:
        qs = qs.filter(wie__icontains=gebruiker)
    if actie:
        qs = qs.filter(actie=actie)
    tz = timezone.get_current_timezone()
    if van:
        qs = qs.filter(tijdstip__gte=datetime.combine(van, time.min, tzinfo=tz))
    if tot:
        qs = qs.filter(tijdstip__lt=datetime.combine(tot + timedelta(days=1), time.min, tzinfo=tz))
    return qs.order_by("-tijdstip", "-id")


def verwerkingen_voor_klant(*, klant_id: int) -> QuerySet[Verwerking]:
    """What happened with one klant's data, newest first (for the citizen's own view).

    The caller has already established that the reader is this klant.
    """
    return Verwerking.objects.filter(klant_id=klant_id).order_by("-tijdstip", "-id")
