"""zaak_claim: exactly one winner, only the zaak's own afdeling; release."""

import threading

import pytest
from django.db import close_old_connections, connection

from kcc.accounts import roles
from tests.factories import UserFactory
from tests.zaken.factories import ZaakFactory
from zaken import errors
from zaken.errors import ZaakAlGeclaimd, ZaakFout, ZaakGeenToegang
from zaken.models import Zaak
from zaken.services.zaken import zaak_claim, zaak_vrijgeven


@pytest.fixture
def zaak(verhuizing):
    return ZaakFactory(product=verhuizing)


@pytest.mark.django_db
def test_claim_by_medewerker_of_the_afdeling(zaak, bo_burgerzaken):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    zaak.refresh_from_db()
    assert zaak.behandelaar == bo_burgerzaken
    assert zaak.statussen.filter(omschrijving="Opgepakt", publiek=False).exists()


@pytest.mark.django_db
def test_second_claim_gets_the_dutch_409_error(
    zaak, bo_burgerzaken, roles_ready, afdeling_burgerzaken
):
    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakAlGeclaimd) as exc:
        zaak_claim(zaak=Zaak.objects.get(pk=zaak.pk), medewerker=collega)
    assert exc.value.message == errors.FOUT_AL_GECLAIMD
    assert exc.value.status_code == 409
    # Claiming one's own zaak again is harmless.
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)


@pytest.mark.django_db
def test_other_afdeling_may_not_claim(zaak, vera_vergunningen, kim_kcc):
    for medewerker in (vera_vergunningen, kim_kcc):
        with pytest.raises(ZaakGeenToegang) as exc:
            zaak_claim(zaak=zaak, medewerker=medewerker)
        assert exc.value.message == errors.FOUT_NIET_VAN_AFDELING
    zaak.refresh_from_db()
    assert zaak.behandelaar is None


@pytest.mark.django_db
def test_closed_zaak_cannot_be_claimed(verhuizing, bo_burgerzaken):
    zaak = ZaakFactory(product=verhuizing, afgehandeld=True)
    with pytest.raises(ZaakFout) as exc:
        zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    assert exc.value.message == errors.FOUT_ZAAK_AFGESLOTEN


@pytest.mark.django_db
def test_release_only_by_behandelaar(zaak, bo_burgerzaken, roles_ready, afdeling_burgerzaken):
    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakGeenToegang):
        zaak_vrijgeven(zaak=zaak, medewerker=collega)
    zaak_vrijgeven(zaak=zaak, medewerker=bo_burgerzaken)
    zaak.refresh_from_db()
    assert zaak.behandelaar is None
    zaak_claim(zaak=zaak, medewerker=collega)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="echte parallelle verbindingen: PostgreSQL"
)
def test_fifty_parallel_claims_have_exactly_one_winner(
    verhuizing, afdeling_burgerzaken, roles_ready
):
    zaak = ZaakFactory(product=verhuizing)
    medewerkers = [
        UserFactory(
            username=f"bo{i}", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
        )
        for i in range(50)
    ]
    start = threading.Barrier(50)
    uitkomsten: list[str] = []
    lock = threading.Lock()

    def claim(medewerker):
        try:
            start.wait()
            try:
                zaak_claim(zaak=Zaak.objects.get(pk=zaak.pk), medewerker=medewerker)
                uitkomst = "gewonnen"
            except ZaakAlGeclaimd:
                uitkomst = "409"
            with lock:
                uitkomsten.append(uitkomst)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=claim, args=(m,)) for m in medewerkers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert uitkomsten.count("gewonnen") == 1
    assert uitkomsten.count("409") == 49
    zaak.refresh_from_db()
    assert zaak.behandelaar in medewerkers
    assert zaak.statussen.filter(omschrijving="Opgepakt").count() == 1


@pytest.mark.django_db
def test_claim_in_one_statement_by_identificatie(zaak, bo_burgerzaken):
    """The API's common claim: one statement that claims, writes the history row and
    gives the zaak back (PostgreSQL); elsewhere None, and zaak_claim does the work."""
    from zaken.services.zaken import zaak_claimen_op_identificatie

    geclaimd = zaak_claimen_op_identificatie(
        identificatie=zaak.identificatie.lower(), medewerker=bo_burgerzaken
    )
    if connection.vendor != "postgresql":
        assert geclaimd is None
        return
    assert geclaimd.pk == zaak.pk
    assert geclaimd.behandelaar == bo_burgerzaken
    assert geclaimd.identificatie == zaak.identificatie
    assert geclaimd.product_id == zaak.product_id
    zaak.refresh_from_db()
    assert zaak.behandelaar == bo_burgerzaken
    assert zaak.gewijzigd_op == geclaimd.gewijzigd_op
    assert zaak.statussen.filter(omschrijving="Opgepakt", gezet_door=bo_burgerzaken).count() == 1


@pytest.mark.django_db
def test_claim_in_one_statement_leaves_every_refusal_to_zaak_claim(
    verhuizing, zaak, bo_burgerzaken, vera_vergunningen, roles_ready, afdeling_burgerzaken
):
    from zaken.services.zaken import zaak_claimen_op_identificatie

    def snel(zaak, medewerker):
        return zaak_claimen_op_identificatie(
            identificatie=zaak.identificatie, medewerker=medewerker
        )

    gesloten = ZaakFactory(product=verhuizing, afgehandeld=True)
    hoofdzaak = ZaakFactory(product=verhuizing)  # of the afdeling, then made a hoofdzaak
    Zaak.objects.filter(pk=hoofdzaak.pk).update(soort=Zaak.Soort.HOOFDZAAK, product=None)
    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    assert snel(zaak, vera_vergunningen) is None  # another afdeling
    assert snel(gesloten, bo_burgerzaken) is None
    assert snel(hoofdzaak, bo_burgerzaken) is None
    assert (
        zaak_claimen_op_identificatie(identificatie=str(zaak.pk), medewerker=bo_burgerzaken) is None
    )
    zaak_claim(zaak=zaak, medewerker=collega)
    assert snel(zaak, bo_burgerzaken) is None  # claimed already
    for z in (zaak, gesloten, hoofdzaak):
        z.refresh_from_db()
    assert zaak.behandelaar == collega
    assert gesloten.behandelaar is None and hoofdzaak.behandelaar is None
    assert not hoofdzaak.statussen.filter(omschrijving="Opgepakt").exists()
