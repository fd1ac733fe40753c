"""Services and selectors of the catalogue and kennisbank."""

import pytest
from django.core.exceptions import ValidationError

from productcatalogus.models import Product
from productcatalogus.models.producten import FOUT_AFDELING_ANDERE_ORGANISATIE
from productcatalogus.models.validators import FOUT_INTAKE_VRAAG, valideer_intake
from productcatalogus.selectors import (
    levensgebeurtenis_get_publiek,
    levensgebeurtenis_producten_bepalen,
    product_get_publiek,
    vac_list_voor,
)
from productcatalogus.services import (
    product_create,
    product_statustypen_vastleggen,
    vac_create,
    vac_update,
)
from tests.factories import AfdelingFactory, OrganisatieFactory
from tests.productcatalogus.factories import ComponentFactory, ProductFactory, VACFactory

pytestmark = pytest.mark.django_db


def test_vac_answer_is_sanitised_and_history_starts(afdeling_burgerzaken, kim_kcc):
    vac = vac_create(
        vraag="Hoe lang duurt het?",
        antwoord='<p onclick="x()">Vijf <script>alert(1)</script><a href="javascript:x">'
        "dagen</a></p>",
        afdeling=afdeling_burgerzaken,
        door=kim_kcc,
    )
    assert "script" not in vac.antwoord and "onclick" not in vac.antwoord
    assert "javascript" not in vac.antwoord
    versie = vac.versies.get()
    assert (versie.versie, versie.gewijzigd_door) == (1, kim_kcc)


def test_vac_update_appends_exactly_what_changed(afdeling_burgerzaken, fenna_beheer):
    vac = vac_create(
        vraag="Vraag?", antwoord="<p>Oud</p>", afdeling=afdeling_burgerzaken, door=None
    )
    vac_update(vac=vac, door=fenna_beheer, antwoord="<p>Nieuw</p>", openbaar=False)
    laatste = vac.versies.order_by("-versie").first()
    assert laatste.versie == 2
    assert laatste.gewijzigd_door == fenna_beheer
    assert laatste.wijzigingen == {
        "antwoord": ["<p>Oud</p>", "<p>Nieuw</p>"],
        "openbaar": [True, False],
    }
    vac_update(vac=vac, door=fenna_beheer, antwoord="<p>Nieuw</p>")
    assert vac.versies.count() == 2  # no change, no version


def test_vac_update_refuses_unknown_field(afdeling_burgerzaken):
    vac = VACFactory(afdeling=afdeling_burgerzaken)
    with pytest.raises(ValueError, match="Onbekend veld"):
        vac_update(vac=vac, door=None, slug="x")


def test_product_afdeling_must_belong_to_organisatie(afdeling_burgerzaken):
    andere = OrganisatieFactory(code="svb", naam="SVB")
    with pytest.raises(ValidationError) as exc:
        product_create(
            naam="Kinderbijslag",
            samenvatting="Geld voor kinderen.",
            organisatie=andere,
            afdeling=afdeling_burgerzaken,
        )
    assert FOUT_AFDELING_ANDERE_ORGANISATIE in str(exc.value)
    assert not Product.objects.exists()


def test_product_create_makes_a_unique_slug(afdeling_burgerzaken):
    eerste = product_create(
        naam="Paspoort",
        samenvatting="Reisdocument.",
        organisatie=afdeling_burgerzaken.organisatie,
        afdeling=afdeling_burgerzaken,
    )
    tweede = product_create(
        naam="Paspoort",
        samenvatting="Reisdocument.",
        organisatie=afdeling_burgerzaken.organisatie,
        afdeling=afdeling_burgerzaken,
    )
    assert (eerste.slug, tweede.slug) == ("paspoort", "paspoort-2")


@pytest.mark.parametrize(
    ("intake", "reden"),
    [
        ([{"code": "a", "vraag": "V?", "type": "kleur"}], "type moet een van"),
        ([{"code": "a", "vraag": "V?", "type": "keuze"}], "keuzevraag heeft een lijst"),
        (
            [{"code": "a", "vraag": "V?", "type": "tekst"}] * 2,
            "de code a komt twee keer voor",
        ),
        ([{"code": "A b", "vraag": "V?", "type": "tekst"}], "code ontbreekt"),
    ],
)
def test_intake_definition_is_validated(intake, reden):
    with pytest.raises(ValidationError) as exc:
        valideer_intake(intake)
    assert reden in str(exc.value)
    assert FOUT_INTAKE_VRAAG.split(":")[0].format(nummer=len(intake)) in str(exc.value)


def test_statustypen_last_is_end_status():
    product = ProductFactory()
    product_statustypen_vastleggen(
        product=product,
        statustypen=[{"naam": "Ontvangen", "informeren": True}, {"naam": "Klaar"}],
    )
    assert list(product.statustypen.values_list("volgnummer", "naam", "is_eindstatus")) == [
        (1, "Ontvangen", False),
        (2, "Klaar", True),
    ]


def test_life_event_conditional_components():
    verhuizing = ProductFactory(naam="Verhuizing doorgeven")
    parkeren = ProductFactory(naam="Parkeervergunning")
    lg = ComponentFactory(product=verhuizing, volgorde=1).levensgebeurtenis
    ComponentFactory(
        levensgebeurtenis=lg,
        product=parkeren,
        volgorde=2,
        voorwaarde_vraag="Heeft u een auto?",
        voorwaarde_code="heeft_auto",
    )
    lg = levensgebeurtenis_get_publiek(slug=lg.slug)
    assert levensgebeurtenis_producten_bepalen(levensgebeurtenis=lg, antwoorden={}) == [verhuizing]
    assert levensgebeurtenis_producten_bepalen(
        levensgebeurtenis=lg, antwoorden={"heeft_auto": True}
    ) == [verhuizing, parkeren]


def test_inactive_or_unpublished_products_are_not_public():
    import datetime

    assert product_get_publiek(slug=ProductFactory(inactief=True).slug) is None
    morgen = datetime.date.today() + datetime.timedelta(days=2)
    assert product_get_publiek(slug=ProductFactory(publicatie_vanaf=morgen).slug) is None
    assert product_get_publiek(slug=ProductFactory().slug) is not None


def test_internal_vacs_only_for_staff(kim_kcc):
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import UserFactory

    afdeling = AfdelingFactory()
    publiek = VACFactory(afdeling=afdeling)
    intern = VACFactory(afdeling=afdeling, intern=True)
    assert set(vac_list_voor(user=kim_kcc)) == {publiek, intern}
    assert set(vac_list_voor(user=AnonymousUser())) == {publiek}
    assert set(vac_list_voor(user=UserFactory(username="burger", burger=True))) == {publiek}
