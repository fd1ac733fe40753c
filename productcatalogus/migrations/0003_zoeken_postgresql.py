"""PostgreSQL search: pg_trgm, a trigger-maintained ``zoekvector`` and GIN indexes.

The search vector is filled by a trigger, not by Python, so rows written by the admin,
the import, the demo or a bulk update are always searchable. GIN indexes cannot be declared
in ``Meta.indexes`` without breaking SQLite, hence the vendor guard. On SQLite this
migration does nothing: the search selector has its own fallback there.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# table -> (weighted columns, trigram column)
TABELLEN = {
    "productcatalogus_product": (
        [
            ("naam", "A"),
            ("upl_naam", "A"),
            ("trefwoorden", "A"),
            ("samenvatting", "B"),
            ("tekst", "C"),
        ],
        "naam",
    ),
    "productcatalogus_levensgebeurtenis": (
        [("naam", "A"), ("trefwoorden", "A"), ("samenvatting", "B"), ("tekst", "C")],
        "naam",
    ),
    "productcatalogus_vac": (
        [("vraag", "A"), ("trefwoorden", "A"), ("antwoord", "C")],
        "vraag",
    ),
}


def _vector_sql(kolommen):
    return " || ".join(
        f"setweight(to_tsvector('dutch', coalesce(NEW.{kolom}, '')), '{gewicht}')"
        for kolom, gewicht in kolommen
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel, (kolommen, trigram_kolom) in TABELLEN.items():
        schema_editor.execute(
            f"""
            CREATE OR REPLACE FUNCTION {tabel}_zoekvector() RETURNS trigger AS $$
            BEGIN
                NEW.zoekvector := {_vector_sql(kolommen)};
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql;
            """
        )
        schema_editor.execute(
            f"""
            CREATE TRIGGER {tabel}_zoekvector_trg
            BEFORE INSERT OR UPDATE ON {tabel}
            FOR EACH ROW EXECUTE FUNCTION {tabel}_zoekvector();
            """
        )
        schema_editor.execute(f"UPDATE {tabel} SET id = id")  # noqa: S608 (fixed table names)
        schema_editor.execute(
            f"CREATE INDEX {tabel}_zoekvector_gin ON {tabel} USING gin (zoekvector)"
        )
        schema_editor.execute(
            f"CREATE INDEX {tabel}_trgm_gin ON {tabel} USING gin ({trigram_kolom} gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in TABELLEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_trgm_gin")
        schema_editor.execute(f"DROP INDEX IF EXISTS {tabel}_zoekvector_gin")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_zoekvector_trg ON {tabel}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {tabel}_zoekvector()")


class Migration(migrations.Migration):
    dependencies = [
        ("productcatalogus", "0002_product_statustype_levensgebeurtenis_vac"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(forwards, backwards),
    ]
