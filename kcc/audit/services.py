"""Writing the Verwerkingenlog. The only place Verwerking rows are created."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from kcc.accounts.models import User
from kcc.audit.models import Verwerking

SYSTEEM = "systeem"
_VELDEN = (
    "tijdstip",
    "klant",
    "medewerker",
    "wie",
    "functie",
    "actie",
    "scherm_of_endpoint",
    "toelichting",
)
_PER_INSERT = 100  # SQLite: 800 parameters, within every version's limit


def verwerking_vastleggen(
    *,
    klant_ids: Iterable[int],
    medewerker: User | None,
    actie: str,
    scherm: str,
    toelichting: str = "",
) -> int:
    """Record that ``medewerker`` (None: a system process) processed these klanten.

    One INSERT whatever the number of klanten (SQLite: per 100), so search results cost
    one query. Written through the cursor, not ``bulk_create``: almost every staff page
    writes here, and building a model instance per row of a 50-row list cost more than
    the INSERT. Returns the number of rows written.
    """
    if actie not in Verwerking.Actie.values:
        raise ValueError(f"Onbekende actie voor het verwerkingenlog: {actie!r}")
    if medewerker is not None and medewerker.is_authenticated:
        wie = medewerker.get_full_name() or medewerker.username
        functie, user_id = medewerker.functie, medewerker.pk
    else:
        wie, functie, user_id = SYSTEEM, "", None
    ids = list(dict.fromkeys(klant_ids))
    if not ids:
        return 0
    nu = connection.ops.adapt_datetimefield_value(timezone.now())
    vast = (wie[:150], functie[:100], actie, scherm[:200], toelichting[:300])
    qn = connection.ops.quote_name
    tabel = qn(Verwerking._meta.db_table)
    kolommen = ", ".join(qn(Verwerking._meta.get_field(veld).column) for veld in _VELDEN)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Every row differs only in its klant: one array parameter, however many rows
            # (a VALUES list of 50 rows is 400 parameters to parse and plan).
            cursor.execute(
                f"INSERT INTO {tabel} ({kolommen}) "  # noqa: S608 - names from the model
                "SELECT %s, klant_id, %s, %s, %s, %s, %s, %s FROM UNNEST(%s::bigint[]) AS klant_id",
                [nu, user_id, *vast, ids],
            )
            return len(ids)
        for start in range(0, len(ids), _PER_INSERT):
            blok = ids[start : start + _PER_INSERT]
            waarden = ", ".join(["(" + ", ".join(["%s"] * len(_VELDEN)) + ")"] * len(blok))
            cursor.execute(
                f"INSERT INTO {tabel} ({kolommen}) VALUES {waarden}",  # noqa: S608 - names from the model
                [waarde for klant_id in blok for waarde in (nu, klant_id, user_id, *vast)],
            )
    return len(ids)
