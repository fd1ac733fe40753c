"""Console inbox pages: access, query counts, claim race, answer, hand-over, XSS."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kanalen.inbox import services
from kanalen.inbox.email import bericht_ontvangen_email
from kanalen.inbox.models import InkomendBericht
from tests.inbox.factories import InkomendBerichtFactory, klant_met_email
from tests.inbox.mails import mail
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _urls(bericht, bijlage_id=1):
    return {
        "get": [
            reverse("console:inbox:lijst"),
            reverse("console:inbox:detail", args=[bericht.pk]),
            reverse("console:inbox:bijlage", args=[bijlage_id]),
        ],
        "post": [
            reverse("console:inbox:claimen", args=[bericht.pk]),
            reverse("console:inbox:vrijgeven", args=[bericht.pk]),
            reverse("console:inbox:antwoorden", args=[bericht.pk]),
            reverse("console:inbox:overdragen", args=[bericht.pk]),
        ],
    }


def test_toegang(kim_kcc, tom_teamleider, bo_burgerzaken, vera_vergunningen, fenna_beheer):
    bericht = InkomendBerichtFactory()
    urls = _urls(bericht)
    for url in urls["get"] + urls["post"]:
        anoniem = _client().post(url) if url in urls["post"] else _client().get(url)
        assert anoniem.status_code == 302 and "/accounts/login/" in anoniem["Location"], url
        for user in (bo_burgerzaken, vera_vergunningen, fenna_beheer):
            response = _client(user).post(url) if url in urls["post"] else _client(user).get(url)
            assert response.status_code == 403, (url, user)
    for user in (kim_kcc, tom_teamleider):
        assert _client(user).get(urls["get"][0]).status_code == 200
        assert _client(user).get(urls["get"][1]).status_code == 200


def test_lijst_gesorteerd_op_deadline_te_laat_gemarkeerd(kim_kcc):
    later = InkomendBerichtFactory(onderwerp="Later")
    te_laat = InkomendBerichtFactory(te_laat=True, onderwerp="Dringend")
    InkomendBerichtFactory(status="beantwoord", onderwerp="Klaar")
    html = _client(kim_kcc).get(reverse("console:inbox:lijst")).content.decode()
    assert html.index(te_laat.referentie) < html.index(later.referentie)
    assert "Te laat" in html and "kcc-inbox__rij--te-laat" in html
    assert "Klaar" not in html


def test_filter_op_kanaal_en_status(kim_kcc):
    mail_item = InkomendBerichtFactory()
    post_item = InkomendBerichtFactory(kanaal="post", gesprek__kanaal="post")
    html = _client(kim_kcc).get(reverse("console:inbox:lijst"), {"kanaal": "post"}).content.decode()
    assert post_item.referentie in html and mail_item.referentie not in html
    html = (
        _client(kim_kcc)
        .get(reverse("console:inbox:lijst"), {"status": "in_behandeling"})
        .content.decode()
    )
    assert post_item.referentie not in html
    # Rubbish in the filter: no crash, the full list.
    assert (
        _client(kim_kcc).get(reverse("console:inbox:lijst"), {"kanaal": "<x>"}).status_code == 200
    )


def test_lijst_constant_aantal_queries(kim_kcc):
    client = _client(kim_kcc)
    klant = klant_met_email("k@example.nl")
    InkomendBerichtFactory(klant=klant)

    def groei():
        for _ in range(5):
            InkomendBerichtFactory(
                klant=klant_met_email(f"x{_}@example.nl"),
                behandelaar=kim_kcc,
                status="in_behandeling",
            )
            InkomendBerichtFactory(kanaal="post")

    assert_constant_queries(
        lambda: client.get(reverse("console:inbox:lijst")), groei, label="inbox"
    )


def test_detail_constant_aantal_queries(kim_kcc):
    client = _client(kim_kcc)
    eerste = bericht_ontvangen_email(
        raw_bytes=mail(bijlagen=[("a.pdf", "application/pdf", b"%PDF-1")])
    )
    url = reverse("console:inbox:detail", args=[eerste.pk])

    def groei():
        for i in range(3):
            bericht_ontvangen_email(
                raw_bytes=mail(
                    onderwerp=f"Re: [{eerste.referentie}] {i}",
                    bijlagen=[
                        ("b.pdf", "application/pdf", b"%PDF-2"),
                        ("c.txt", "text/plain", b"hoi"),
                    ],
                )
            )

    assert_constant_queries(lambda: client.get(url), groei, label="detail")


def test_claim_verliezer_krijgt_duidelijke_melding(kim_kcc, tom_teamleider):
    bericht = InkomendBerichtFactory()
    response = _client(kim_kcc).post(reverse("console:inbox:claimen", args=[bericht.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"/{bericht.pk}/")
    response = _client(tom_teamleider).post(
        reverse("console:inbox:claimen", args=[bericht.pk]), follow=True
    )
    assert services.CLAIM_VERLOREN in response.content.decode()
    assert InkomendBericht.objects.get(pk=bericht.pk).behandelaar == kim_kcc


def test_antwoorden_via_pagina(kim_kcc, mailoutbox, django_capture_on_commit_callbacks):
    bericht = bericht_ontvangen_email(raw_bytes=mail())
    client = _client(kim_kcc)
    client.post(reverse("console:inbox:claimen", args=[bericht.pk]))
    response = client.post(
        reverse("console:inbox:antwoorden", args=[bericht.pk]), {"kanaal": "email", "tekst": ""}
    )
    assert response.status_code == 400
    assert services.ANTWOORD_LEEG in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("console:inbox:antwoorden", args=[bericht.pk]),
            {"kanaal": "email", "tekst": "Zo zit het."},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert InkomendBericht.objects.get(pk=bericht.pk).status == "beantwoord"


def test_overdragen_via_pagina(kim_kcc, afdeling_burgerzaken):
    bericht = InkomendBerichtFactory()
    client = _client(kim_kcc)
    response = client.post(reverse("console:inbox:overdragen", args=[bericht.pk]), {"afdeling": ""})
    assert response.status_code == 400
    response = client.post(
        reverse("console:inbox:overdragen", args=[bericht.pk]),
        {"afdeling": afdeling_burgerzaken.pk},
    )
    assert response.status_code == 302
    assert InkomendBericht.objects.get(pk=bericht.pk).status == "overgedragen"


def test_script_in_mail_nooit_onge_escaped_in_pagina(kim_kcc):
    bericht = bericht_ontvangen_email(
        raw_bytes=mail(
            onderwerp='<script>alert("onderwerp")</script>',
            html='<p>Hallo</p><script>alert("xss")</script><img src=x onerror="alert(2)">',
        )
    )
    html = _client(kim_kcc).get(reverse("console:inbox:detail", args=[bericht.pk])).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "Hallo" in html
    html = _client(kim_kcc).get(reverse("console:inbox:lijst")).content.decode()
    assert "<script>alert" not in html


def test_bijlage_downloaden(kim_kcc, bo_burgerzaken):
    bericht = bericht_ontvangen_email(
        raw_bytes=mail(bijlagen=[("a.pdf", "application/pdf", b"%PDF-1")])
    )
    bijlage = bericht.bijlagen.get()
    response = _client(kim_kcc).get(reverse("console:inbox:bijlage", args=[bijlage.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1"
    assert "attachment" in response["Content-Disposition"]
    assert (
        _client(bo_burgerzaken).get(reverse("console:inbox:bijlage", args=[bijlage.pk])).status_code
        == 403
    )


def test_onbekend_bericht_404(kim_kcc):
    assert _client(kim_kcc).get(reverse("console:inbox:detail", args=[999999])).status_code == 404
