"""kcc.core.keuzes: select options over reference data read once, forgotten on a change."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from kanalen.forms import ContactmomentForm
from kcc.core import keuzes
from tests.factories import AfdelingFactory, UserFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def _opties(veld: str) -> list[tuple[str, str]]:
    return [(str(waarde), str(label)) for waarde, label in ContactmomentForm().fields[veld].choices]


def test_opties_eenmaal_gelezen_daarna_uit_de_cache(afdeling_burgerzaken, bo_burgerzaken):
    eerste = _opties("afdeling")
    assert (str(afdeling_burgerzaken.pk), str(afdeling_burgerzaken)) in eerste
    assert count_queries(lambda: _opties("afdeling")) == 0
    assert _opties("afdeling") == eerste
    assert eerste[0] == ("", "---------")  # the empty choice is the field's, not kept


def test_nieuwe_en_gewijzigde_rij_direct_zichtbaar(afdeling_burgerzaken, gemeente):
    _opties("afdeling")
    nieuw = AfdelingFactory(naam="Wijkteams", organisatie=gemeente)
    assert str(nieuw.pk) in dict(_opties("afdeling"))
    nieuw.actief = False
    nieuw.save()
    assert str(nieuw.pk) not in dict(_opties("afdeling"))
    afdeling_burgerzaken.delete()
    assert str(afdeling_burgerzaken.pk) not in dict(_opties("afdeling"))


def test_behandelaars_volgen_afdelingen_van_medewerkers(afdeling_burgerzaken, roles_ready):
    sanne = UserFactory(username="sanne", first_name="Sanne", last_name="de Vries")
    assert str(sanne.pk) not in dict(_opties("behandelaar"))
    sanne.afdelingen.add(afdeling_burgerzaken)  # m2m_changed
    assert dict(_opties("behandelaar"))[str(sanne.pk)] == "Sanne de Vries"
    sanne.is_active = False
    sanne.save()
    assert str(sanne.pk) not in dict(_opties("behandelaar"))


def test_kanaal_op_code():
    assert _opties("kanaal") == []
    from tests.kanalen.factories import kanalen_aanmaken

    kanalen = kanalen_aanmaken()  # post_save: the empty list read before is forgotten
    opties = dict(_opties("kanaal"))
    assert opties["telefoon"] == str(kanalen["telefoon"])
    assert "" not in opties  # empty_label=None: no empty choice


def test_verouderde_optie_wordt_nooit_geaccepteerd(afdeling_burgerzaken, gemeente):
    """A bulk update sends no signal: the kept list may show a row, validation refuses it."""
    _opties("afdeling")
    from productcatalogus.models import Afdeling

    Afdeling.objects.filter(pk=afdeling_burgerzaken.pk).update(actief=False)
    assert str(afdeling_burgerzaken.pk) in dict(_opties("afdeling"))  # shown until BEWAREN
    form = ContactmomentForm(
        data={
            "gestart_op": "2026-12-02T10:00:00+01:00",
            "kanaal": "telefoon",
            "resultaat": "contactverzoek",
            "afdeling": str(afdeling_burgerzaken.pk),
        }
    )
    assert not form.is_valid()
    assert "afdeling" in form.errors


def test_elke_database_eigen_lijsten(afdeling_burgerzaken):
    """Two databases sharing one cache (tests and bench on one Redis) never mix lists."""
    _opties("afdeling")
    sleutel = keuzes._cache_sleutel("contact-afdeling")
    assert cache.get(sleutel) is not None
    from django.db import connection

    assert connection.settings_dict["NAME"] in sleutel


def test_vergeten_leegt_elke_lijst(afdeling_burgerzaken):
    _opties("afdeling")
    _opties("behandelaar")
    keuzes.keuzes_vergeten()
    assert cache.get(keuzes._cache_sleutel("contact-afdeling")) is None
    assert cache.get(keuzes._cache_sleutel("contact-behandelaar")) is None


def test_inloggen_laat_de_lijsten_staan(afdeling_burgerzaken, bo_burgerzaken):
    """A login saves last_login only: no option changes, nothing is forgotten."""
    from django.contrib.auth.models import update_last_login

    _opties("behandelaar")
    update_last_login(None, bo_burgerzaken)
    assert cache.get(keuzes._cache_sleutel("contact-behandelaar")) is not None
    bo_burgerzaken.first_name = "Bo"
    bo_burgerzaken.save(update_fields=["first_name"])
    assert cache.get(keuzes._cache_sleutel("contact-behandelaar")) is None


def test_werkvoorraad_filters_per_set_afdelingen(afdeling_burgerzaken, afdeling_vergunningen):
    """The filter options are kept per set of afdelingen and forgotten when a product
    changes; a chosen product is still checked against the database."""
    from tests.productcatalogus.factories import ProductFactory
    from zaken.forms import WerkvoorraadFilterForm

    paspoort = ProductFactory(naam="Paspoort", afdeling=afdeling_burgerzaken)
    parkeren = ProductFactory(naam="Parkeervergunning", afdeling=afdeling_vergunningen)

    def producten(*afdelingen, data=None):
        form = WerkvoorraadFilterForm(data, afdeling_ids=[a.pk for a in afdelingen])
        return form, {label for _waarde, label in form.fields["product"].choices}

    assert producten(afdeling_burgerzaken)[1] == {"Alle producten", "Paspoort"}
    assert count_queries(lambda: producten(afdeling_burgerzaken)) == 0
    assert producten(afdeling_vergunningen)[1] == {"Alle producten", "Parkeervergunning"}
    beide = producten(afdeling_vergunningen, afdeling_burgerzaken)[1]
    assert beide == {"Alle producten", "Paspoort", "Parkeervergunning"}
    paspoort.naam = "Paspoort en ID-kaart"
    paspoort.save()
    assert producten(afdeling_burgerzaken)[1] == {"Alle producten", "Paspoort en ID-kaart"}
    # Another afdeling's product is refused even when a stale list would show it.
    form, _ = producten(afdeling_burgerzaken, data={"product": str(parkeren.pk)})
    assert not form.is_valid() and "product" in form.errors


def test_andere_processen_zien_een_wijziging_binnen_lokaal(afdeling_burgerzaken, monkeypatch):
    """This process keeps its copy for LOKAAL seconds without asking Redis; a change made
    in another process (which empties only the shared cache here) shows after that."""
    from productcatalogus.models import Afdeling

    assert dict(_opties("afdeling"))[str(afdeling_burgerzaken.pk)] == str(afdeling_burgerzaken)
    Afdeling.objects.filter(pk=afdeling_burgerzaken.pk).update(naam="Publiekszaken")
    cache.delete(keuzes._cache_sleutel("contact-afdeling"))  # the other process's signal
    assert "Publiekszaken" not in dict(_opties("afdeling"))[str(afdeling_burgerzaken.pk)]
    nu = keuzes.time.monotonic()
    monkeypatch.setattr(keuzes.time, "monotonic", lambda: nu + keuzes.LOKAAL + 0.1)
    assert "Publiekszaken" in dict(_opties("afdeling"))[str(afdeling_burgerzaken.pk)]


def test_zonder_redis_geen_vraag_per_lijst(afdeling_burgerzaken, monkeypatch):
    """A fresh local copy answers without the shared cache."""
    _opties("afdeling")

    class GeenCache:
        def __getattr__(self, naam):
            pytest.fail(f"gedeelde cache gevraagd ({naam})")

    monkeypatch.setattr(keuzes, "cache", GeenCache())
    assert str(afdeling_burgerzaken.pk) in dict(_opties("afdeling"))


def test_lokale_kopieen_begrensd(monkeypatch):
    """Lists of a generation another process replaced are never read again: the copies
    of a long-running process stay bounded."""
    monkeypatch.setattr(keuzes, "LOKAAL_MAX", 3)
    for i in range(10):
        keuzes._lokaal_of(f"sleutel-{i}", lambda i=i: i)
        assert len(keuzes._lokaal) <= 3
    assert keuzes._lokaal_of("sleutel-9", lambda: "opnieuw") == 9
