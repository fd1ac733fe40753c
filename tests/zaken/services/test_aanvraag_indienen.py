"""aanvraag_indienen: intake validation and the split into hoofdzaak and deelzaken."""

import re

import pytest
from django.core.exceptions import ValidationError

from zaken import errors
from zaken.models import Aanvraag, OutboxBericht, Zaak, ZaakStatus
from zaken.services.aanvragen import aanvraag_concept_opslaan, aanvraag_indienen

pytestmark = pytest.mark.django_db


def test_single_product_makes_one_zaak_routed_to_its_afdeling(klant, verhuizing, kim_kcc):
    aanvraag = aanvraag_indienen(
        klant=klant,
        product=verhuizing,
        antwoorden={"verhuisdatum": "15-12-2026", "nieuwe_postcode": "1234 CD"},
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    (zaak,) = aanvraag.zaken.all()
    assert zaak.soort == Zaak.Soort.ENKELVOUDIG
    assert zaak.hoofdzaak is None
    assert zaak.afdeling == verhuizing.afdeling
    assert zaak.organisatie == verhuizing.organisatie
    assert re.fullmatch(r"ZAAK-\d{4}-\d{6}", zaak.identificatie)
    assert zaak.status.volgnummer == 1
    assert zaak.streefdatum > zaak.startdatum
    assert zaak.uiterlijke_einddatum > zaak.streefdatum
    assert ZaakStatus.objects.filter(zaak=zaak, statustype=zaak.status).exists()
    # Answers normalised; the date in Dutch notation becomes ISO.
    assert aanvraag.antwoorden["verhuisdatum"] == "2026-12-15"


def test_brp_known_answer_comes_from_the_klant_not_the_input(klant, verhuizing, kim_kcc):
    aanvraag = aanvraag_indienen(
        klant=klant,
        product=verhuizing,
        antwoorden={
            "naam": "Iemand Anders",
            "verhuisdatum": "2026-12-15",
            "nieuwe_postcode": "1234 CD",
        },
        medewerker=kim_kcc,
        kanaal="balie",
    )
    assert aanvraag.antwoorden["naam"] == "Jan Jansen"


def test_required_and_typed_answers_are_checked(klant, verhuizing, kim_kcc):
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            antwoorden={"verhuisdatum": "morgen", "aantal_personen": "veel"},
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    fouten = exc.value.message_dict
    assert fouten["verhuisdatum"] == [errors.FOUT_DATUM]
    assert fouten["nieuwe_postcode"] == [errors.FOUT_VERPLICHT]
    assert fouten["aantal_personen"] == [errors.FOUT_GETAL]
    assert "naam" not in fouten  # known from the BRP
    assert not Zaak.objects.exists()
    assert not Aanvraag.objects.exists()


def test_keuze_must_be_one_of_the_choices(klant, parkeervergunning, kim_kcc):
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            product=parkeervergunning,
            antwoorden={"kenteken": "AB-123-C", "soort_vergunning": "vrachtwagen"},
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    assert exc.value.message_dict["soort_vergunning"] == [errors.FOUT_KEUZE]


def test_life_event_makes_hoofdzaak_under_kcc_regie_and_deelzaken(
    klant, verhuizen, afdeling_kcc, kim_kcc, antwoorden_verhuizen
):
    aanvraag = aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden_verhuizen,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    hoofdzaak = Zaak.objects.get(aanvraag=aanvraag, soort=Zaak.Soort.HOOFDZAAK)
    assert hoofdzaak.afdeling == afdeling_kcc
    assert hoofdzaak.aanspreekpunt == kim_kcc
    assert hoofdzaak.product is None
    deelzaken = list(hoofdzaak.deelzaken.order_by("id"))
    assert [d.product.slug for d in deelzaken] == [
        "verhuizing-doorgeven",
        "parkeervergunning",
        "wijziging-toeslagen",
    ]
    assert [d.afdeling.code for d in deelzaken] == ["burgerzaken", "vergunningen", "toeslagen"]
    assert deelzaken[2].organisatie.code == "belastingdienst"
    assert all(d.soort == Zaak.Soort.DEELZAAK and d.status is not None for d in deelzaken)
    assert hoofdzaak.streefdatum == max(d.streefdatum for d in deelzaken)
    identificaties = [hoofdzaak.identificatie] + [d.identificatie for d in deelzaken]
    assert len(set(identificaties)) == 4
    assert [z.identificatie for z in aanvraag.nieuwe_zaken] == identificaties
    # The external deelzaak goes out as a webhook; the citizen gets one receipt.
    assert OutboxBericht.objects.filter(
        soort=OutboxBericht.Soort.WEBHOOK, zaak=deelzaken[2]
    ).exists()
    assert OutboxBericht.objects.filter(soort=OutboxBericht.Soort.NOTIFICATIE).count() == 1


def test_conditional_components_only_when_answered_ja(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen
):
    antwoorden = {**antwoorden_verhuizen, "heeft_auto": "nee", "heeft_toeslagen": "nee"}
    # The parking questions are not required when there is no car.
    del antwoorden["kenteken"], antwoorden["soort_vergunning"]
    aanvraag = aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=verhuizen,
        antwoorden=antwoorden,
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    assert [d.product.slug for d in hoofdzaak.deelzaken.all()] == ["verhuizing-doorgeven"]
    assert not OutboxBericht.objects.filter(soort=OutboxBericht.Soort.WEBHOOK).exists()


def test_conditional_component_questions_required_when_it_applies(
    klant, verhuizen, kim_kcc, antwoorden_verhuizen
):
    antwoorden = dict(antwoorden_verhuizen)
    del antwoorden["kenteken"]
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            levensgebeurtenis=verhuizen,
            antwoorden=antwoorden,
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    assert exc.value.message_dict == {"kenteken": [errors.FOUT_VERPLICHT]}


def test_condition_questions_are_required(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    antwoorden = {**antwoorden_verhuizen, "heeft_auto": "misschien"}
    del antwoorden["heeft_toeslagen"]
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            levensgebeurtenis=verhuizen,
            antwoorden=antwoorden,
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    assert exc.value.message_dict["heeft_auto"] == [errors.FOUT_JA_NEE]
    assert exc.value.message_dict["heeft_toeslagen"] == [errors.FOUT_VERPLICHT]


def test_exactly_one_of_product_and_life_event(klant, verhuizing, verhuizen, kim_kcc):
    for kwargs in ({}, {"product": verhuizing, "levensgebeurtenis": verhuizen}):
        with pytest.raises(ValidationError) as exc:
            aanvraag_indienen(
                klant=klant, antwoorden={}, medewerker=kim_kcc, kanaal="telefoon", **kwargs
            )
        assert exc.value.messages == [errors.FOUT_PRODUCT_OF_LEVENSGEBEURTENIS]


def test_unknown_kanaal_refused(klant, verhuizing):
    with pytest.raises(ValidationError):
        aanvraag_indienen(klant=klant, product=verhuizing, antwoorden={}, kanaal="duif")


def test_concept_can_be_saved_and_submitted_later(klant, verhuizing, kim_kcc):
    concept = aanvraag_concept_opslaan(
        klant=klant,
        product=verhuizing,
        antwoorden={"verhuisdatum": "2026-12-15"},
        medewerker=kim_kcc,
        kanaal="telefoon",
    )
    assert concept.status == Aanvraag.Status.CONCEPT
    assert not Zaak.objects.exists()
    aanvraag = aanvraag_indienen(
        klant=klant,
        product=verhuizing,
        antwoorden={**concept.antwoorden, "nieuwe_postcode": "1234 CD"},
        medewerker=kim_kcc,
        kanaal="telefoon",
        aanvraag=concept,
    )
    assert aanvraag.pk == concept.pk
    assert aanvraag.zaken.count() == 1
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            antwoorden=aanvraag.antwoorden,
            kanaal="telefoon",
            aanvraag=aanvraag,
        )
    assert exc.value.messages == [errors.FOUT_AANVRAAG_AL_INGEDIEND]


def test_life_event_needs_the_kcc_afdeling(klant, verhuizen, kim_kcc, antwoorden_verhuizen):
    from productcatalogus.models import Afdeling
    from zaken.errors import ZaakFout

    Afdeling.objects.filter(code="kcc").delete()
    with pytest.raises(ZaakFout):
        aanvraag_indienen(
            klant=klant,
            levensgebeurtenis=verhuizen,
            antwoorden=antwoorden_verhuizen,
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    assert not Zaak.objects.exists()
