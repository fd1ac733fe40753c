"""Zoekwoord: the catalogue's words, for correcting typos in a search (PostgreSQL).

Triggers keep the table filled from the same rows as ``zoekvector`` (migration 0003), so
words written by the admin, the UPL import or the demo are known at once; a GiST trigram
index finds the nearest word. Words of four
letters or more; a word is never removed (a word no longer in the catalogue only adds a
search term that finds nothing). On SQLite the table stays empty and unused.
"""

from django.db import migrations, models

# table -> the columns whose words are known (titles, keywords, summaries)
BRONNEN = {
    "productcatalogus_product": ["naam", "upl_naam", "trefwoorden", "samenvatting"],
    "productcatalogus_levensgebeurtenis": ["naam", "trefwoorden", "samenvatting"],
    "productcatalogus_vac": ["vraag", "trefwoorden"],
}
WOORDEN = "productcatalogus_zoekwoord"


def _woorden_sql(bron: str, kolommen: list[str]) -> str:
    tekst = ", ".join(f"{bron}.{kolom}" for kolom in kolommen)
    return (
        f"SELECT lexeme FROM unnest(to_tsvector('simple', concat_ws(' ', {tekst}))) "  # noqa: S608
        "WHERE length(lexeme) BETWEEN 4 AND 100"
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # GiST, not GIN: it finds the nearest word (ORDER BY woord <-> w LIMIT 1) in the index
    # itself; GIN can only filter on similarity and sort what it found (6 to 9 ms a word).
    schema_editor.execute(
        f"CREATE INDEX {WOORDEN}_trgm_gist ON {WOORDEN} USING gist (woord gist_trgm_ops)"
    )
    for tabel, kolommen in BRONNEN.items():
        schema_editor.execute(
            f"""
            CREATE OR REPLACE FUNCTION {tabel}_zoekwoorden() RETURNS trigger AS $$
            BEGIN
                INSERT INTO {WOORDEN} (woord) {_woorden_sql("NEW", kolommen)}
                ON CONFLICT DO NOTHING;
                RETURN NULL;
            END
            $$ LANGUAGE plpgsql;
            """
        )
        schema_editor.execute(
            f"""
            CREATE TRIGGER {tabel}_zoekwoorden_trg
            AFTER INSERT OR UPDATE OF {", ".join(kolommen)} ON {tabel}
            FOR EACH ROW EXECUTE FUNCTION {tabel}_zoekwoorden();
            """
        )
        schema_editor.execute(
            f"INSERT INTO {WOORDEN} (woord) SELECT DISTINCT w.lexeme FROM {tabel} t, "  # noqa: S608 (fixed names)
            f"LATERAL ({_woorden_sql('t', kolommen)}) AS w ON CONFLICT DO NOTHING"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in BRONNEN:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_zoekwoorden_trg ON {tabel}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {tabel}_zoekwoorden()")
    schema_editor.execute(f"DROP INDEX IF EXISTS {WOORDEN}_trgm_gist")


class Migration(migrations.Migration):
    dependencies = [
        ("productcatalogus", "0004_uplterm_sdg_code_langer"),
    ]

    operations = [
        migrations.CreateModel(
            name="Zoekwoord",
            fields=[
                ("woord", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "zoekwoord",
                "verbose_name_plural": "zoekwoorden",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
