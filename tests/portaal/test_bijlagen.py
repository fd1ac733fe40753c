"""Uploads of an aanvraag: several files, type and size checked, kept with a saved concept."""

import io

from django.core.files.storage import default_storage

from kcc.portaal.intake import MAX_BIJLAGEN, PREFIX, TE_VEEL_BIJLAGEN
from kcc.portaal.models import ConceptBijlage
from zaken.errors import FOUT_DOCUMENT_TE_GROOT, FOUT_DOCUMENT_TYPE
from zaken.models import Aanvraag, Zaak
from zaken.services.zaken import MAX_DOCUMENT_BYTES

URL = "/mijn/aanvragen/product/verhuizing-doorgeven/"
ANTWOORDEN = {f"{PREFIX}nieuw_adres": "Kerkplein 3", f"{PREFIX}verhuisdatum": "2026-04-01"}


def _pdf(naam: str) -> io.BytesIO:
    bestand = io.BytesIO(b"%PDF-1.4 " + naam.encode())
    bestand.name = naam
    return bestand


def _png(naam: str) -> io.BytesIO:
    bestand = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    bestand.name = naam
    return bestand


def test_concept_keeps_uploads_and_submission_moves_them_to_the_zaak(
    jan_client, jan, catalogus, django_capture_on_commit_callbacks
):
    response = jan_client.post(
        URL,
        {
            f"{PREFIX}nieuw_adres": "Kerkplein 3",
            "bijlagen": [_pdf("huurcontract.pdf"), _png("foto.png")],
            "actie": "concept",
        },
    )
    assert response.status_code == 302, response.content.decode()
    concept = Aanvraag.objects.get(klant=jan.klant, status=Aanvraag.Status.CONCEPT)
    bewaard = list(concept.concept_bijlagen.order_by("id"))
    assert [(b.naam, b.content_type) for b in bewaard] == [
        ("huurcontract.pdf", "application/pdf"),
        ("foto.png", "image/png"),
    ]
    # The stored name never shows the citizen's file name and follows the checked type.
    assert "huurcontract" not in bewaard[0].bestand.name
    assert bewaard[1].bestand.name.endswith(".png")

    page = jan_client.get(f"/mijn/aanvragen/concept/{concept.pk}/").content.decode()
    assert "huurcontract.pdf weghalen" in page and "foto.png weghalen" in page

    paden = [b.bestand.name for b in bewaard]
    with django_capture_on_commit_callbacks(execute=True):
        response = jan_client.post(
            f"/mijn/aanvragen/concept/{concept.pk}/",
            {
                **ANTWOORDEN,
                "weghalen": [str(bewaard[1].pk)],
                "bijlagen": [_pdf("uittreksel.pdf")],
                "actie": "indienen",
            },
        )
    assert response.status_code == 302, response.content.decode()
    zaak = Zaak.objects.get(aanvraag=concept)
    assert sorted(d.naam for d in zaak.documenten.all()) == ["huurcontract.pdf", "uittreksel.pdf"]
    assert not ConceptBijlage.objects.exists()
    assert not any(default_storage.exists(p) for p in paden)


def test_removing_a_kept_upload_from_a_concept(jan_client, jan, catalogus):
    jan_client.post(URL, {"bijlagen": [_pdf("a.pdf")], "actie": "concept"})
    concept = Aanvraag.objects.get(klant=jan.klant)
    bijlage = concept.concept_bijlagen.get()
    response = jan_client.post(
        f"/mijn/aanvragen/concept/{concept.pk}/", {"weghalen": [bijlage.pk], "actie": "concept"}
    )
    assert response.status_code == 302
    assert not concept.concept_bijlagen.exists()


def test_at_most_max_uploads_counting_the_kept_ones(jan_client, jan, catalogus):
    te_veel = [_pdf(f"{n}.pdf") for n in range(MAX_BIJLAGEN + 1)]
    response = jan_client.post(URL, {**ANTWOORDEN, "bijlagen": te_veel, "actie": "indienen"})
    assert response.status_code == 400 and TE_VEEL_BIJLAGEN in response.content.decode()
    jan_client.post(
        URL, {"bijlagen": [_pdf(f"{n}.pdf") for n in range(MAX_BIJLAGEN)], "actie": "concept"}
    )
    concept = Aanvraag.objects.get(klant=jan.klant)
    response = jan_client.post(
        f"/mijn/aanvragen/concept/{concept.pk}/",
        {**ANTWOORDEN, "bijlagen": [_pdf("extra.pdf")], "actie": "concept"},
    )
    assert response.status_code == 400 and TE_VEEL_BIJLAGEN in response.content.decode()
    assert concept.concept_bijlagen.count() == MAX_BIJLAGEN
    assert not Zaak.objects.exists()


def test_wrong_type_or_size_refused_before_anything_is_stored(jan_client, jan, catalogus):
    nep = io.BytesIO(b"MZ\x90\x00 geen pdf")
    nep.name = "virus.pdf"
    response = jan_client.post(URL, {"bijlagen": [_pdf("goed.pdf"), nep], "actie": "concept"})
    assert response.status_code == 400
    assert f"virus.pdf: {FOUT_DOCUMENT_TYPE}" in response.content.decode()
    groot = io.BytesIO(b"%PDF-1.4" + b"0" * MAX_DOCUMENT_BYTES)
    groot.name = "groot.pdf"
    response = jan_client.post(URL, {**ANTWOORDEN, "bijlagen": [groot], "actie": "indienen"})
    assert response.status_code == 400 and FOUT_DOCUMENT_TE_GROOT in response.content.decode()
    assert not Aanvraag.objects.exists() and not ConceptBijlage.objects.exists()


def test_other_citizen_cannot_touch_a_concept_or_its_uploads(client, jan, maria, catalogus):
    client.force_login(jan)
    client.post(URL, {"bijlagen": [_pdf("a.pdf")], "actie": "concept"})
    concept = Aanvraag.objects.get(klant=jan.klant)
    bijlage = concept.concept_bijlagen.get()
    client.force_login(maria)
    url = f"/mijn/aanvragen/concept/{concept.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"weghalen": [bijlage.pk], "actie": "concept"}).status_code == 404
    assert client.post(url, {**ANTWOORDEN, "actie": "indienen"}).status_code == 404
    assert concept.concept_bijlagen.count() == 1
    concept.refresh_from_db()
    assert concept.status == Aanvraag.Status.CONCEPT
