"""Who may do what: every backoffice action, the API actions, the console intake, hoofdzaken.

Personas (tests/conftest.py): Bo (backoffice Burgerzaken, the behandelaar), Vera
(backoffice of another afdeling), Kim (KCC-medewerker, another role), Tom (teamleider),
anonymous; for the API also another organisation's token.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from kcc.accounts import roles
from tests.factories import OrganisatieFactory, UserFactory
from tests.productcatalogus.factories import ProductFactory, StatustypeFactory
from tests.queries import assert_constant_queries
from tests.zaken.conftest import EXTERN_TOKEN
from tests.zaken.factories import ZaakFactory
from zaken import errors
from zaken.errors import ZaakFout, ZaakGeenToegang
from zaken.models import Informatieverzoek, Zaak
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.koppelingen import externe_koppeling_instellen
from zaken.services.zaken import zaak_afsluiten, zaak_claim, zaak_informatie_vragen

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def product(afdeling_burgerzaken):
    product = ProductFactory(
        afdeling=afdeling_burgerzaken,
        naam="Uittreksel",
        doorlooptijd_werkdagen=20,
        opschorting_toegestaan=True,
        verlenging_toegestaan=True,
    )
    StatustypeFactory(product=product, volgnummer=1, naam="Ontvangen")
    StatustypeFactory(product=product, volgnummer=2, naam="In behandeling")
    return product


@pytest.fixture
def zaak(product, bo_burgerzaken):
    return ZaakFactory(
        product=product,
        behandelaar=bo_burgerzaken,
        uiterlijke_einddatum=timezone.localdate() + datetime.timedelta(days=28),
    )


def _verzoek(zaak, bo) -> Informatieverzoek:
    return zaak_informatie_vragen(zaak=zaak, vraag="Stuur uw paspoort", medewerker=bo)


# (url suffix, POST data, what the behandelaar's success changed) per backoffice action.
def _acties(zaak, bo, afdeling_vergunningen):
    statustype = zaak.product.statustypen.get(volgnummer=2)
    return {
        "status": ("status/", {"status-statustype": statustype.pk}),
        "overdragen": (
            "overdragen/",
            {"overdragen-afdeling": afdeling_vergunningen.pk, "overdragen-reden": "Verkeerd"},
        ),
        "informatie": ("informatie/", {"info-vraag": "Stuur een kopie"}),
        "antwoord": (
            lambda: f"informatie/{_verzoek(zaak, bo).pk}/antwoord/",
            {"antwoord-antwoord": "Is gestuurd"},
        ),
        "verlengen": ("verlengen/", {"verlengen-werkdagen": 5, "verlengen-reden": "Drukte"}),
        "notitie": ("notitie/", {"notitie-tekst": "Gebeld"}),
        "document": (
            "documenten/",
            lambda: {"document-bestand": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")},
        ),
        "afsluiten": ("afsluiten/", {"afsluiten-resultaat": "Verstuurd"}),
        "vrijgeven": ("vrijgeven/", {}),
    }


ACTIES = [
    "status",
    "overdragen",
    "informatie",
    "antwoord",
    "verlengen",
    "notitie",
    "document",
    "afsluiten",
    "vrijgeven",
]


def _post(client, zaak, actie, bo, afdeling_vergunningen):
    pad, data = _acties(zaak, bo, afdeling_vergunningen)[actie]
    pad = pad() if callable(pad) else pad
    data = data() if callable(data) else data
    return client.post(f"/backoffice/zaken/{zaak.identificatie}/{pad}", data)


@pytest.mark.parametrize("actie", ACTIES)
def test_backoffice_actie_behandelaar_mag(
    actie, zaak, bo_burgerzaken, afdeling_vergunningen, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = _post(_client(bo_burgerzaken), zaak, actie, bo_burgerzaken, afdeling_vergunningen)
    assert response.status_code == 302, response.content.decode()[:500]
    zaak.refresh_from_db()
    gevolg = {
        "status": lambda: zaak.status.volgnummer == 2,
        "overdragen": lambda: zaak.afdeling == afdeling_vergunningen,
        "informatie": lambda: zaak.opgeschort_sinds is not None,
        "antwoord": lambda: (
            zaak.opgeschort_sinds is None
            and not zaak.informatieverzoeken.filter(beantwoord_op__isnull=True).exists()
        ),
        "verlengen": lambda: zaak.verlengd,
        "notitie": lambda: zaak.notities.filter(tekst="Gebeld").exists(),
        "document": lambda: zaak.documenten.exists(),
        "afsluiten": lambda: zaak.afgesloten_op is not None,
        "vrijgeven": lambda: zaak.behandelaar is None,
    }[actie]
    assert gevolg()


@pytest.mark.parametrize("actie", ACTIES)
def test_backoffice_actie_andere_afdeling_ziet_de_zaak_niet(
    actie, zaak, bo_burgerzaken, vera_vergunningen, afdeling_vergunningen, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = _post(_client(vera_vergunningen), zaak, actie, bo_burgerzaken, afdeling_vergunningen)
    assert response.status_code == 404
    zaak.refresh_from_db()
    assert zaak.afdeling_id != afdeling_vergunningen.pk and zaak.afgesloten_op is None
    assert not zaak.notities.exists() and not zaak.documenten.exists()


@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("persona", ["kim_kcc", "tom_teamleider", "fenna_beheer"])
def test_backoffice_actie_andere_rol_403(
    actie, persona, request, zaak, bo_burgerzaken, afdeling_vergunningen, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    user = request.getfixturevalue(persona)
    response = _post(_client(user), zaak, actie, bo_burgerzaken, afdeling_vergunningen)
    assert response.status_code == 403
    zaak.refresh_from_db()
    assert zaak.afgesloten_op is None and zaak.behandelaar == bo_burgerzaken


@pytest.mark.parametrize("actie", ACTIES)
def test_backoffice_actie_anoniem_naar_inloggen(
    actie, zaak, bo_burgerzaken, afdeling_vergunningen, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = _post(_client(), zaak, actie, bo_burgerzaken, afdeling_vergunningen)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("actie", ACTIES)
def test_backoffice_actie_collega_die_niet_behandelt(
    actie, zaak, bo_burgerzaken, afdeling_burgerzaken, afdeling_vergunningen, settings, tmp_path
):
    """A colleague of the same afdeling sees the zaak, but only the behandelaar acts."""
    settings.MEDIA_ROOT = tmp_path
    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    response = _post(_client(collega), zaak, actie, bo_burgerzaken, afdeling_vergunningen)
    if actie in ("document", "notitie"):  # notes and documents are open to the afdeling
        assert response.status_code == 302
        return
    assert response.status_code == 403
    zaak.refresh_from_db()
    assert zaak.afgesloten_op is None and zaak.behandelaar == bo_burgerzaken


# --- API ---------------------------------------------------------------------------------


def _api(user=None, token=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    if token is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


API_ACTIES = {
    "release": {},
    "transfer": "transfer",
    "status": {"volgnummer": 2},
    "resolve": {"resultaat": "Klaar"},
}


def _api_data(actie, afdeling_vergunningen):
    if actie == "transfer":
        return {"afdeling": afdeling_vergunningen.pk, "reden": "Verkeerd"}
    return API_ACTIES[actie]


@pytest.mark.parametrize("actie", list(API_ACTIES))
def test_api_actie_behandelaar_mag(actie, zaak, bo_burgerzaken, afdeling_vergunningen):
    url = f"/api/v1/zaken/{zaak.identificatie}/{actie}/"
    response = _api(bo_burgerzaken).post(url, _api_data(actie, afdeling_vergunningen))
    assert response.status_code == 200, response.json()


@pytest.mark.parametrize("actie", list(API_ACTIES))
def test_api_actie_andere_afdeling_404(
    actie, zaak, vera_vergunningen, afdeling_vergunningen, bo_burgerzaken
):
    url = f"/api/v1/zaken/{zaak.identificatie}/{actie}/"
    response = _api(vera_vergunningen).post(url, _api_data(actie, afdeling_vergunningen))
    assert response.status_code == 404
    zaak.refresh_from_db()
    assert zaak.behandelaar == bo_burgerzaken and zaak.afgesloten_op is None


@pytest.mark.parametrize("actie", list(API_ACTIES))
def test_api_actie_token_van_andere_organisatie(
    actie, zaak, afdeling_vergunningen, bo_burgerzaken, belastingdienst
):
    """The belastingdienst's token reaches only the belastingdienst's deelzaken."""
    url = f"/api/v1/zaken/{zaak.identificatie}/{actie}/"
    response = _api(token=EXTERN_TOKEN).post(url, _api_data(actie, afdeling_vergunningen))
    # release and transfer are for medewerkers only; status and resolve: not found.
    assert response.status_code == (403 if actie in ("release", "transfer") else 404)
    zaak.refresh_from_db()
    assert zaak.behandelaar == bo_burgerzaken and zaak.afgesloten_op is None


@pytest.mark.parametrize("actie", list(API_ACTIES))
def test_api_actie_anoniem(actie, zaak, afdeling_vergunningen):
    url = f"/api/v1/zaken/{zaak.identificatie}/{actie}/"
    response = _api().post(url, _api_data(actie, afdeling_vergunningen))
    assert response.status_code in (401, 403)
    zaak.refresh_from_db()
    assert zaak.afgesloten_op is None


def test_api_extern_met_eigen_token_niet_bij_gemeentezaak(zaak, afdeling_vergunningen):
    _, token = externe_koppeling_instellen(organisatie=OrganisatieFactory(code="svb", extern=True))
    for actie in ("status", "resolve"):
        url = f"/api/v1/zaken/{zaak.identificatie}/{actie}/"
        assert _api(token=token).post(url, API_ACTIES[actie]).status_code == 404


# --- console intake ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona", ["tom_teamleider", "bo_burgerzaken", "vera_vergunningen", "fenna_beheer"]
)
def test_console_intake_alleen_kcc_medewerker(persona, request, klant, verhuizing):
    user = request.getfixturevalue(persona)
    url = f"/console/klanten/{klant.pk}/aanvraag/intake/?product={verhuizing.pk}"
    data = {"kanaal": "telefoon", "verhuisdatum": "2026-12-15", "nieuwe_postcode": "1234 CD"}
    assert _client(user).get(url).status_code == 403
    assert _client(user).post(url, data).status_code == 403
    assert not Zaak.objects.exists()


def test_console_intake_anoniem(klant, verhuizing):
    url = f"/console/klanten/{klant.pk}/aanvraag/intake/?product={verhuizing.pk}"
    for response in (_client().get(url), _client().post(url, {"kanaal": "telefoon"})):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- hoofdzaken: nobody claims them, only the KCC closes them -----------------------------


@pytest.fixture
def bo_kcc(roles_ready, afdeling_kcc):
    """A backoffice medewerker who is also in the KCC afdeling (where hoofdzaken live)."""
    return UserFactory(username="bokcc", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_kcc])


def test_hoofdzaak_claimen_kan_niet(hoofdzaak, bo_kcc):
    with pytest.raises(ZaakFout) as exc:
        zaak_claim(zaak=hoofdzaak, medewerker=bo_kcc)
    assert exc.value.message == errors.FOUT_HOOFDZAAK_NIET_CLAIMEN
    response = _api(bo_kcc).post(f"/api/v1/zaken/{hoofdzaak.identificatie}/claim/")
    assert response.status_code == 400
    assert response.json() == {"detail": errors.FOUT_HOOFDZAAK_NIET_CLAIMEN}
    # The backoffice does not show a hoofdzaak at all: it is KCC regie.
    url = f"/backoffice/zaken/{hoofdzaak.identificatie}/claimen/"
    assert _client(bo_kcc).post(url).status_code == 404
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.behandelaar is None


def test_alleen_het_kcc_sluit_een_hoofdzaak(hoofdzaak, bo_kcc, kim_kcc, belastingdienst):
    from zaken.models import ExterneKoppeling

    with pytest.raises(ZaakGeenToegang) as exc:
        zaak_afsluiten(zaak=hoofdzaak, resultaat="Klaar", medewerker=bo_kcc)
    assert exc.value.message == errors.FOUT_HOOFDZAAK_ALLEEN_KCC
    with pytest.raises(ZaakGeenToegang):
        zaak_afsluiten(
            zaak=hoofdzaak,
            resultaat="Klaar",
            extern=ExterneKoppeling.objects.get(organisatie=belastingdienst),
        )
    response = _api(bo_kcc).post(
        f"/api/v1/zaken/{hoofdzaak.identificatie}/resolve/", {"resultaat": "Klaar"}
    )
    assert response.status_code == 403
    assert response.json() == {"detail": errors.FOUT_HOOFDZAAK_ALLEEN_KCC}
    # The KCC may, but not while deelzaken are open ...
    with pytest.raises(ZaakFout) as exc:
        zaak_afsluiten(zaak=hoofdzaak, resultaat="Klaar", medewerker=kim_kcc)
    assert exc.value.message == errors.FOUT_DEELZAKEN_OPEN.format(aantal=3)
    # ... and once they are closed (here without closing the hoofdzaak along), it can.
    hoofdzaak.deelzaken.update(afgesloten_op=timezone.now())
    zaak_afsluiten(zaak=hoofdzaak, resultaat="Alles geregeld", medewerker=kim_kcc)
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.afgesloten_op is not None


# --- query counts -------------------------------------------------------------------------


def _meer_deelzaken_en_historie(hoofdzaak, product) -> None:
    for i in range(3):
        ZaakFactory(
            soort=Zaak.Soort.DEELZAAK,
            hoofdzaak=hoofdzaak,
            product=product,
            klant=hoofdzaak.klant,
            aanvraag=hoofdzaak.aanvraag,
        )
        hoofdzaak.statussen.create(omschrijving=f"stap {i}", door="test")


def test_console_zaakpagina_constant_aantal_queries(hoofdzaak, kim_kcc, verhuizing):
    client = _client(kim_kcc)
    url = f"/console/zaken/{hoofdzaak.identificatie}/"
    client.get(url)

    assert_constant_queries(
        lambda: client.get(url),
        lambda: _meer_deelzaken_en_historie(hoofdzaak, verhuizing),
        label="console zaak",
    )


def test_api_detail_en_statussen_constant_aantal_queries(hoofdzaak, kim_kcc, verhuizing):
    client = _api(kim_kcc)
    detail = f"/api/v1/zaken/{hoofdzaak.identificatie}/"
    statussen = detail + "statussen/"
    client.get(detail)

    def groei():
        _meer_deelzaken_en_historie(hoofdzaak, verhuizing)

    assert_constant_queries(lambda: client.get(detail), groei, label="API zaak detail")
    assert_constant_queries(lambda: client.get(statussen), groei, label="API statussen")


def test_intake_en_bevestiging_constant_aantal_queries(
    klant, kim_kcc, verhuizen, afdeling_burgerzaken, afdeling_kcc, antwoorden_verhuizen
):
    from tests.productcatalogus.factories import ComponentFactory

    client = _client(kim_kcc)
    intake = f"/console/klanten/{klant.pk}/aanvraag/intake/?levensgebeurtenis={verhuizen.pk}"
    teller = iter(range(10, 100))

    def meer_onderdelen():
        for _ in range(3):
            n = next(teller)
            product = ProductFactory(
                afdeling=afdeling_burgerzaken,
                intake=[{"code": f"vraag{n}", "vraag": f"Vraag {n}?", "type": "tekst"}],
            )
            ComponentFactory(levensgebeurtenis=verhuizen, product=product, volgorde=n)

    client.get(intake)
    assert_constant_queries(lambda: client.get(intake), meer_onderdelen, label="intake")

    def bevestiging():
        aanvraag = aanvraag_indienen(
            klant=klant,
            levensgebeurtenis=verhuizen,
            antwoorden=antwoorden_verhuizen,
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
        return f"/console/aanvragen/{aanvraag.pk}/"

    klein = bevestiging()
    client.get(klein)
    from tests.queries import count_queries

    voor = count_queries(lambda: client.get(klein))
    meer_onderdelen()
    groot = bevestiging()
    assert count_queries(lambda: client.get(groot)) == voor
