"""The one catalogue search, behind ``selectors.catalogus_zoeken``.

Both backends produce the same three signals per candidate, and one Python function turns
them into the final score, so PostgreSQL and SQLite rank alike:

- ``tekst``: how well the query words match the text (title and keywords weigh most);
- ``synoniem``: the same for words added from the Synoniem table (counts a bit less);
- ``gelijkenis``: how close the whole query is to the title.

PostgreSQL uses the ``dutch`` text search configuration (stemming, stop words) on the
trigger-maintained ``zoekvector`` (GIN-indexed). A typo is caught by its word: a query
word that is not a word of the catalogue gets the closest one (trigram index on
Zoekwoord) searched too, so "parkeervergunnig" finds "Parkeervergunning". The title's
trigram similarity is computed for the best candidates by text only: over every match
(or as a way to find candidates) it cost 15 µs a row, 50 ms for a common word among
10,000 VACs. SQLite (the embedded default) scores in Python with a small Dutch suffix
stripper and difflib.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace

import nh3
from django.db import connection
from django.db.models import QuerySet
from django.utils.text import Truncator

# Words that carry no meaning in a search (a short list; PostgreSQL has its own).
STOPWOORDEN = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "die",
        "dit",
        "een",
        "en",
        "er",
        "hem",
        "het",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kunnen",
        "me",
        "mag",
        "mij",
        "mijn",
        "moet",
        "moeten",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "wanneer",
        "wat",
        "welke",
        "wie",
        "wil",
        "waar",
        "was",
        "we",
        "wel",
        "zijn",
        "ze",
        "zo",
    ]
)
_SUFFIXEN = ("ingen", "heden", "ing", "heid", "en", "es", "e", "s")
TYPE_GEWICHT = {"product": 1.0, "levensgebeurtenis": 1.0, "vac": 0.85}
KANDIDATEN_PER_SOORT = 50
SYNONIEM_GEWICHT = 0.8  # a word from the Synoniem table counts a little less than the query
_TAG_RE = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Zoekresultaat:
    type: str  # "product", "levensgebeurtenis" or "vac"
    id: int
    titel: str
    samenvatting: str
    url: str
    score: float


@dataclass
class Zoekvraag:
    tekst: str  # the normalised query
    woorden: list[str]  # meaningful query words
    synoniemen: list[str]  # extra words from the Synoniem table
    correcties: list[str] = field(default_factory=list)  # catalogue words near a typo


def normaliseer(tekst: str) -> str:
    """Lower case, accents removed, only letters, digits and single spaces."""
    tekst = unicodedata.normalize("NFKD", tekst.lower())
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", tekst))


def woorden(tekst: str) -> list[str]:
    return [w for w in normaliseer(tekst).split() if w not in STOPWOORDEN]


def stam(woord: str) -> str:
    """A crude Dutch stem for the SQLite fallback: verhuizing, verhuizen -> verhuiz."""
    for suffix in _SUFFIXEN:
        if woord.endswith(suffix) and len(woord) - len(suffix) >= 3:
            woord = woord[: -len(suffix)]
            break
    if len(woord) > 3 and woord[-1] == woord[-2] and woord[-1] not in "aeiou":
        woord = woord[:-1]
    return woord


def zoekvraag_maken(q: str, synoniemen: Iterable[tuple[str, list[str]]]) -> Zoekvraag:
    """Split the query and add synonyms; a synonym group works in both directions."""
    tekst = normaliseer(q)
    eigen = woorden(q)
    extra: list[str] = []
    for term, groep in synoniemen:
        leden = [normaliseer(term), *(normaliseer(w) for w in groep)]
        if any(lid and (lid in eigen or f" {lid} " in f" {tekst} ") for lid in leden):
            for lid in leden:
                for woord in lid.split():
                    if woord not in eigen and woord not in extra and woord not in STOPWOORDEN:
                        extra.append(woord)
    return Zoekvraag(tekst=tekst, woorden=eigen, synoniemen=extra)


def eindscore(*, soort: str, tekst: float, synoniem: float, gelijkenis: float) -> float:
    return TYPE_GEWICHT[soort] * (tekst + SYNONIEM_GEWICHT * synoniem + gelijkenis)


# --- PostgreSQL ---------------------------------------------------------------------------


def _tsquery_tekst(woorden_: list[str]) -> str:
    """A raw ``to_tsquery`` text: the words ORed, 4+ letters as prefixes. Words are
    normalised to [a-z0-9]+, so the tsquery syntax cannot be injected."""
    return " | ".join(f"{w}:*" if len(w) >= 4 else w for w in dict.fromkeys(woorden_) if w)


# Candidates ranked by text first; the title similarity only for these.
VOORSELECTIE = 100
CORRECTIE_MIN_LENGTE = 4


def correcties(woorden_: list[str]) -> list[str]:
    """For each query word that is not a word of the catalogue, the closest one that is
    (PostgreSQL: Zoekwoord, GiST trigram index): one query for all words."""
    from productcatalogus.models import Zoekwoord

    onbekend = [w for w in dict.fromkeys(woorden_) if len(w) >= CORRECTIE_MIN_LENGTE]
    if not onbekend:
        return []
    tabel = connection.ops.quote_name(Zoekwoord._meta.db_table)
    # Known words are looked up by key (= ANY cannot use the trigram index); only the
    # others get the nearest word, within pg_trgm's similarity threshold (0.3).
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT n.woord FROM unnest(%s::text[]) WITH ORDINALITY AS q(w, i),
            LATERAL (SELECT z.woord, z.woord <-> q.w AS afstand FROM {tabel} z
                     ORDER BY z.woord <-> q.w LIMIT 1) AS n
            WHERE n.afstand <= 0.7
              AND q.w <> ALL (SELECT k.woord FROM {tabel} k WHERE k.woord = ANY(%s::text[]))
            ORDER BY q.i
            """,  # noqa: S608 - the table name is the model's
            [onbekend, onbekend],
        )
        return [normaliseer(rij[0]) for rij in cursor.fetchall()]


def _bereik(qs: QuerySet) -> tuple[str, list]:
    """The WHERE clause of the selector's queryset ``qs`` (its scope), as SQL on its table."""
    query = qs.query
    compiler = query.get_compiler(connection=connection)
    if len(query.alias_map) == 1 and not query.where.contains_aggregate:
        sql, params = compiler.compile(query.where)
        if sql:
            return sql, list(params)
        return "TRUE", []
    # A scope that joins another table: as a subquery on the ids.
    sql, params = qs.order_by().values("pk").query.sql_with_params()
    tabel = connection.ops.quote_name(qs.model._meta.db_table)
    return f"{tabel}.id IN ({sql})", list(params)


def _kandidaten_sql(qs: QuerySet, bron: Bron, vraag: Zoekvraag) -> tuple[str, list] | None:
    """The statement for one kind: the matches in scope ranked by text, the best
    VOORSELECTIE of them ranked again with the title's trigram similarity, the best
    KANDIDATEN_PER_SOORT with the columns a result needs (``bron.velden``, as one JSON
    array: the kinds have different columns and are read in one UNION ALL).

    Plain SQL, not the ORM: building the ranking expressions with the ORM cost more than
    running them (25,000 expression resolutions a search)."""
    eigen = _tsquery_tekst(vraag.woorden + [c for c in vraag.correcties if c not in vraag.woorden])
    extra = _tsquery_tekst(vraag.synoniemen)
    if not eigen and not extra:
        return None
    qn = connection.ops.quote_name
    meta = qs.model._meta
    tabel = qn(meta.db_table)
    kolommen = ", ".join(f"{tabel}.{qn(meta.get_field(v).column)}" for v in bron.velden)
    titel = f"{tabel}.{qn(meta.get_field(bron.titel_veld).column)}"
    bereik, params = _bereik(qs)
    rang = {
        "eigen": f"ts_rank({tabel}.zoekvector, to_tsquery('dutch', %s), 32)" if eigen else "0",
        "extra": f"ts_rank({tabel}.zoekvector, to_tsquery('dutch', %s), 32)" if extra else "0",
    }
    treffer = " OR ".join(
        f"{tabel}.zoekvector @@ to_tsquery('dutch', %s)" for term in (eigen, extra) if term
    )
    sql = (
        f"SELECT '{bron.soort}' AS soort, s.id, s.velden, s.tekst, s.synoniem, s.gelijkenis "  # noqa: S608 - names from the model
        f"FROM (SELECT r.*, similarity(r.titel, %s) AS gelijkenis FROM ("
        f"SELECT * FROM (SELECT {tabel}.id, {titel} AS titel, json_build_array({kolommen}) "
        f"AS velden, {rang['eigen']} AS tekst, {rang['extra']} AS synoniem FROM {tabel} "
        f"WHERE ({treffer}) AND ({bereik})) AS q "
        f"ORDER BY q.tekst + q.synoniem * {SYNONIEM_GEWICHT} DESC, q.id LIMIT {VOORSELECTIE}"
        f") AS r) AS s ORDER BY s.tekst + s.synoniem * {SYNONIEM_GEWICHT} + s.gelijkenis DESC, "
        f"s.id LIMIT {KANDIDATEN_PER_SOORT}"
    )
    termen = [t for t in (eigen, extra) if t]  # once for the ranks, once for the match
    return sql, [vraag.tekst, *termen, *termen, *params]


def _postgres_kandidaten(
    bronnen: list[tuple[QuerySet, Bron]], vraag: Zoekvraag
) -> list[tuple[str, object, float, float, float]]:
    """Every kind's candidates in one statement, as plain rows (``Rij``: no model
    instances): (soort, rij, tekst, synoniem, gelijkenis)."""
    delen = [d for d in (_kandidaten_sql(qs, bron, vraag) for qs, bron in bronnen) if d]
    if not delen:
        return []
    velden = {bron.soort: bron.velden for _, bron in bronnen}
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(f"({sql})" for sql, _ in delen),
            [waarde for _, argumenten in delen for waarde in argumenten],
        )
        rijen = cursor.fetchall()
    return [
        (soort, Rij(pk=pk, **dict(zip(velden[soort], waarden, strict=True))), t * 2, s * 2, g)
        for soort, pk, waarden, t, s, g in rijen
    ]


class Rij(SimpleNamespace):
    """A candidate read by the PostgreSQL search: ``pk`` and the Bron's ``velden``."""


# --- SQLite and other databases -----------------------------------------------------------


def _velden_woorden(*teksten: str) -> set[str]:
    return {stam(w) for t in teksten for w in woorden(_TAG_RE.sub(" ", t))}


def _lijkt_op(a: str, b: str) -> bool:
    """A typo away: difflib ratio of at least 0.85 (cheap upper bounds checked first)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and (matcher.ratio() >= 0.85)
    )


def _dekking(zoekwoorden: list[str], velden: list[tuple[set[str], float]]) -> float:
    """Share of the query words found (as stem prefix or near-typo), weighted by field."""
    if not zoekwoorden:
        return 0.0
    totaal = 0.0
    for woord in zoekwoorden:
        s = stam(woord)
        beste = 0.0
        for doc_woorden, gewicht in velden:
            if gewicht <= beste:
                continue
            for d in doc_woorden:
                if d == s or (len(s) >= 4 and d.startswith(s)):
                    beste = gewicht
                    break
                if len(s) >= 5 and abs(len(s) - len(d)) <= 2 and _lijkt_op(s, d):
                    beste = gewicht * 0.8
                    break
        totaal += beste
    return totaal / len(zoekwoorden)


def _python_scores(
    vraag: Zoekvraag, titel: str, a_velden: list[str], b_velden: list[str]
) -> tuple[float, float, float]:
    velden = [(_velden_woorden(titel, *a_velden), 1.0), (_velden_woorden(*b_velden), 0.4)]
    tekst = _dekking(vraag.woorden, velden)
    synoniem = _dekking(vraag.synoniemen, velden)
    gelijkenis = difflib.SequenceMatcher(None, vraag.tekst, normaliseer(titel)).ratio()
    # difflib is more generous than pg_trgm on unrelated text; ignore weak resemblance.
    gelijkenis = gelijkenis if gelijkenis >= 0.6 else 0.0
    return tekst, synoniem, gelijkenis


def _python_kandidaten(
    qs: QuerySet, *, titel_veld: str, a_velden: list[str], b_velden: list[str], vraag: Zoekvraag
) -> list[tuple[object, float, float, float]]:
    gescoord = []
    for obj in qs:
        tekst, synoniem, gelijkenis = _python_scores(
            vraag,
            getattr(obj, titel_veld),
            [getattr(obj, v) for v in a_velden],
            [getattr(obj, v) for v in b_velden],
        )
        if tekst or synoniem or gelijkenis:
            gescoord.append((obj, tekst, synoniem, gelijkenis))
    gescoord.sort(key=lambda r: (-(r[1] + r[2] * SYNONIEM_GEWICHT + r[3]), r[0].pk))
    return gescoord[:KANDIDATEN_PER_SOORT]


# --- Both ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bron:
    """How one model takes part in the search."""

    soort: str
    titel_veld: str
    a_velden: list[str]  # weigh like the title (SQLite fallback)
    b_velden: list[str]  # weigh less (SQLite fallback)
    velden: tuple[str, ...]  # what a result needs (PostgreSQL reads only these)


def kandidaten(
    bronnen: list[tuple[QuerySet, Bron]], vraag: Zoekvraag
) -> list[tuple[str, object, float]]:
    """The candidates of every kind with their final score: (soort, obj, score)."""
    if connection.vendor == "postgresql":
        rijen = _postgres_kandidaten(bronnen, vraag)
    else:
        rijen = [
            (bron.soort, obj, t, s, g)
            for qs, bron in bronnen
            for obj, t, s, g in _python_kandidaten(
                qs,
                titel_veld=bron.titel_veld,
                a_velden=bron.a_velden,
                b_velden=bron.b_velden,
                vraag=vraag,
            )
        ]
    return [
        (soort, obj, eindscore(soort=soort, tekst=t, synoniem=s, gelijkenis=g))
        for soort, obj, t, s, g in rijen
    ]


def samenvatting_uit_html(html: str, lengte: int = 200) -> str:
    """The text of a (sanitised) answer, shortened: nh3 drops the tags, fast."""
    return Truncator(" ".join(nh3.clean(html, tags=set()).split())).chars(lengte)
