"""Closing days and opening hours in beheer (Django admin): constraints, access, queries."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from kcc.normen.models import Openingstijd, Sluitingsdag
from tests.factories import OrganisatieFactory
from tests.normen.factories import OpeningstijdFactory, SluitingsdagFactory
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db

SLUITINGSDAGEN_URL = "/beheer/normen/sluitingsdag/"
OPENINGSTIJDEN_URL = "/beheer/normen/openingstijd/"


def test_one_general_closing_day_per_date():
    SluitingsdagFactory(datum=date(2026, 5, 15))
    with pytest.raises(IntegrityError), transaction.atomic():
        SluitingsdagFactory(datum=date(2026, 5, 15))


def test_organisation_may_have_its_own_day_on_a_general_date():
    organisatie = OrganisatieFactory()
    SluitingsdagFactory(datum=date(2026, 5, 15))
    SluitingsdagFactory(datum=date(2026, 5, 15), organisatie=organisatie)
    with pytest.raises(IntegrityError), transaction.atomic():
        SluitingsdagFactory(datum=date(2026, 5, 15), organisatie=organisatie)


def test_opening_window_must_end_after_it_starts():
    tijd = Openingstijd(kanaal="chat", weekdag=0, van=time(17, 0), tot=time(9, 0))
    with pytest.raises(ValidationError, match="De eindtijd moet na de begintijd liggen."):
        tijd.full_clean()


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", [SLUITINGSDAGEN_URL, OPENINGSTIJDEN_URL])
def test_functioneel_beheerder_maintains_them(fenna_beheer, url):
    assert _client(fenna_beheer).get(url).status_code == 200
    assert _client(fenna_beheer).get(url + "add/").status_code == 200


def test_functioneel_beheerder_adds_a_closing_day(fenna_beheer):
    response = _client(fenna_beheer).post(
        SLUITINGSDAGEN_URL + "add/",
        {"datum": "15-05-2026", "omschrijving": "Dag na Hemelvaart", "organisatie": ""},
    )
    assert response.status_code == 302, response.content
    assert Sluitingsdag.objects.get().omschrijving == "Dag na Hemelvaart"


@pytest.mark.parametrize("persona", ["kim_kcc", "tom_teamleider", "bo_burgerzaken"])
@pytest.mark.parametrize("url", [SLUITINGSDAGEN_URL, OPENINGSTIJDEN_URL])
def test_other_roles_may_not(persona, url, request):
    response = _client(request.getfixturevalue(persona)).get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("url", [SLUITINGSDAGEN_URL, OPENINGSTIJDEN_URL])
def test_anonymous_may_not(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_changelists_have_constant_queries(fenna_beheer):
    client = _client(fenna_beheer)

    def grow():
        for n in range(5):
            organisatie = OrganisatieFactory()
            SluitingsdagFactory(organisatie=organisatie)
            OpeningstijdFactory(weekdag=n, organisatie=organisatie)

    SluitingsdagFactory(organisatie=OrganisatieFactory())
    OpeningstijdFactory(organisatie=OrganisatieFactory())
    for url in (SLUITINGSDAGEN_URL, OPENINGSTIJDEN_URL):
        assert_constant_queries(lambda url=url: client.get(url), grow, label=url)
