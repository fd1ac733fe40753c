"""Every URL of the project has an explicit access rule, and the rule holds.

The matrix is generated from the URL configuration: a new page or endpoint without
``@role_required``/``@public`` (or a DRF permission from ``kcc.core.permissions``)
fails this test. Every URL is also requested as every persona (staff roles, another
afdeling, a citizen, a business) and anonymously; URLs with parameters get real objects
from the registry ``SAMPLES``, which a new URL must extend.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kcc.accounts import roles

# Third-party URL trees with their own access rules, checked separately below.
EXTERNAL_PREFIXES = ("beheer/", "accounts/", "i18n/", "media/")
# Parts of the API that are documentation, open on purpose.
PUBLIC_API = ("api/v1/", "api/v1/schema/", "api/v1/docs/")

PERSONA_ROLE = {
    "kcc_medewerker": roles.KCC_MEDEWERKER,
    "teamleider": roles.TEAMLEIDER,
    "backoffice_medewerker": roles.BACKOFFICE_MEDEWERKER,
    "backoffice_andere_afdeling": roles.BACKOFFICE_MEDEWERKER,
    "functioneel_beheerder": roles.FUNCTIONEEL_BEHEERDER,
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _rule(callback):
    """('public',) or ('roles', names) or None when the view has no explicit rule."""
    if getattr(callback, "kcc_public", False):
        return ("public", ())
    if getattr(callback, "kcc_roles", None):
        return ("roles", callback.kcc_roles)
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None:
        if getattr(cls, "kcc_public", False):
            return ("public", ())
        if getattr(cls, "kcc_roles", None):
            return ("roles", cls.kcc_roles)
        for perm in getattr(cls, "permission_classes", ()):
            if getattr(perm, "kcc_public", False):
                return ("public", ())
            if getattr(perm, "kcc_roles", None):
                return ("roles", perm.kcc_roles)
    return None


def _own_urls():
    for route, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(EXTERNAL_PREFIXES):
            continue
        yield route, pattern


def _concrete(route: str) -> str | None:
    if "<" in route or "(" in route or "\\" in route:
        return None
    return "/" + route.lstrip("^").rstrip("$")


def test_every_url_has_an_explicit_rule():
    missing = []
    for route, pattern in _own_urls():
        if route in PUBLIC_API:
            continue
        if _rule(pattern.callback) is None:
            missing.append(route)
    assert not missing, f"URL's zonder expliciete toegangsregel: {missing}"


# --- Requesting every URL as every persona ------------------------------------------------

# Personas of tests/conftest.py plus a citizen (DigiD) and a business (eHerkenning); the
# "role" of a citizen is its account kind, as kcc.portaal.permissions names it.
PERSONA_ROLE.update({"burger": "burger", "ondernemer": "ondernemer"})

# URLs that are not requested, with the reason.
NIET_OPGEVRAAGD = {
    # Django's static file view for uploads, mounted in DEBUG only.
    "^media/(?P<path>.*)$": "alleen in DEBUG; uploads worden via eigen views geserveerd",
}


@dataclass
class Wereld:
    """One of everything a URL can point at: owned by Jan, handled by Burgerzaken."""

    klant_id: int
    zaak: str
    product_id: int
    chat_id: int
    aanvraag_id: int
    concept_id: int
    product: str
    levensgebeurtenis: str
    vac_id: int
    vac_slug: str
    bericht_id: int
    bijlage_id: int
    afspraak_id: int
    afspraak_code: str
    signalering_id: int
    contactverzoek_id: int
    informatieverzoek_id: int
    document_id: int
    adres_id: int


# Route -> the URL parameters, from the world. A new URL with parameters fails
# test_every_url_with_parameters_has_a_sample until it is added here.
SAMPLES = {
    "api/v1/zaken/<str:id>/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/statussen/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/claim/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/release/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/transfer/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/status/": lambda w: {"id": w.zaak},
    "api/v1/zaken/<str:id>/resolve/": lambda w: {"id": w.zaak},
    "api/v1/producten/<slug:slug>/": lambda w: {"slug": w.product},
    "api/v1/levensgebeurtenissen/<slug:slug>/": lambda w: {"slug": w.levensgebeurtenis},
    "api/v1/vacs/<int:pk>/": lambda w: {"pk": w.vac_id},
    "api/v1/klanten/<int:klant_id>/": lambda w: {"klant_id": w.klant_id},
    "api/v1/klanten/<int:klant_id>/digitale-adressen/": lambda w: {"klant_id": w.klant_id},
    "api/v1/klanten/<int:klant_id>/contactmomenten/": lambda w: {"klant_id": w.klant_id},
    "api/v1/contactverzoeken/<int:contactverzoek_id>/": lambda w: {
        "contactverzoek_id": w.contactverzoek_id
    },
    "api/v1/inbox/berichten/<int:bericht_id>/claimen": lambda w: {"bericht_id": w.bericht_id},
    "console/kennisbank/vac/<int:pk>/": lambda w: {"pk": w.vac_id},
    "console/klanten/<int:klant_id>/": lambda w: {"klant_id": w.klant_id},
    "console/klanten/<int:klant_id>/contact/": lambda w: {"klant_id": w.klant_id},
    "console/klanten/<int:klant_id>/gegevens/": lambda w: {"klant_id": w.klant_id},
    "console/klanten/<int:klant_id>/samenvoegen/": lambda w: {"klant_id": w.klant_id},
    "console/klanten/<int:klant_id>/aanvraag/": lambda w: {"klant_id": w.klant_id},
    "console/klanten/<int:klant_id>/aanvraag/intake/": lambda w: {
        "klant_id": w.klant_id,
        "?": f"product={w.product_id}",
    },
    "console/aanvragen/<int:aanvraag_id>/": lambda w: {"aanvraag_id": w.aanvraag_id},
    "console/zaken/<str:identificatie>/": lambda w: {"identificatie": w.zaak},
    "console/zaken/<str:identificatie>/aanspreekpunt/": lambda w: {"identificatie": w.zaak},
    "console/regie/signaleringen/<int:pk>/gezien/": lambda w: {"pk": w.signalering_id},
    "console/regie/signaleringen/<int:pk>/": lambda w: {"pk": w.signalering_id},
    "console/inbox/afspraken/<int:afspraak_id>/bezoek/": lambda w: {"afspraak_id": w.afspraak_id},
    "console/inbox/<int:bericht_id>/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/claimen/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/vrijgeven/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/antwoorden/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/overdragen/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/overdragen-zaak/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/klant-koppelen/": lambda w: {"bericht_id": w.bericht_id},
    "console/inbox/<int:bericht_id>/chat/": lambda w: {"bericht_id": w.chat_id},
    "console/inbox/<int:bericht_id>/chat/beeindigen/": lambda w: {"bericht_id": w.chat_id},
    "console/inbox/bijlagen/<int:bijlage_id>/": lambda w: {"bijlage_id": w.bijlage_id},
    "backoffice/zaken/<str:identificatie>/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/claimen/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/vrijgeven/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/overdragen/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/status/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/informatie/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/informatie/<int:pk>/antwoord/": lambda w: {
        "identificatie": w.zaak,
        "pk": w.informatieverzoek_id,
    },
    "backoffice/zaken/<str:identificatie>/verlengen/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/notitie/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/documenten/": lambda w: {"identificatie": w.zaak},
    "backoffice/zaken/<str:identificatie>/documenten/<int:pk>/": lambda w: {
        "identificatie": w.zaak,
        "pk": w.document_id,
    },
    "backoffice/zaken/<str:identificatie>/afsluiten/": lambda w: {"identificatie": w.zaak},
    "backoffice/contactverzoeken/<int:contactverzoek_id>/": lambda w: {
        "contactverzoek_id": w.contactverzoek_id
    },
    "mijn/zaken/<str:identificatie>/": lambda w: {"identificatie": w.zaak},
    "mijn/gegevens/adressen/<int:pk>/voorkeur/": lambda w: {"pk": w.adres_id},
    "mijn/gegevens/adressen/<int:pk>/verwijderen/": lambda w: {"pk": w.adres_id},
    "mijn/gegevens/adressen/<int:pk>/link/": lambda w: {"pk": w.adres_id},
    "mijn/gegevens/email/bevestigen/<str:token>/": lambda w: {"token": "geen-geldig-token"},
    "mijn/aanvragen/product/<slug:slug>/": lambda w: {"slug": w.product},
    "mijn/aanvragen/levensgebeurtenis/<slug:slug>/": lambda w: {"slug": w.levensgebeurtenis},
    "mijn/aanvragen/concept/<int:pk>/": lambda w: {"pk": w.concept_id},
    "mijn/aanvragen/<int:pk>/ontvangen/": lambda w: {"pk": w.aanvraag_id},
    "mijn/informatieverzoeken/<int:pk>/": lambda w: {"pk": w.informatieverzoek_id},
    "producten/levensgebeurtenissen/<slug:slug>/": lambda w: {"slug": w.levensgebeurtenis},
    "producten/vragen/<slug:slug>/": lambda w: {"slug": w.vac_slug},
    "producten/<slug:slug>/": lambda w: {"slug": w.product},
    "vraag/afspraak/annuleren/<str:code>/": lambda w: {"code": w.afspraak_code},
    "demo-kvk/api/v1/basisprofielen/<str:kvk_nummer>": lambda w: {"kvk_nummer": "69599084"},
}

# Public from Django's view, guarded by their own key like the real API they stand in for.
EIGEN_SLEUTEL = {"demo-kvk/api/v1/basisprofielen/<str:kvk_nummer>": 401}

# Personas that hold the role but not the object: they must get a 404, never the data.
AFDELING_BURGERZAKEN = {"backoffice_andere_afdeling": 404}
EIGEN_KLANT = {"ondernemer": 404}
SCOPE = {
    **{
        route: AFDELING_BURGERZAKEN
        for route in SAMPLES
        if route.startswith(("backoffice/", "api/v1/zaken/", "api/v1/contactverzoeken/"))
    },
    **{
        route: EIGEN_KLANT
        for route in SAMPLES
        if route.startswith(("mijn/zaken/", "mijn/gegevens/adressen/", "mijn/informatieverzoeken/"))
        or route.startswith(("mijn/aanvragen/concept/", "mijn/aanvragen/<int:pk>/"))
    },
}


def _pad(route: str, kwargs: dict) -> str:
    pad = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)
    query = f"?{kwargs['?']}" if "?" in kwargs else ""
    return "/" + pad.lstrip("^").rstrip("$") + query


@pytest.fixture
def wereld(personas, bo_burgerzaken, afdeling_burgerzaken, burger, settings, tmp_path):
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from kanalen.inbox.models import Afspraak, BalieLocatie, Bijlage, Tijdslot
    from kcc.normen.models import Signalering
    from klanten.models import DigitaalAdres
    from tests.inbox.factories import InkomendBerichtFactory
    from tests.kanalen.factories import ContactverzoekFactory
    from tests.productcatalogus.factories import (
        LevensgebeurtenisFactory,
        ProductFactory,
        VACFactory,
    )
    from tests.zaken.factories import ZaakFactory
    from zaken.models import Aanvraag, Informatieverzoek, Zaak, ZaakDocument

    settings.MEDIA_ROOT = tmp_path
    klant = burger.klant
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    zaak = ZaakFactory(product=product, klant=klant)
    vac = VACFactory(afdeling=afdeling_burgerzaken)
    bericht = InkomendBerichtFactory(klant=klant)
    slot = Tijdslot.objects.create(
        locatie=BalieLocatie.objects.create(naam="Stadhuis"),
        begint_op=timezone.now() + datetime.timedelta(days=1),
    )
    afspraak = Afspraak.objects.create(
        tijdslot=slot, naam="Jan", email="jan@example.nl", code="matrix-code", klant=klant
    )
    signalering = Signalering.objects.create(
        content_type=ContentType.objects.get_for_model(Zaak),
        object_id=zaak.pk,
        soort=Signalering.Soort.WAARSCHUWING,
        objectsoort=Signalering.Objectsoort.ZAAK,
        kenmerk=zaak.identificatie,
        afdeling=afdeling_burgerzaken,
        deadline=timezone.now() + datetime.timedelta(days=1),
        aangemaakt_op=timezone.now(),
    )
    from kcc.core.services import heartbeat_record
    from tests.inbox.factories import GesprekFactory

    heartbeat_record()  # /health/ answers 200, not 503
    return Wereld(
        klant_id=klant.pk,
        zaak=zaak.identificatie,
        product_id=product.pk,
        chat_id=InkomendBerichtFactory(klant=klant, gesprek=GesprekFactory(kanaal="chat")).pk,
        aanvraag_id=zaak.aanvraag_id,
        concept_id=Aanvraag.objects.create(klant=klant, product=product, kanaal="webformulier").pk,
        product=product.slug,
        levensgebeurtenis=LevensgebeurtenisFactory().slug,
        vac_id=vac.pk,
        vac_slug=vac.slug,
        bericht_id=bericht.pk,
        bijlage_id=Bijlage.objects.create(
            bericht=bericht,
            bestand=ContentFile(b"tekst", name="brief.txt"),
            naam="brief.txt",
            content_type="text/plain",
            grootte=5,
        ).pk,
        afspraak_id=afspraak.pk,
        afspraak_code=afspraak.code,
        signalering_id=signalering.pk,
        contactverzoek_id=ContactverzoekFactory(
            afdeling=afdeling_burgerzaken, contactmoment__klant=klant
        ).pk,
        informatieverzoek_id=Informatieverzoek.objects.create(
            zaak=zaak, vraag="Stuur uw kentekenbewijs.", gevraagd_door=bo_burgerzaken
        ).pk,
        document_id=ZaakDocument.objects.create(
            zaak=zaak,
            bestand=ContentFile(b"%PDF-1.4", name="besluit.pdf"),
            naam="besluit.pdf",
            content_type="application/pdf",
            grootte=8,
        ).pk,
        adres_id=DigitaalAdres.objects.create(
            klant=klant, soort="telefoon", waarde="+31612345678"
        ).pk,
    )


@pytest.fixture
def burger(db):
    """Jan, a citizen (DigiD) who owns the world's zaak, aanvraag and adres."""
    from tests.portaal.factories import KlantFactory, PortaalUserFactory

    user = PortaalUserFactory(username="jan-matrix", identiteit__bsn="999993008")
    user.klant = KlantFactory(bsn="999993008")
    return user


@pytest.fixture
def ondernemer(db):
    """An ondernemer (eHerkenning) of another organisation: none of the world is theirs."""
    from tests.portaal.factories import PortaalUserFactory, maak_organisatieklant

    user = PortaalUserFactory(
        username="bakker-matrix", soort="ondernemer", identiteit__kvk="69599084"
    )
    user.klant = maak_organisatieklant("69599084", "000038509490", "Bakkerij B.V.")
    return user


@pytest.fixture
def alle_personas(personas, burger, ondernemer):
    return {**personas, "burger": burger, "ondernemer": ondernemer}


def _routes():
    """(route, path or None, rule) of every own URL that is requested."""
    for route, pattern in _own_urls():
        rule = _rule(pattern.callback)
        if route in PUBLIC_API or route in NIET_OPGEVRAAGD or rule is None:
            continue
        yield route, rule


def _verwacht(route: str, rule, persona: str | None) -> str:
    """What a GET must give: 'ok', 'login', 'staff-login', 403, 404 or 'api-weg'."""
    if rule[0] == "public":
        return str(EIGEN_SLEUTEL.get(route, "ok"))
    if persona is None:
        if route.startswith("api/"):
            return "api-weg"
        return "portaal-login" if route.startswith("mijn/") else "login"
    if PERSONA_ROLE[persona] not in rule[1]:
        return "403"
    return str(SCOPE.get(route, {}).get(persona, "ok"))


def _klopt(verwacht: str, response) -> bool:
    status = response.status_code
    if verwacht == "404" and response.request["REQUEST_METHOD"] == "POST":
        # The POST retry of a POST-only endpoint: 400 is the empty input refused before
        # any object is looked up (the same answer for any identifier).
        return status in (400, 404)
    if verwacht == "ok":
        # Allowed: no refusal and no server error. 405: a POST-only endpoint; 400: the
        # sample is not valid for that operation (a signed token, say).
        return status not in (401, 403, 404) and status < 500
    if verwacht == "api-weg":
        return status in (401, 403)
    if verwacht == "login":
        return status == 302 and "/accounts/login/" in response["Location"]
    if verwacht == "portaal-login":
        return status == 302 and "/inloggen/" in response["Location"]
    return status == int(verwacht)


def test_every_url_with_parameters_has_a_sample():
    met_parameter = {route for route, _rule in _routes() if "<" in route or "(" in route}
    assert met_parameter - set(SAMPLES) == set(), "voeg een voorbeeld toe aan SAMPLES"
    assert set(SAMPLES) - met_parameter == set(), "SAMPLES noemt een URL die niet meer bestaat"


@pytest.mark.django_db
def test_matrix_every_url_every_persona(alle_personas, wereld):
    clients = {None: Client()}
    for naam, user in alle_personas.items():
        clients[naam] = Client()
        clients[naam].force_login(user)
    fouten = []
    aangevraagd = set()
    for route, rule in _routes():
        pad = _pad(route, SAMPLES[route](wereld)) if route in SAMPLES else _concrete(route)
        for persona, client in clients.items():
            verwacht = _verwacht(route, rule, persona)
            response = client.get(pad)
            if verwacht == "404" and response.status_code == 405:
                # A POST-only endpoint: the scope check must refuse the POST itself.
                response = client.post(pad, {})
            if not _klopt(verwacht, response):
                fouten.append((pad, persona or "anoniem", verwacht, response.status_code))
        aangevraagd.add(route)
    assert not fouten, "\n".join(map(str, fouten))
    # Exactly every own URL with a rule, minus the listed exceptions: nothing skipped.
    alle = {route for route, _pattern in _own_urls() if route not in PUBLIC_API}
    assert aangevraagd == alle - set(NIET_OPGEVRAAGD)


# Beheer (Django admin) and the allauth pages: a sample of what each persona may open.
BEHEER_EN_ACCOUNTS = [
    # path, personas that get it (others: login page of beheer or accounts)
    ("/beheer/", {"functioneel_beheerder"}),
    ("/beheer/accounts/user/", {"functioneel_beheerder"}),
    ("/beheer/zaken/zaak/", {"functioneel_beheerder"}),
    ("/beheer/productcatalogus/product/", {"functioneel_beheerder"}),
    # allauth's own page, for any logged-in account; a citizen's TOTP is never used (the
    # staff login refuses citizens, kcc.accounts.adapters).
    ("/accounts/2fa/", set(PERSONA_ROLE)),
]


@pytest.mark.django_db
def test_beheer_and_accounts(alle_personas):
    for pad, wie in BEHEER_EN_ACCOUNTS:
        anoniem = Client().get(pad)
        assert anoniem.status_code == 302, pad
        for persona, user in alle_personas.items():
            client = Client()
            client.force_login(user)
            response = client.get(pad)
            if persona in wie:
                assert response.status_code == 200, (pad, persona, response.status_code)
            else:
                assert response.status_code in (302, 403), (pad, persona, response.status_code)
                if response.status_code == 302:
                    assert "login" in response["Location"] or "inloggen" in response["Location"]


@pytest.mark.django_db
def test_beheer_only_for_staff_flag(personas):
    for persona, user in personas.items():
        client = Client()
        client.force_login(user)
        response = client.get("/beheer/")
        if persona == "functioneel_beheerder":
            assert response.status_code == 200
        else:
            assert response.status_code == 302, persona
    assert Client().get("/beheer/").status_code == 302


@pytest.mark.django_db
def test_citizen_never_enters_staff_shells(db):
    from tests.factories import UserFactory

    burger = UserFactory(username="burger", burger=True)
    client = Client()
    client.force_login(burger)
    for path in ("/console/", "/console/regie/", "/backoffice/", "/ik/"):
        assert client.get(path).status_code == 403, path
