"""Constant query counts on the customer record's pages and endpoints, the contact pages
and the backoffice contactverzoek detail, whatever the amount of data behind them."""

import pytest

from kanalen.models import ContactverzoekPoging
from klanten import services
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.clients import api, ingelogd
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory
from tests.productcatalogus.factories import VACFactory
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def _meer_contactgegevens(klant, medewerker):
    """Addresses, consents and history rows of every kind."""

    def grow():
        adres = DigitaalAdresFactory(klant=klant, voorkeur=False)
        services.digitaal_adres_verifieren(adres=adres, medewerker=medewerker)
        services.toestemming_vastleggen(
            klant=klant,
            soort="gegevens_delen_met",
            derde_partij=f"Partij {adres.pk}",
            verleend=True,
            medewerker=medewerker,
        )
        kanaal = "email" if klant.voorkeurskanaal != "email" else "balie"
        services.klant_voorkeuren_wijzigen(
            klant=klant, voorkeurskanaal=kanaal, voorkeurstaal="nl", medewerker=medewerker
        )

    return grow


def test_gegevens_pagina(kim_kcc):
    klant = KlantFactory()
    client = ingelogd(kim_kcc)
    grow = _meer_contactgegevens(klant, kim_kcc)
    grow()
    assert_constant_queries(
        lambda: client.get(f"/console/klanten/{klant.pk}/gegevens/"), grow, label="gegevens"
    )


def test_samenvoegen_pagina(tom_teamleider):
    behouden, opheffen = KlantFactory(), KlantFactory()
    client = ingelogd(tom_teamleider)

    def grow():
        for _ in range(3):
            DigitaalAdresFactory(klant=opheffen, voorkeur=False)
            ContactmomentFactory(klant=opheffen)

    grow()
    assert_constant_queries(
        lambda: client.get(
            f"/console/klanten/{behouden.pk}/samenvoegen/", {"opheffen": opheffen.pk}
        ),
        grow,
        label="samenvoegen",
    )
    assert (
        "Ja, samenvoegen"
        in client.get(
            f"/console/klanten/{behouden.pk}/samenvoegen/", {"opheffen": opheffen.pk}
        ).content.decode()
    )


def _meer_vacs():
    for i in range(3):
        VACFactory(vraag=f"Hoe vraag ik een parkeervergunning aan {i}?", trefwoorden="parkeren")


def test_anoniem_contact_en_kennisbank_paneel(kim_kcc, kanalen):
    client = ingelogd(kim_kcc)
    _meer_vacs()
    assert_constant_queries(
        lambda: client.get("/console/contact/anoniem/", {"kq": "parkeren"}),
        _meer_vacs,
        label="anoniem contact",
    )
    assert_constant_queries(
        lambda: client.get("/console/contact/kennisbank/", {"kq": "parkeren", "doel": "vragen-0"}),
        _meer_vacs,
        label="kennisbank paneel",
    )
    paneel = client.get("/console/contact/kennisbank/", {"kq": "parkeren"}).content.decode()
    assert paneel.count('name="vragen-0-vac"') >= 6  # the growing data is really shown


def test_backoffice_contactverzoek_detail(bo_burgerzaken, afdeling_burgerzaken, kanalen):
    cv = ContactverzoekFactory(
        afdeling=afdeling_burgerzaken,
        contactmoment__vragen=[("Vraag 1", "a", None, None), ("Vraag 2", "b", None, None)],
    )
    client = ingelogd(bo_burgerzaken)

    def grow():
        for _ in range(3):
            ContactverzoekPoging.objects.create(
                contactverzoek=cv, medewerker=bo_burgerzaken, uitkomst="niet_bereikt"
            )

    grow()
    assert_constant_queries(
        lambda: client.get(f"/backoffice/contactverzoeken/{cv.pk}/"), grow, label="cv detail"
    )


def test_api_klanten_zoeken_detail_en_adressen(kim_kcc):
    client = api(kim_kcc)
    klant = KlantFactory(geslachtsnaam="Veenstra")

    def meer_klanten():
        for _ in range(3):
            DigitaalAdresFactory(klant=KlantFactory(geslachtsnaam="Veenstra"))

    def meer_adressen():
        for _ in range(3):
            DigitaalAdresFactory(klant=klant, voorkeur=False)

    meer_klanten()
    meer_adressen()
    assert_constant_queries(
        lambda: client.get("/api/v1/klanten/", {"zoek": "veenstra"}), meer_klanten, label="zoek"
    )
    assert_constant_queries(
        lambda: client.get(f"/api/v1/klanten/{klant.pk}/"), meer_adressen, label="klant"
    )
    assert_constant_queries(
        lambda: client.get(f"/api/v1/klanten/{klant.pk}/digitale-adressen/"),
        meer_adressen,
        label="digitale adressen",
    )
