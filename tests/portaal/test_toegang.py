"""Security of "Mijn omgeving": every URL with an identifier, for every kind of visitor.

Maria (another citizen) gets a 404 for each of Jan's objects, anonymous visitors go to
the DigiD/eHerkenning login, staff get a 403. The list below is checked against the URL
configuration, so a new portal URL with an identifier cannot go untested.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kanalen.inbox import webformulier
from kcc.accounts import roles
from kcc.portaal.selectors import portaal_klant_ids, portaal_klanten_qs
from klanten.models import DigitaalAdres, Klant
from tests.factories import UserFactory
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.portaal.factories import maak_organisatieklant, verhuizen_aanvragen
from zaken.models import Aanvraag, Zaak
from zaken.services.zaken import zaak_claim, zaak_informatie_vragen

# Routes with an identifier of the citizen's own objects -> how the test fills them in.
EIGEN_OBJECTEN = {
    "mijn/zaken/<str:identificatie>/": ("GET", "hoofdzaak"),
    "mijn/informatieverzoeken/<int:pk>/": ("POST", "informatieverzoek"),
    "mijn/aanvragen/concept/<int:pk>/": ("POST", "concept"),
    "mijn/aanvragen/<int:pk>/ontvangen/": ("GET", "aanvraag"),
    "mijn/gegevens/adressen/<int:pk>/voorkeur/": ("POST", "telefoon"),
    "mijn/gegevens/adressen/<int:pk>/verwijderen/": ("POST", "telefoon"),
    "mijn/gegevens/adressen/<int:pk>/link/": ("POST", "email"),
}
# Routes whose parameter is not one of the citizen's objects, with where they are tested.
ANDERE_PARAMETERS = {
    # A public catalogue slug: anyone logged in may start it.
    "mijn/aanvragen/product/<slug:slug>/",
    "mijn/aanvragen/levensgebeurtenis/<slug:slug>/",
    # A signed link bound to the account: tests/portaal/test_gegevens.py (400 for another).
    "mijn/gegevens/email/bevestigen/<str:token>/",
}


def _portaal_routes(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from _portaal_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def test_every_portal_url_with_an_identifier_is_listed_here():
    met_parameter = {r for r in _portaal_routes() if r.startswith("mijn/") and "<" in r}
    assert met_parameter == set(EIGEN_OBJECTEN) | ANDERE_PARAMETERS


@pytest.fixture
def jans_objecten(jan, catalogus, roles_ready):
    bo = UserFactory(
        username="bo-t", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[catalogus["parkeren"]]
    )
    aanvraag = verhuizen_aanvragen(jan.klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    verzoek = zaak_informatie_vragen(zaak=deel, vraag="Stuur uw kentekenbewijs.", medewerker=bo)
    concept = Aanvraag.objects.create(
        klant=jan.klant, product=catalogus["verhuizing"], kanaal="webformulier"
    )
    return {
        "hoofdzaak": aanvraag.nieuwe_zaken[0].identificatie,
        "informatieverzoek": verzoek.pk,
        "concept": concept.pk,
        "aanvraag": aanvraag.pk,
        "telefoon": DigitaalAdres.objects.create(
            klant=jan.klant, soort="telefoon", waarde="+31612345678"
        ).pk,
        "email": DigitaalAdres.objects.create(
            klant=jan.klant, soort="email", waarde="jan@example.nl"
        ).pk,
    }


def _urls(objecten):
    for route, (method, sleutel) in EIGEN_OBJECTEN.items():
        waarde = objecten[sleutel]
        yield method, "/" + route.split("<")[0] + str(waarde) + "/" + route.split(">/", 1)[1]


def _vraag(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, {"antwoord": "x"})


def test_other_citizen_gets_404_everywhere(client, maria, jans_objecten, jan):
    client.force_login(maria)
    for method, url in _urls(jans_objecten):
        assert _vraag(client, method, url).status_code == 404, url
        if method == "POST":
            assert client.get(url).status_code in (404, 405), url
    # Nothing of Jan's changed.
    assert DigitaalAdres.objects.filter(klant=jan.klant).count() == 2
    assert Aanvraag.objects.filter(klant=jan.klant, status="concept").exists()
    # And Jan himself may (the same URLs, so the 404 above is not a broken URL).
    client.force_login(jan)
    method, url = next(_urls(jans_objecten))
    assert _vraag(client, method, url).status_code == 200


def test_anonymous_visitor_is_sent_to_the_citizen_login(jans_objecten):
    client = Client()
    for method, url in _urls(jans_objecten):
        response = _vraag(client, method, url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], url


@pytest.mark.parametrize(
    "rol", [roles.KCC_MEDEWERKER, roles.BACKOFFICE_MEDEWERKER, roles.FUNCTIONEEL_BEHEERDER]
)
def test_staff_get_403_on_citizen_pages(client, jans_objecten, rol):
    client.force_login(UserFactory(username=f"staf-{rol}", rol=rol))
    for method, url in _urls(jans_objecten):
        assert _vraag(client, method, url).status_code == 403, url
    for url in ("/mijn/", "/mijn/berichten/", "/mijn/gegevens/", "/mijn/gegevens/inzage/"):
        assert client.get(url).status_code == 403, url


# --- Businesses (eHerkenning): the organisation's records, by KVK-nummer ---------------------


def test_kvk_scope_is_every_vestiging_of_the_own_kvk_number_only(bakkerij, buurthuis, jan):
    tweede_vestiging = maak_organisatieklant("69599084", "000038509491", "Bakkerij Filiaal")
    samengevoegd = maak_organisatieklant("69599084", "000038509492", "Dubbel")
    Klant.objects.filter(pk=samengevoegd.pk).update(samengevoegd_in=bakkerij.klant)
    assert set(portaal_klant_ids(user=bakkerij)) == {bakkerij.klant.pk, tweede_vestiging.pk}
    assert portaal_klant_ids(user=buurthuis) == [buurthuis.klant.pk]
    # A person never sees organisation records and a company never a person's.
    assert list(portaal_klanten_qs(user=jan)) == [jan.klant]
    assert jan.klant.pk not in portaal_klant_ids(user=bakkerij)


def test_staff_account_without_portal_identity_has_no_scope(kim_kcc, jan):
    assert portaal_klant_ids(user=kim_kcc) == []


def test_business_sees_own_zaken_and_contacts_not_another_organisations(
    client, bakkerij, buurthuis, catalogus
):
    from zaken.services.aanvragen import aanvraag_indienen

    filiaal = maak_organisatieklant("69599084", "000038509491", "Bakkerij Filiaal")
    zaak = aanvraag_indienen(
        klant=filiaal,
        product=catalogus["parkeervergunning"],
        antwoorden={"kenteken": "BK-01-KR"},
        kanaal="webformulier",
    ).nieuwe_zaken[0]
    ContactmomentFactory(
        klant=bakkerij.klant, vragen=[("Vraag over de terrasvergunning", "", None, None)]
    )
    ContactverzoekFactory(
        contactmoment__klant=bakkerij.klant,
        vraag="Bel de bakker terug",
        afdeling=catalogus["parkeren"],
    )
    webformulier.vraag_stellen(
        naam="Bakker",
        email="bakker@example.nl",
        onderwerp="Reclamebord",
        vraag="Mag dat?",
        klant=bakkerij.klant,
    )

    client.force_login(bakkerij)
    page = client.get("/mijn/").content.decode()
    assert zaak.identificatie in page
    assert "Vraag over de terrasvergunning" in page and "Bel de bakker terug" in page
    assert "Reclamebord" in page
    assert client.get(f"/mijn/zaken/{zaak.identificatie}/").status_code == 200

    client.force_login(buurthuis)
    page = client.get("/mijn/").content.decode()
    for tekst in (zaak.identificatie, "terrasvergunning", "Bel de bakker", "Reclamebord"):
        assert tekst not in page
    assert client.get(f"/mijn/zaken/{zaak.identificatie}/").status_code == 404
