"""Handling a zaak: status, questions to the customer, extension, transfer, resolve."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from zaken import errors
from zaken.errors import ZaakFout, ZaakGeenToegang
from zaken.models import OutboxBericht, Zaak
from zaken.models.zaken import FOUT_DEELZAAK_VAN_DEELZAAK
from zaken.selectors import hoofdzaak_voortgang
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.zaken import (
    informatieverzoek_beantwoorden,
    zaak_afsluiten,
    zaak_claim,
    zaak_informatie_vragen,
    zaak_overdragen,
    zaak_status_zetten,
    zaak_verlengen,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def zaak(klant, verhuizing, kim_kcc):
    aanvraag = aanvraag_indienen(
        klant=klant,
        product=verhuizing,
        antwoorden={"verhuisdatum": "2026-12-15", "nieuwe_postcode": "1234 CD"},
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    return aanvraag.zaken.get()


@pytest.fixture
def verhuis_aanvraag(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    return aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden_verhuizen,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )


def test_status_with_informeren_queues_a_notification_on_the_preferred_channel(
    zaak, bo_burgerzaken
):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    in_behandeling = zaak.product.statustypen.get(volgnummer=2)
    zaak_status_zetten(zaak=zaak, statustype=in_behandeling, medewerker=bo_burgerzaken)
    zaak.refresh_from_db()
    assert zaak.status == in_behandeling
    regel = zaak.statussen.get(statustype=in_behandeling)
    assert regel.publiek and regel.gezet_door == bo_burgerzaken
    bericht = OutboxBericht.objects.get(
        dedup_sleutel=f"notificatie:{zaak.identificatie}:status-{regel.pk}"
    )
    assert bericht.doel == "jan@example.nl"
    assert "Wij behandelen uw verhuizing." in bericht.payload["tekst"]


def test_status_of_another_product_is_refused(zaak, bo_burgerzaken, parkeervergunning):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakFout) as exc:
        zaak_status_zetten(
            zaak=zaak, statustype=parkeervergunning.statustypen.first(), medewerker=bo_burgerzaken
        )
    assert exc.value.message == errors.FOUT_STATUSTYPE_ANDER_PRODUCT


def test_status_needs_the_behandelaar(zaak, bo_burgerzaken):
    with pytest.raises(ZaakGeenToegang) as exc:
        zaak_status_zetten(
            zaak=zaak,
            statustype=zaak.product.statustypen.get(volgnummer=2),
            medewerker=bo_burgerzaken,
        )
    assert exc.value.message == errors.FOUT_NIET_BEHANDELAAR


def test_informatie_vragen_suspends_and_answer_moves_the_dates(zaak, bo_burgerzaken):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    streef, uiterlijk = zaak.streefdatum, zaak.uiterlijke_einddatum
    # Asked on Monday 7 December 2026, answered on Monday 14 December: 4 working days
    # stood still (Tue-Fri), so the deadlines move 4 working days.
    with time_machine.travel(datetime.datetime(2026, 12, 7, 10, tzinfo=AMS), tick=False):
        verzoek = zaak_informatie_vragen(
            zaak=zaak, vraag="Stuur uw huurcontract.", medewerker=bo_burgerzaken
        )
    zaak.refresh_from_db()
    assert zaak.opgeschort_sinds is not None
    with pytest.raises(ZaakFout) as exc:
        zaak_informatie_vragen(zaak=zaak, vraag="Nog iets", medewerker=bo_burgerzaken)
    assert exc.value.message == errors.FOUT_AL_OPGESCHORT
    with time_machine.travel(datetime.datetime(2026, 12, 14, 9, tzinfo=AMS), tick=False):
        informatieverzoek_beantwoorden(informatieverzoek=verzoek, antwoord="Is verstuurd.")
    zaak.refresh_from_db()
    assert zaak.opgeschort_sinds is None
    from kcc.normen.calendar import Werkkalender

    kalender = Werkkalender(organisatie=zaak.organisatie_id)
    assert zaak.streefdatum == kalender.werkdagen_optellen(streef, 4)
    assert zaak.uiterlijke_einddatum == kalender.werkdagen_optellen(uiterlijk, 4)
    assert OutboxBericht.objects.filter(
        dedup_sleutel=f"notificatie:{zaak.identificatie}:informatieverzoek-{verzoek.pk}"
    ).exists()
    with pytest.raises(ZaakFout) as exc:
        informatieverzoek_beantwoorden(informatieverzoek=verzoek, antwoord="Nog eens")
    assert exc.value.message == errors.FOUT_AL_BEANTWOORD


def test_informatie_vragen_refused_when_product_forbids_suspension(
    verhuis_aanvraag, vera_vergunningen
):
    deel = verhuis_aanvraag.zaken.get(product__slug="parkeervergunning")
    zaak_claim(zaak=deel, medewerker=vera_vergunningen)
    with pytest.raises(ZaakFout) as exc:
        zaak_informatie_vragen(zaak=deel, vraag="Kenteken?", medewerker=vera_vergunningen)
    assert exc.value.message == errors.FOUT_OPSCHORTING_NIET_TOEGESTAAN


def test_verlengen_once_with_reason_and_only_when_allowed(
    zaak, verhuis_aanvraag, bo_burgerzaken, vera_vergunningen
):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakFout) as exc:
        zaak_verlengen(zaak=zaak, werkdagen=10, reden="Drukte", medewerker=bo_burgerzaken)
    assert exc.value.message == errors.FOUT_VERLENGING_NIET_TOEGESTAAN

    deel = verhuis_aanvraag.zaken.get(product__slug="parkeervergunning")
    zaak_claim(zaak=deel, medewerker=vera_vergunningen)
    with pytest.raises(ZaakFout) as exc:
        zaak_verlengen(zaak=deel, werkdagen=10, reden=" ", medewerker=vera_vergunningen)
    assert exc.value.message == errors.FOUT_REDEN_VERPLICHT
    oud = deel.uiterlijke_einddatum
    zaak_verlengen(zaak=deel, werkdagen=10, reden="Advies nodig", medewerker=vera_vergunningen)
    deel.refresh_from_db()
    assert deel.verlengd and deel.uiterlijke_einddatum > oud
    assert OutboxBericht.objects.filter(zaak=deel, dedup_sleutel__contains="verlenging").exists()
    with pytest.raises(ZaakFout) as exc:
        zaak_verlengen(zaak=deel, werkdagen=5, reden="Nog eens", medewerker=vera_vergunningen)
    assert exc.value.message == errors.FOUT_AL_VERLENGD


def test_overdragen_lands_unclaimed_at_the_other_afdeling(
    zaak, bo_burgerzaken, vera_vergunningen, afdeling_vergunningen, afdeling_toeslagen
):
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakFout) as exc:
        zaak_overdragen(
            zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="", medewerker=bo_burgerzaken
        )
    assert exc.value.message == errors.FOUT_REDEN_VERPLICHT
    with pytest.raises(ZaakGeenToegang):
        zaak_overdragen(
            zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="x", medewerker=vera_vergunningen
        )
    zaak_overdragen(
        zaak=zaak,
        naar_afdeling=afdeling_vergunningen,
        reden="Gaat over parkeren",
        medewerker=bo_burgerzaken,
    )
    zaak.refresh_from_db()
    assert zaak.afdeling == afdeling_vergunningen and zaak.behandelaar is None
    assert "Gaat over parkeren" in zaak.statussen.last().omschrijving
    zaak_claim(zaak=zaak, medewerker=vera_vergunningen)
    # To an external organisation: delivered as a webhook.
    zaak_overdragen(
        zaak=zaak, naar_afdeling=afdeling_toeslagen, reden="Toeslagen", medewerker=vera_vergunningen
    )
    zaak.refresh_from_db()
    assert zaak.organisatie.code == "belastingdienst"
    assert OutboxBericht.objects.filter(zaak=zaak, soort=OutboxBericht.Soort.WEBHOOK).count() == 1


def test_hoofdzaak_cannot_close_while_a_deelzaak_is_open(verhuis_aanvraag, kim_kcc):
    hoofdzaak = verhuis_aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    with pytest.raises(ZaakFout) as exc:
        zaak_afsluiten(zaak=hoofdzaak, resultaat="Klaar", medewerker=kim_kcc)
    assert exc.value.message == errors.FOUT_DEELZAKEN_OPEN.format(aantal=3)


def test_last_deelzaak_closes_the_hoofdzaak_with_derived_result(
    verhuis_aanvraag, bo_burgerzaken, vera_vergunningen, belastingdienst
):
    from zaken.models import ExterneKoppeling

    hoofdzaak = verhuis_aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    burgerzaken = hoofdzaak.deelzaken.get(product__slug="verhuizing-doorgeven")
    parkeren = hoofdzaak.deelzaken.get(product__slug="parkeervergunning")
    toeslagen = hoofdzaak.deelzaken.get(product__slug="wijziging-toeslagen")
    assert hoofdzaak_voortgang(hoofdzaak=hoofdzaak).tekst == "0 van 3 afgerond"

    zaak_claim(zaak=burgerzaken, medewerker=bo_burgerzaken)
    zaak_afsluiten(zaak=burgerzaken, resultaat="Adres gewijzigd", medewerker=bo_burgerzaken)
    burgerzaken.refresh_from_db()
    assert burgerzaken.status.is_eindstatus  # the product's end status is set
    koppeling = ExterneKoppeling.objects.get(organisatie=belastingdienst)
    zaak_afsluiten(zaak=toeslagen, resultaat="Toeslag aangepast", extern=koppeling)
    assert hoofdzaak_voortgang(hoofdzaak=hoofdzaak).tekst == "2 van 3 afgerond"
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.afgesloten_op is None

    zaak_claim(zaak=parkeren, medewerker=vera_vergunningen)
    zaak_afsluiten(zaak=parkeren, resultaat="Vergunning verleend", medewerker=vera_vergunningen)
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.afgesloten_op is not None
    assert "Alle 3 onderdelen zijn afgerond" in hoofdzaak.resultaat
    assert "Parkeervergunning: Vergunning verleend" in hoofdzaak.resultaat
    assert OutboxBericht.objects.filter(
        zaak=hoofdzaak, dedup_sleutel__contains="afgesloten"
    ).exists()


def test_extern_only_own_organisations_deelzaken(verhuis_aanvraag, belastingdienst):
    from tests.factories import OrganisatieFactory
    from zaken.services.koppelingen import externe_koppeling_instellen

    ander, _ = externe_koppeling_instellen(organisatie=OrganisatieFactory(code="svb", extern=True))
    toeslagen = verhuis_aanvraag.zaken.get(product__slug="wijziging-toeslagen")
    burgerzaken = verhuis_aanvraag.zaken.get(product__slug="verhuizing-doorgeven")
    for zaak in (toeslagen, burgerzaken):
        with pytest.raises(ZaakGeenToegang) as exc:
            zaak_afsluiten(zaak=zaak, resultaat="Klaar", extern=ander)
        assert exc.value.message == errors.FOUT_EXTERN_ALLEEN_EIGEN


def test_deelzaak_van_deelzaak_is_invalid(verhuis_aanvraag):
    from django.core.exceptions import ValidationError

    deel = verhuis_aanvraag.zaken.filter(soort=Zaak.Soort.DEELZAAK).first()
    nieuw = Zaak(
        identificatie="ZAAK-2099-999999",
        soort=Zaak.Soort.DEELZAAK,
        aanvraag=deel.aanvraag,
        hoofdzaak=deel,
        product=deel.product,
        klant=deel.klant,
        organisatie=deel.organisatie,
        afdeling=deel.afdeling,
        startdatum=deel.startdatum,
    )
    with pytest.raises(ValidationError) as exc:
        nieuw.clean()
    assert exc.value.message_dict["hoofdzaak"] == [FOUT_DEELZAAK_VAN_DEELZAAK]


def test_document_checks_size_and_type(zaak, bo_burgerzaken, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zaken.services.zaken import MAX_DOCUMENT_BYTES, zaak_document_toevoegen

    settings.MEDIA_ROOT = tmp_path
    nep = SimpleUploadedFile("x.pdf", b"<html>geen pdf</html>", content_type="application/pdf")
    with pytest.raises(ZaakFout) as exc:
        zaak_document_toevoegen(zaak=zaak, bestand=nep, medewerker=bo_burgerzaken)
    assert exc.value.message == errors.FOUT_DOCUMENT_TYPE
    groot = SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(ZaakFout) as exc:
        zaak_document_toevoegen(zaak=zaak, bestand=groot, medewerker=bo_burgerzaken)
    assert exc.value.message == errors.FOUT_DOCUMENT_TE_GROOT
    goed = SimpleUploadedFile("brief.html", b"%PDF-1.7 inhoud")
    document = zaak_document_toevoegen(zaak=zaak, bestand=goed, medewerker=bo_burgerzaken)
    assert document.content_type == "application/pdf"
    assert document.bestand.name.endswith(".pdf")
    assert document.naam == "brief.html"


def test_geclaimde_zaak_alleen_door_behandelaar_of_teamleider_overdragen(
    zaak, bo_burgerzaken, afdeling_burgerzaken, afdeling_vergunningen, roles_ready
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    teamleider = UserFactory(username="tl", rol=roles.TEAMLEIDER)
    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    with pytest.raises(ZaakGeenToegang) as exc:
        zaak_overdragen(
            zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="x", medewerker=collega
        )
    assert exc.value.message == errors.FOUT_OVERDRAGEN_GECLAIMD
    zaak.refresh_from_db()
    assert zaak.afdeling == afdeling_burgerzaken and zaak.behandelaar == bo_burgerzaken
    # A teamleider keeps regie over every queue, also without being in the afdeling.
    zaak_overdragen(
        zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="Parkeren", medewerker=teamleider
    )
    zaak.refresh_from_db()
    assert zaak.afdeling == afdeling_vergunningen and zaak.behandelaar is None


def test_niet_geclaimde_zaak_mag_elk_afdelingslid_overdragen(
    zaak, afdeling_burgerzaken, afdeling_vergunningen, roles_ready
):
    from kcc.accounts import roles
    from tests.factories import UserFactory

    collega = UserFactory(
        username="collega", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[afdeling_burgerzaken]
    )
    zaak_overdragen(zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="x", medewerker=collega)
    zaak.refresh_from_db()
    assert zaak.afdeling == afdeling_vergunningen


def test_afsluiten_van_een_opgeschorte_zaak_laat_de_vraag_vervallen(zaak, bo_burgerzaken):
    from zaken.services.zaken import INFORMATIEVERZOEK_VERVALLEN

    zaak_claim(zaak=zaak, medewerker=bo_burgerzaken)
    verzoek = zaak_informatie_vragen(
        zaak=zaak, vraag="Stuur uw huurcontract", medewerker=bo_burgerzaken
    )
    zaak_afsluiten(zaak=zaak, resultaat="Ingetrokken door de klant", medewerker=bo_burgerzaken)
    verzoek.refresh_from_db()
    assert not verzoek.is_open
    assert verzoek.beantwoord_via == INFORMATIEVERZOEK_VERVALLEN
    assert verzoek.antwoord == ""
    zaak.refresh_from_db()
    assert zaak.opgeschort_sinds is None
    with pytest.raises(ZaakFout) as exc:
        informatieverzoek_beantwoorden(informatieverzoek=verzoek, antwoord="te laat")
    assert exc.value.message == errors.FOUT_AL_BEANTWOORD


def test_overdragen_neemt_de_signaleringen_van_de_normmonitor_mee(
    zaak, bo_burgerzaken, afdeling_vergunningen, vera_vergunningen
):
    from kcc.normen.models import Signalering
    from tests.zaken.factories import zaak_signaleren
    from zaken.selectors import werkvoorraad, werkvoorraad_pagina

    zaak_signaleren(
        zaak,
        Signalering.Soort.OVERSCHRIJDING,
        afdeling=zaak.afdeling,
        organisatie=zaak.organisatie,
    )
    zaak_overdragen(
        zaak=zaak, naar_afdeling=afdeling_vergunningen, reden="Parkeren", medewerker=bo_burgerzaken
    )
    signalering = Signalering.objects.get()
    assert (signalering.afdeling, signalering.organisatie) == (
        afdeling_vergunningen,
        afdeling_vergunningen.organisatie,
    )
    # The new afdeling's werkvoorraad shows the zaak as late, on the signals tab too.
    assert werkvoorraad(medewerker=vera_vergunningen, tab="signaleringen").get().pk == zaak.pk
    (getoond,) = werkvoorraad_pagina(medewerker=vera_vergunningen, tab="open").object_list
    assert getoond.identificatie == zaak.identificatie
    assert getoond.signaal == Signalering.Soort.OVERSCHRIJDING


def test_afsluiten_houdt_de_signaleringen_als_geschiedenis_buiten_de_werkvoorraad(
    verhuis_aanvraag, bo_burgerzaken
):
    from kcc.normen.models import Signalering
    from tests.zaken.factories import zaak_signaleren
    from zaken.selectors import werkvoorraad_aantallen

    hoofdzaak = verhuis_aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    burgerzaken = hoofdzaak.deelzaken.get(product__slug="verhuizing-doorgeven")
    parkeren = hoofdzaak.deelzaken.get(product__slug="parkeervergunning")
    for deelzaak in (burgerzaken, parkeren):
        for soort in (Signalering.Soort.WAARSCHUWING, Signalering.Soort.OVERSCHRIJDING):
            zaak_signaleren(deelzaak, soort, afdeling=deelzaak.afdeling)
    assert werkvoorraad_aantallen(medewerker=bo_burgerzaken)["signaleringen"] == 1

    zaak_claim(zaak=burgerzaken, medewerker=bo_burgerzaken)
    zaak_afsluiten(zaak=burgerzaken, resultaat="Adres gewijzigd", medewerker=bo_burgerzaken)

    # Kept (the regie's history), but no longer open: the other zaak's signals are.
    open_per_zaak = dict(
        Signalering.objects.values_list("object_id", "object_open").order_by("object_id")
    )
    assert open_per_zaak == {burgerzaken.pk: False, parkeren.pk: True}
    assert Signalering.objects.count() == 4
    assert werkvoorraad_aantallen(medewerker=bo_burgerzaken)["signaleringen"] == 0


def test_een_niet_meer_open_signalering_telt_niet_in_de_werkvoorraad(zaak, bo_burgerzaken):
    from kcc.normen.models import Signalering
    from tests.zaken.factories import zaak_signaleren
    from zaken.selectors import werkvoorraad, werkvoorraad_aantallen

    signalering = zaak_signaleren(zaak, Signalering.Soort.OVERSCHRIJDING, afdeling=zaak.afdeling)
    assert werkvoorraad(medewerker=bo_burgerzaken, tab="signaleringen").get().pk == zaak.pk
    Signalering.objects.filter(pk=signalering.pk).update(object_open=False)
    assert not werkvoorraad(medewerker=bo_burgerzaken, tab="signaleringen").exists()
    assert werkvoorraad_aantallen(medewerker=bo_burgerzaken)["signaleringen"] == 0


def test_migratie_markeert_de_signaleringen_van_al_gesloten_zaken(zaak, bo_burgerzaken):
    import importlib

    from django.apps import apps

    from kcc.normen.models import Signalering
    from tests.zaken.factories import zaak_signaleren

    migratie = importlib.import_module("kcc.normen.migrations.0005_signalering_object_open")
    zaak_signaleren(zaak, Signalering.Soort.OVERSCHRIJDING, afdeling=zaak.afdeling)
    migratie.gesloten_zaken_markeren(apps, None)
    assert Signalering.objects.get().object_open
    Zaak.objects.filter(pk=zaak.pk).update(afgesloten_op=datetime.datetime(2026, 1, 5, tzinfo=AMS))
    migratie.gesloten_zaken_markeren(apps, None)
    assert not Signalering.objects.get().object_open
