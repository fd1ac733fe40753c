"""pagina_van: exact up to the limit, 'more than' beyond, page numbers as Django's."""

import pytest

from kcc.core.paginering import pagina_van
from productcatalogus.models import Organisatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def zeventien():
    Organisatie.objects.bulk_create(
        [Organisatie(naam=f"Org {i:02d}", code=f"o{i:02d}") for i in range(17)]
    )
    return Organisatie.objects.filter(code__startswith="o").order_by("code")


def test_exact_onder_de_grens(zeventien, django_assert_num_queries):
    with django_assert_num_queries(2):
        pagina = pagina_van(zeventien, "2", per_pagina=5, grens=100)
    assert (pagina.aantal, pagina.begrensd, pagina.num_pages) == (17, False, 4)
    assert [o.code for o in pagina.object_list] == ["o05", "o06", "o07", "o08", "o09"]
    assert pagina.has_previous and pagina.has_next and pagina.next_page_number == 3


def test_laatste_en_voorbij_de_laatste_pagina(zeventien):
    for nummer in ("4", "99"):
        pagina = pagina_van(zeventien, nummer, per_pagina=5, grens=100)
        assert pagina.number == 4 and [o.code for o in pagina.object_list] == ["o15", "o16"]
        assert not pagina.has_next


@pytest.mark.parametrize("rommel", [None, "", "x", "-3", "0", "1e9", "٣"])
def test_rommel_is_pagina_1(zeventien, rommel):
    assert pagina_van(zeventien, rommel, per_pagina=5, grens=100).number == 1


def test_boven_de_grens_geen_totaal_wel_volgende(zeventien, django_assert_num_queries):
    with django_assert_num_queries(2):
        pagina = pagina_van(zeventien, "3", per_pagina=5, grens=10)
    assert pagina.begrensd and pagina.num_pages is None and pagina.aantal == 11
    assert [o.code for o in pagina.object_list][0] == "o10"
    assert pagina.has_next  # page 4 exists though the count stopped at 11
    laatste = pagina_van(zeventien, "4", per_pagina=5, grens=10)
    assert not laatste.has_next and len(laatste.object_list) == 2
    # Past the end of a list longer than the limit: the last page, counted once.
    assert pagina_van(zeventien, "50", per_pagina=5, grens=10).number == 4


def test_velden_geven_dicts(zeventien):
    pagina = pagina_van(zeventien, "1", per_pagina=2, grens=100, velden=("code", "naam"))
    assert pagina.object_list == [
        {"code": "o00", "naam": "Org 00"},
        {"code": "o01", "naam": "Org 01"},
    ]


def test_lege_lijst():
    pagina = pagina_van(Organisatie.objects.none(), "3", per_pagina=5)
    assert (pagina.number, pagina.aantal, pagina.num_pages, pagina.object_list) == (1, 0, 1, [])
    assert not pagina.has_other_pages
