import pytest
from django.contrib.admin.sites import site
from django.test import Client, RequestFactory

from kcc.audit.models import Verwerking
from kcc.audit.services import SYSTEEM, verwerking_vastleggen
from tests.klanten.factories import KlantFactory
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db
URL = "/console/regie/verwerkingen/"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_vastleggen_in_een_insert(kim_kcc, django_assert_num_queries):
    klanten = [KlantFactory() for _ in range(5)]
    with django_assert_num_queries(1):
        verwerking_vastleggen(
            klant_ids=[k.pk for k in klanten], medewerker=kim_kcc, actie="gezocht", scherm="x"
        )
    assert Verwerking.objects.filter(medewerker=kim_kcc, wie=kim_kcc.get_full_name()).count() == 5


def test_vastleggen_tijdstip_dubbelen_en_grote_lijsten(kim_kcc, django_assert_num_queries):
    """The rows read back as the ORM wrote them: the moment (aware, on both databases),
    each klant once, 101 klanten in one INSERT (SQLite: per 100), nothing for none."""
    import datetime

    from django.utils import timezone

    klanten = [KlantFactory() for _ in range(101)]
    voor = timezone.now()
    from django.db import connection

    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        aantal = verwerking_vastleggen(
            klant_ids=[k.pk for k in klanten] + [klanten[0].pk],
            medewerker=kim_kcc,
            actie=Verwerking.Actie.GELEZEN,
            scherm="backoffice werkvoorraad",
            toelichting="t" * 400,
        )
    assert aantal == 101
    rijen = Verwerking.objects.filter(medewerker=kim_kcc)
    assert sorted(rijen.values_list("klant_id", flat=True)) == sorted(k.pk for k in klanten)
    rij = rijen.first()
    assert voor <= rij.tijdstip <= timezone.now() + datetime.timedelta(seconds=1)
    assert rij.tijdstip.tzinfo is not None
    assert (rij.actie, rij.functie, len(rij.toelichting)) == ("gelezen", kim_kcc.functie, 300)
    with django_assert_num_queries(0):
        assert (
            verwerking_vastleggen(klant_ids=[], medewerker=kim_kcc, actie="gelezen", scherm="x")
            == 0
        )


def test_klant_of_medewerker_met_verwerkingen_niet_te_verwijderen(kim_kcc):
    """The log has no foreign-key constraint in the database (the INSERT of a list page
    stays cheap), so Django's PROTECT is what keeps its klanten and medewerkers."""
    from django.db.models import ProtectedError

    klant = KlantFactory()
    verwerking_vastleggen(klant_ids=[klant.pk], medewerker=kim_kcc, actie="gelezen", scherm="x")
    with pytest.raises(ProtectedError):
        klant.delete()
    with pytest.raises(ProtectedError):
        kim_kcc.delete()
    assert Verwerking.objects.filter(klant=klant, medewerker=kim_kcc).count() == 1


def test_onbekende_actie_geweigerd(kim_kcc):
    klant = KlantFactory()
    with pytest.raises(ValueError, match="Onbekende actie"):
        verwerking_vastleggen(klant_ids=[klant.pk], medewerker=kim_kcc, actie="bekeken", scherm="x")
    assert not Verwerking.objects.exists()


def test_systeem_zonder_medewerker():
    klant = KlantFactory()
    verwerking_vastleggen(klant_ids=[klant.pk], medewerker=None, actie="gewijzigd", scherm="taak")
    assert Verwerking.objects.get().wie == SYSTEEM


def test_teamleider_zoekt_in_log(tom_teamleider, kim_kcc):
    a, b = KlantFactory(), KlantFactory()
    verwerking_vastleggen(
        klant_ids=[a.pk], medewerker=kim_kcc, actie="gelezen", scherm="console/klantbeeld"
    )
    verwerking_vastleggen(
        klant_ids=[b.pk], medewerker=kim_kcc, actie="gewijzigd", scherm="console/klantgegevens"
    )
    html = _client(tom_teamleider).get(URL, {"klant": a.pk}).content.decode()
    assert "console/klantbeeld" in html and "console/klantgegevens" not in html
    html = _client(tom_teamleider).get(URL, {"actie": "gewijzigd"}).content.decode()
    assert "console/klantgegevens" in html and "console/klantbeeld" not in html


def test_alleen_teamleider(personas):
    assert Client().get(URL).status_code == 302
    for naam, user in personas.items():
        assert _client(user).get(URL).status_code == (200 if naam == "teamleider" else 403), naam


def test_lijst_constant_aantal_queries(tom_teamleider, kim_kcc):
    client = _client(tom_teamleider)

    def grow():
        verwerking_vastleggen(
            klant_ids=[KlantFactory().pk for _ in range(4)],
            medewerker=kim_kcc,
            actie="gelezen",
            scherm="s",
        )

    grow()
    assert_constant_queries(lambda: client.get(URL), grow, label="verwerkingen")


def test_admin_is_alleen_lezen(fenna_beheer):
    admin = site._registry[Verwerking]
    request = RequestFactory().get("/")
    request.user = fenna_beheer
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
