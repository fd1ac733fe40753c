"""Stale portal concepts are removed with their uploads; nothing else is touched."""

import datetime

from django.core.files.storage import default_storage
from django.utils import timezone

from kanalen.models import Contactmoment
from kcc.portaal.models import ConceptBijlage
from kcc.portaal.services.aanvragen import verlopen_concepten_opruimen
from kcc.portaal.tasks import concepten_opruimen
from tests.portaal.test_bijlagen import URL, _pdf
from zaken.models import Aanvraag


def _concept(jan_client, jan) -> Aanvraag:
    response = jan_client.post(
        URL, {"bijlagen": [_pdf("huurcontract.pdf")], "actie": "concept"}, follow=True
    )
    assert response.status_code == 200
    assert "Wij bewaren hem 90 dagen" in response.content.decode()
    return Aanvraag.objects.filter(klant=jan.klant, status=Aanvraag.Status.CONCEPT).latest("pk")


def _veroudering(aanvraag: Aanvraag, dagen: int) -> None:
    Aanvraag.objects.filter(pk=aanvraag.pk).update(
        gewijzigd_op=timezone.now() - datetime.timedelta(days=dagen)
    )


def test_a_concept_past_its_days_goes_with_its_upload_files(
    jan_client, jan, catalogus, django_capture_on_commit_callbacks
):
    oud = _concept(jan_client, jan)
    pad = oud.concept_bijlagen.get().bestand.name
    assert default_storage.exists(pad)
    _veroudering(oud, 91)
    gesprek = Contactmoment.objects.filter(aanvraag=oud).first()

    with django_capture_on_commit_callbacks(execute=True):
        assert concepten_opruimen() == 1

    assert not Aanvraag.objects.filter(pk=oud.pk).exists()
    assert not ConceptBijlage.objects.exists()
    assert not default_storage.exists(pad)
    if gesprek is not None:  # a contactmoment that named the concept keeps its text
        gesprek.refresh_from_db()
        assert gesprek.aanvraag_id is None


def test_recent_concepts_and_submitted_aanvragen_stay(jan_client, jan, catalogus, settings):
    recent = _concept(jan_client, jan)
    _veroudering(recent, 89)
    ingediend = _concept(jan_client, jan)
    Aanvraag.objects.filter(pk=ingediend.pk).update(status=Aanvraag.Status.INGEDIEND)
    _veroudering(ingediend, 400)

    assert verlopen_concepten_opruimen() == 0
    assert Aanvraag.objects.filter(pk__in=[recent.pk, ingediend.pk]).count() == 2

    settings.KCC_CONCEPT_BEWAARDAGEN = 30  # the configured number of days counts
    assert verlopen_concepten_opruimen() == 1
    assert not Aanvraag.objects.filter(pk=recent.pk).exists()
    assert Aanvraag.objects.filter(pk=ingediend.pk).exists()


def test_the_aanvragen_page_says_how_long_a_concept_is_kept(jan_client, jan, catalogus):
    _concept(jan_client, jan)
    page = jan_client.get("/mijn/aanvragen/").content.decode()
    assert "bewaren wij 90 dagen na de laatste keer" in page
