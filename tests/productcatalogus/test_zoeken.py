"""Search relevance on the demo catalogue. Runs on SQLite and on PostgreSQL (CI does both)."""

import pytest

from productcatalogus.models import Synoniem
from productcatalogus.selectors import catalogus_zoeken

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("q", "verwacht"),
    [
        ("paspoort verlopen", [("product", "Paspoort")]),
        (
            "verhuizing doorgeven",
            [("product", "Verhuizing doorgeven"), ("levensgebeurtenis", "Verhuizen")],
        ),
        ("parkeervergunnig", [("product", "Parkeervergunning")]),
        ("hond aanmelden", [("product", "Hondenbelasting")]),
        ("Verhuizen", [("levensgebeurtenis", "Verhuizen"), ("product", "Verhuizing doorgeven")]),
        ("kliko kapot", [("product", "Afvalcontainer aanvragen of wijzigen")]),
    ],
)
def test_first_hit_is_the_right_one(demo_catalogus, q, verwacht):
    resultaten = catalogus_zoeken(q=q)
    assert resultaten, q
    assert (resultaten[0].type, resultaten[0].titel) in verwacht, [
        (r.type, r.titel, r.score) for r in resultaten[:5]
    ]


def test_results_are_ranked_and_carry_url_and_summary(demo_catalogus):
    resultaten = catalogus_zoeken(q="paspoort", limit=5)
    assert len(resultaten) <= 5
    assert [r.score for r in resultaten] == sorted((r.score for r in resultaten), reverse=True)
    eerste = resultaten[0]
    assert eerste.url == "/producten/paspoort/"
    assert eerste.samenvatting.startswith("Een paspoort")


def test_internal_vacs_only_when_asked(demo_catalogus):
    publiek = catalogus_zoeken(q="adresonderzoek", limit=50)
    assert all(r.titel != "Wanneer start ik een adresonderzoek?" for r in publiek)
    intern = catalogus_zoeken(q="adresonderzoek", alleen_openbaar=False, limit=50)
    hit = next(r for r in intern if r.titel == "Wanneer start ik een adresonderzoek?")
    assert hit.url.startswith("/console/kennisbank/vac/")


def test_synonym_from_beheer_is_used(demo_catalogus):
    assert not [r for r in catalogus_zoeken(q="reisboekje") if r.titel == "Paspoort"]
    Synoniem.objects.create(term="reisboekje", synoniemen="paspoort")
    assert catalogus_zoeken(q="reisboekje")[0].titel == "Paspoort"


def test_synonym_removed_in_beheer_is_no_longer_used(demo_catalogus):
    """The synonyms are kept between searches (kcc.core.keuzes.Bewaard): a change in
    beheer is seen by the next search."""
    synoniem = Synoniem.objects.create(term="reisboekje", synoniemen="paspoort")
    assert catalogus_zoeken(q="reisboekje")[0].titel == "Paspoort"
    synoniem.delete()
    assert not [r for r in catalogus_zoeken(q="reisboekje") if r.titel == "Paspoort"]


def test_every_kind_of_hit_links_to_its_own_page(demo_catalogus):
    from django.urls import reverse

    from productcatalogus.models import VAC, Levensgebeurtenis, Product

    modellen = {"product": Product, "levensgebeurtenis": Levensgebeurtenis, "vac": VAC}
    gezien = set()
    for q in ("verhuizen", "paspoort", "adresonderzoek"):
        for hit in catalogus_zoeken(q=q, alleen_openbaar=False, limit=100):
            obj = modellen[hit.type].objects.get(pk=hit.id)
            if hit.type == "vac" and not obj.openbaar:
                verwacht = reverse("console:kennisbank:vac", kwargs={"pk": obj.pk})
                gezien.add("interne vac")
            else:
                verwacht = obj.get_absolute_url()
                gezien.add(hit.type)
            assert hit.url == verwacht, (hit.type, hit.titel)
            if hit.type == "vac":
                assert "<" not in hit.samenvatting
                assert hit.samenvatting[:20] in " ".join(obj.antwoord.split())
    assert gezien == {"product", "levensgebeurtenis", "vac", "interne vac"}


def test_audience_filter(demo_catalogus):
    bedrijf = catalogus_zoeken(q="inschrijving handelsregister kvk", doelgroep="bedrijf")
    assert bedrijf[0].titel == "Inschrijving handelsregister"
    burger = catalogus_zoeken(q="inschrijving handelsregister kvk", doelgroep="burger")
    assert all(r.titel != "Inschrijving handelsregister" for r in burger)


def test_empty_or_meaningless_query_returns_nothing(demo_catalogus):
    assert catalogus_zoeken(q="") == []
    assert catalogus_zoeken(q="   !!! ") == []


def test_typfout_gevonden_via_een_woord_van_de_catalogus(demo_catalogus):
    """A query word that is not a catalogue word is corrected to the closest one that is
    (PostgreSQL: Zoekwoord; SQLite: its own near-typo matching)."""
    from django.db import connection

    from productcatalogus.zoeken import correcties

    for q in ("parkeervergunnig", "paspoprt", "hondebelasting"):
        resultaten = catalogus_zoeken(q=q)
        assert resultaten, q
    if connection.vendor == "postgresql":
        assert correcties(["parkeervergunnig", "paspoort", "xq"]) == ["parkeervergunning"]
