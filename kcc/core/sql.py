"""Names for the few statements written out by hand (where compiling them with the ORM
cost more than running them): tables and columns as the models define them, quoted."""

from __future__ import annotations

from django.db import connection


def tabel(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)
