"""The one catalogue search, behind ``selectors.catalogus_zoeken``.

Both backends produce the same three signals per candidate, and one Python function turns
them into the final score, so PostgreSQL and SQLite rank alike:

- ``tekst``: how well the query words match the text (title and keywords weigh most);
- ``synoniem``: the same for words added from the Synoniem table (counts a bit less);
- ``gelijkenis``: how close the whole query is to the title (catches typos).

PostgreSQL uses the ``dutch`` text search configuration (stemming, stop words) on the
trigger-maintained ``zoekvector`` plus pg_trgm similarity, both GIN-indexed. SQLite
(the embedded default) scores in Python with a small Dutch suffix stripper and difflib.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db import connection
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.utils.html import strip_tags
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


def _tsquery(woorden_: list[str]) -> SearchQuery | None:
    # Words are normalised to [a-z0-9]+, so the raw to_tsquery syntax cannot be injected.
    delen = [f"{w}:*" if len(w) >= 4 else w for w in woorden_ if w]
    if not delen:
        return None
    return SearchQuery(" | ".join(delen), config="dutch", search_type="raw")


def _postgres_kandidaten(
    qs: QuerySet, *, titel_veld: str, vraag: Zoekvraag
) -> list[tuple[object, float, float, float]]:
    nul = Value(0.0, output_field=FloatField())
    eigen = _tsquery(vraag.woorden)
    extra = _tsquery(vraag.synoniemen)
    # normalization 32: rank / (rank + 1), so a long text cannot run away with the score.
    tekst = SearchRank(F("zoekvector"), eigen, normalization=Value(32)) if eigen else nul
    synoniem = SearchRank(F("zoekvector"), extra, normalization=Value(32)) if extra else nul
    gelijkenis = TrigramSimilarity(titel_veld, vraag.tekst)
    gescoord = qs.annotate(_tekst=tekst, _synoniem=synoniem, _gelijkenis=gelijkenis).annotate(
        _totaal=F("_tekst") + F("_synoniem") * SYNONIEM_GEWICHT + F("_gelijkenis")
    )
    # One query per kind of hit, each on its own GIN index: with an OR of the two
    # PostgreSQL reads every row and computes the trigram similarity of each (10,000 VACs:
    # ~90 ms). The best of each, merged, are the best of the OR.
    treffers = [Q(**{f"{titel_veld}__trigram_similar": vraag.tekst})]
    treffers += [Q(zoekvector=q) for q in (eigen, extra) if q]
    beste: dict[int, object] = {}
    for treffer in treffers:
        for rij in gescoord.filter(treffer).order_by("-_totaal", "pk")[:KANDIDATEN_PER_SOORT]:
            beste.setdefault(rij.pk, rij)
    rijen = sorted(beste.values(), key=lambda r: (-r._totaal, r.pk))[:KANDIDATEN_PER_SOORT]
    return [(r, r._tekst * 2, r._synoniem * 2, float(r._gelijkenis)) for r in rijen]


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


def kandidaten(qs: QuerySet, bron: Bron, vraag: Zoekvraag) -> list[tuple[object, float]]:
    if connection.vendor == "postgresql":
        rijen = _postgres_kandidaten(qs, titel_veld=bron.titel_veld, vraag=vraag)
    else:
        rijen = _python_kandidaten(
            qs,
            titel_veld=bron.titel_veld,
            a_velden=bron.a_velden,
            b_velden=bron.b_velden,
            vraag=vraag,
        )
    return [
        (obj, eindscore(soort=bron.soort, tekst=t, synoniem=s, gelijkenis=g))
        for obj, t, s, g in rijen
    ]


def samenvatting_uit_html(html: str, lengte: int = 200) -> str:
    return Truncator(" ".join(strip_tags(html).split())).chars(lengte)
