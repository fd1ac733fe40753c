"""The zaken API: scope per role, afdeling and organisation token; 409 on a lost claim."""

import pytest
from rest_framework.test import APIClient

from tests.queries import assert_constant_queries
from tests.zaken.conftest import EXTERN_TOKEN
from tests.zaken.factories import ZaakFactory
from zaken import errors
from zaken.models import Zaak
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.koppelingen import externe_koppeling_instellen

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    return aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden_verhuizen,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )


def _client(user=None, token=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    if token is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _zaak(aanvraag, slug) -> Zaak:
    return aanvraag.zaken.get(product__slug=slug)


def _ids(response) -> set[str]:
    return {z["identificatie"] for z in response.json()["results"]}


def test_list_scope_per_role(
    aanvraag, kim_kcc, tom_teamleider, bo_burgerzaken, vera_vergunningen, fenna_beheer
):
    alle = set(aanvraag.zaken.values_list("identificatie", flat=True))
    assert _ids(_client(kim_kcc).get("/api/v1/zaken/")) == alle
    assert _ids(_client(tom_teamleider).get("/api/v1/zaken/")) == alle
    assert _ids(_client(bo_burgerzaken).get("/api/v1/zaken/")) == {
        _zaak(aanvraag, "verhuizing-doorgeven").identificatie
    }
    assert _ids(_client(vera_vergunningen).get("/api/v1/zaken/")) == {
        _zaak(aanvraag, "parkeervergunning").identificatie
    }
    assert _ids(_client(token=EXTERN_TOKEN).get("/api/v1/zaken/")) == {
        _zaak(aanvraag, "wijziging-toeslagen").identificatie
    }
    assert _client(fenna_beheer).get("/api/v1/zaken/").status_code == 403
    assert _client().get("/api/v1/zaken/").status_code in (401, 403)
    assert _client(token="fout-token").get("/api/v1/zaken/").status_code == 401


def test_detail_by_identificatie_and_404_outside_scope(
    aanvraag, bo_burgerzaken, vera_vergunningen, kim_kcc
):
    eigen = _zaak(aanvraag, "verhuizing-doorgeven")
    url = f"/api/v1/zaken/{eigen.identificatie}/"
    response = _client(bo_burgerzaken).get(url)
    assert response.status_code == 200
    assert response.json()["status"]["volgnummer"] == 1
    assert _client(vera_vergunningen).get(url).status_code == 404
    assert _client(token=EXTERN_TOKEN).get(url).status_code == 404
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    data = _client(kim_kcc).get(f"/api/v1/zaken/{hoofdzaak.identificatie}/").json()
    assert data["voortgang"] == {"afgerond": 0, "totaal": 3, "tekst": "0 van 3 afgerond"}
    assert len(data["deelzaken"]) == 3
    historie = _client(kim_kcc).get(f"/api/v1/zaken/{eigen.identificatie}/statussen/").json()
    assert historie[0]["publiek"] is True


def test_claim_endpoint_409_for_the_second(
    aanvraag, bo_burgerzaken, roles_ready, afdeling_burgerzaken, vera_vergunningen, kim_kcc
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak = _zaak(aanvraag, "verhuizing-doorgeven")
    url = f"/api/v1/zaken/{zaak.identificatie}/claim/"
    response = _client(bo_burgerzaken).post(url)
    assert response.status_code == 200
    assert response.json()["behandelaar"] == "bo"
    response = _client(collega).post(url)
    assert response.status_code == 409
    assert response.json() == {"detail": errors.FOUT_AL_GECLAIMD}
    assert _client(vera_vergunningen).post(url).status_code == 404
    assert _client(kim_kcc).post(url).status_code == 403
    assert _client(token=EXTERN_TOKEN).post(url).status_code == 403
    assert _client().post(url).status_code in (401, 403)
    # by numeric id too
    assert _client(bo_burgerzaken).post(f"/api/v1/zaken/{zaak.pk}/release/").status_code == 200


def test_transfer_and_resolve(aanvraag, bo_burgerzaken, afdeling_vergunningen):
    zaak = _zaak(aanvraag, "verhuizing-doorgeven")
    client = _client(bo_burgerzaken)
    client.post(f"/api/v1/zaken/{zaak.identificatie}/claim/")
    response = client.post(f"/api/v1/zaken/{zaak.identificatie}/resolve/", {"resultaat": ""})
    assert response.status_code == 400
    response = client.post(
        f"/api/v1/zaken/{zaak.identificatie}/transfer/",
        {"afdeling": afdeling_vergunningen.pk, "reden": ""},
    )
    assert response.status_code == 400
    response = client.post(
        f"/api/v1/zaken/{zaak.identificatie}/transfer/", {"afdeling": 999999, "reden": "x"}
    )
    assert response.status_code == 400
    response = client.post(
        f"/api/v1/zaken/{zaak.identificatie}/resolve/", {"resultaat": "Verwerkt"}
    )
    assert response.status_code == 200
    assert response.json()["afgesloten_op"] is not None


def test_external_reports_status_and_result_of_own_deelzaak_only(aanvraag):
    toeslagen = _zaak(aanvraag, "wijziging-toeslagen")
    burgerzaken = _zaak(aanvraag, "verhuizing-doorgeven")
    client = _client(token=EXTERN_TOKEN)
    response = client.post(f"/api/v1/zaken/{toeslagen.identificatie}/status/", {"volgnummer": 99})
    assert response.status_code == 400
    response = client.post(f"/api/v1/zaken/{burgerzaken.identificatie}/status/", {"volgnummer": 2})
    assert response.status_code == 404
    response = client.post(
        f"/api/v1/zaken/{toeslagen.identificatie}/resolve/", {"resultaat": "Toeslag aangepast"}
    )
    assert response.status_code == 200
    toeslagen.refresh_from_db()
    assert toeslagen.afgesloten_op is not None
    assert toeslagen.statussen.last().door == "Belastingdienst (extern systeem)"
    # A revoked token no longer works.
    from zaken.models import ExterneKoppeling

    ExterneKoppeling.objects.update(actief=False)
    assert client.get("/api/v1/zaken/").status_code == 401


def test_external_end_status_closes(aanvraag):
    toeslagen = _zaak(aanvraag, "wijziging-toeslagen")
    response = _client(token=EXTERN_TOKEN).post(
        f"/api/v1/zaken/{toeslagen.identificatie}/status/",
        {"volgnummer": 2, "toelichting": "Klaar"},
    )
    assert response.status_code == 200
    assert response.json()["status"]["is_eindstatus"] is True
    assert response.json()["resultaat"] == "Klaar"


def test_other_organisation_token_sees_nothing(aanvraag):
    from tests.factories import OrganisatieFactory

    _, token = externe_koppeling_instellen(organisatie=OrganisatieFactory(code="svb", extern=True))
    assert _ids(_client(token=token).get("/api/v1/zaken/")) == set()


def test_list_constant_queries(kim_kcc, verhuizing):
    ZaakFactory(product=verhuizing)
    client = _client(kim_kcc)
    client.get("/api/v1/zaken/")  # warm the user's role cache
    assert_constant_queries(
        lambda: client.get("/api/v1/zaken/"),
        lambda: [ZaakFactory(product=verhuizing) for _ in range(5)],
        label="API zaken",
    )


@pytest.mark.parametrize("id_", ["²", "٣", "1²", "9" * 30])
def test_detail_met_vreemde_cijfers_is_404(kim_kcc, id_):
    assert _client(kim_kcc).get(f"/api/v1/zaken/{id_}/").status_code == 404


def test_transfer_van_geclaimde_zaak_alleen_behandelaar_of_teamleider(
    aanvraag, bo_burgerzaken, tom_teamleider, afdeling_burgerzaken, afdeling_vergunningen
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak = _zaak(aanvraag, "verhuizing-doorgeven")
    _client(bo_burgerzaken).post(f"/api/v1/zaken/{zaak.identificatie}/claim/")
    url = f"/api/v1/zaken/{zaak.identificatie}/transfer/"
    data = {"afdeling": afdeling_vergunningen.pk, "reden": "Parkeren"}
    response = _client(collega).post(url, data)
    assert response.status_code == 403
    assert response.json() == {"detail": errors.FOUT_OVERDRAGEN_GECLAIMD}
    response = _client(tom_teamleider).post(url, data)
    assert response.status_code == 200
    assert response.json()["afdeling"] == afdeling_vergunningen.code
    assert response.json()["behandelaar"] is None


def test_hoofdzaak_noemt_het_aanspreekpunt(aanvraag, kim_kcc, bo_burgerzaken):
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    data = _client(kim_kcc).get(f"/api/v1/zaken/{hoofdzaak.identificatie}/").json()
    assert data["aanspreekpunt"] == kim_kcc.get_full_name()
    assert all(deel["aanspreekpunt"] is None for deel in data["deelzaken"])
    eigen = _zaak(aanvraag, "verhuizing-doorgeven")
    assert _client(bo_burgerzaken).get(f"/api/v1/zaken/{eigen.pk}/").json()["aanspreekpunt"] is None


def test_api_relaties_laden_geeft_wat_de_joins_gaven(aanvraag, bo_burgerzaken, vera_vergunningen):
    """A zaak answered with its relations read by primary key looks exactly as when they
    are read with joins: hoofdzaak, deelzaak with status and behandelaar, closed zaak."""
    from zaken import selectors
    from zaken.api.views import ZaakDetailOutputSerializer, ZaakOutputSerializer
    from zaken.services.zaken import zaak_afsluiten, zaak_claim

    eigen = _zaak(aanvraag, "verhuizing-doorgeven")
    zaak_claim(zaak=eigen, medewerker=bo_burgerzaken)
    afgesloten = zaak_claim(zaak=_zaak(aanvraag, "parkeervergunning"), medewerker=vera_vergunningen)
    zaak_afsluiten(zaak=afgesloten, resultaat="Klaar", medewerker=vera_vergunningen)
    for zaak in aanvraag.zaken.all():
        bekend = Zaak.objects.select_related(
            *selectors.API_RELATIES, "behandelaar", "aanspreekpunt"
        ).get(pk=zaak.pk)
        kaal = Zaak.objects.get(pk=zaak.pk)
        selectors.api_relaties_laden(kaal)
        for serializer in (ZaakOutputSerializer, ZaakDetailOutputSerializer):
            assert serializer(kaal).data == serializer(bekend).data
    # Only the fields shown were read; another one still loads when used.
    assert kaal.afdeling.naam == bekend.afdeling.naam


def test_claim_answer_in_few_queries(aanvraag, bo_burgerzaken, django_assert_num_queries):
    from django.db import connection

    zaak = _zaak(aanvraag, "verhuizing-doorgeven")
    client = _client(bo_burgerzaken)
    # The user's roles and afdelingen (read with the user when logged in through the
    # backends), the zaak, the claim and the answer's related objects: on PostgreSQL the
    # claim is one statement that also writes the history row and gives the zaak back,
    # and the relations are one statement too.
    postgres = connection.vendor == "postgresql"
    with django_assert_num_queries(4 if postgres else 13):
        response = client.post(f"/api/v1/zaken/{zaak.identificatie}/claim/")
    assert response.status_code == 200
    assert response.json()["behandelaar"] == bo_burgerzaken.username
    assert response.json()["afdeling"] == zaak.afdeling.code
