"""Writing the Verwerkingenlog. The only place Verwerking rows are created."""

from __future__ import annotations

from collections.abc import Iterable

from kcc.accounts.models import User
from kcc.audit.models import Verwerking

SYSTEEM = "systeem"


def verwerking_vastleggen(
    *,
    klant_ids: Iterable[int],
    medewerker: User | None,
    actie: str,
    scherm: str,
    toelichting: str = "",
) -> list[Verwerking]:
    """Record that ``medewerker`` (None: a system process) processed these klanten.

    One INSERT whatever the number of klanten, so search results cost one query.
    """
    if medewerker is not None and medewerker.is_authenticated:
        wie = medewerker.get_full_name() or medewerker.username
        functie = medewerker.functie
        user = medewerker
    else:
        wie, functie, user = SYSTEEM, "", None
    rows = [
        Verwerking(
            klant_id=klant_id,
            medewerker=user,
            wie=wie[:150],
            functie=functie[:100],
            actie=actie,
            scherm_of_endpoint=scherm[:200],
            toelichting=toelichting[:300],
        )
        for klant_id in dict.fromkeys(klant_ids)
    ]
    if rows:
        Verwerking.objects.bulk_create(rows)
    return rows
