"""bericht_ontvangen_email: matching, threading, dedup, attachments, bad input."""

from __future__ import annotations

import pytest

from kanalen.inbox import services
from kanalen.inbox.email import GEEN_AFZENDER, bericht_ontvangen_email
from kanalen.inbox.models import Bijlage, Gesprek, InkomendBericht
from tests.inbox.factories import klant_met_email
from tests.inbox.mails import mail

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 test"


def test_nieuwe_mail_wordt_inboxitem_met_referentie_en_deadline():
    bericht = bericht_ontvangen_email(raw_bytes=mail())
    assert bericht.referentie.startswith("KCC-")
    assert bericht.referentie.endswith(f"{bericht.pk:06d}")
    assert bericht.status == InkomendBericht.Status.NIEUW
    assert bericht.deadline > bericht.ontvangen_op
    assert bericht.afzender_email == "jan@example.nl"
    assert bericht.afzender_naam == "Jan Jansen"
    assert bericht.klant is None  # unknown sender: still an item, just no klant
    assert bytes(bericht.ruw).startswith(b"From:") or b"From:" in bytes(bericht.ruw)
    assert not bericht.is_vervolg


def test_afzender_wordt_klant_via_digitaal_adres():
    klant = klant_met_email("jan@example.nl")
    bericht = bericht_ontvangen_email(raw_bytes=mail(afzender="JAN <jan@EXAMPLE.nl>"))
    assert bericht.klant == klant
    assert bericht.gesprek.klant == klant


def test_zelfde_message_id_twee_keer_geeft_een_bericht():
    ruw = mail(message_id="<uniek-1@example.nl>")
    eerste = bericht_ontvangen_email(raw_bytes=ruw)
    tweede = bericht_ontvangen_email(raw_bytes=ruw)
    assert eerste.pk == tweede.pk
    assert InkomendBericht.objects.count() == 1


def test_antwoord_met_referentie_opent_geen_nieuw_item():
    eerste = bericht_ontvangen_email(raw_bytes=mail())
    reactie = bericht_ontvangen_email(
        raw_bytes=mail(
            onderwerp=f"Re: Vraag over paspoort [{eerste.referentie}]", tekst="Aanvulling"
        )
    )
    assert reactie.gesprek_id == eerste.gesprek_id
    assert reactie.is_vervolg
    assert reactie.referentie is None
    assert InkomendBericht.objects.filter(is_vervolg=False).count() == 1


def test_antwoord_via_in_reply_to_zonder_referentie():
    eerste = bericht_ontvangen_email(raw_bytes=mail(message_id="<a1@example.nl>"))
    reactie = bericht_ontvangen_email(
        raw_bytes=mail(
            onderwerp="nog iets", in_reply_to="<a1@example.nl>", references="<a1@example.nl>"
        )
    )
    assert reactie.gesprek_id == eerste.gesprek_id
    assert reactie.is_vervolg


def test_vreemde_met_andermans_referentie_krijgt_eigen_gesprek(caplog):
    eerste = bericht_ontvangen_email(raw_bytes=mail())
    vreemd = bericht_ontvangen_email(
        raw_bytes=mail(
            afzender="piet@elders.nl",
            onderwerp=f"Re: [{eerste.referentie}]",
            in_reply_to=eerste.message_id,
        )
    )
    assert vreemd.gesprek_id != eerste.gesprek_id
    assert not vreemd.is_vervolg
    assert vreemd.referentie and vreemd.referentie != eerste.referentie
    assert "andere afzender" in caplog.text


def test_reactie_op_beantwoord_gesprek_heropent_het_item(kim_kcc):
    eerste = bericht_ontvangen_email(raw_bytes=mail())
    services.antwoord_versturen(
        bericht=eerste, medewerker=kim_kcc, tekst="Tien jaar.", kanaal_code="email"
    )
    eerste.refresh_from_db()
    assert eerste.status == InkomendBericht.Status.BEANTWOORD
    bericht_ontvangen_email(
        raw_bytes=mail(onderwerp=f"Re: [{eerste.referentie}]", tekst="Dank, en nog iets")
    )
    eerste.refresh_from_db()
    assert eerste.status == InkomendBericht.Status.NIEUW
    assert eerste.behandelaar is None
    assert InkomendBericht.objects.filter(is_vervolg=False).count() == 1


def test_html_met_script_wordt_opgeschoond():
    bericht = bericht_ontvangen_email(
        raw_bytes=mail(
            html='<p onclick="x()">Hallo<script>alert("xss")</script></p>'
            '<a href="javascript:alert(1)">klik</a>'
        )
    )
    assert "<script" not in bericht.veilige_html
    assert "alert" not in bericht.veilige_html
    assert "onclick" not in bericht.veilige_html
    assert "Hallo" in bericht.veilige_html


def test_bijlagen_binnen_grenzen_opgeslagen_andere_geweigerd(caplog):
    groot = b"%PDF" + b"0" * services.BIJLAGE_MAX_BYTES
    bericht = bericht_ontvangen_email(
        raw_bytes=mail(
            bijlagen=[
                ("brief.pdf", "application/pdf", PDF),
                ("groot.pdf", "application/pdf", groot),
                ("virus.exe", "application/octet-stream", b"MZ..."),
                ("nep.png", "image/png", b"geen png"),
            ]
        )
    )
    assert list(Bijlage.objects.values_list("naam", flat=True)) == ["brief.pdf"]
    bijlage = Bijlage.objects.get()
    assert bijlage.grootte == len(PDF)
    assert bijlage.bestand.read() == PDF
    redenen = {g["naam"]: g["reden"] for g in bericht.geweigerde_bijlagen}
    assert redenen == {
        "groot.pdf": services.BIJLAGE_TE_GROOT,
        "virus.exe": services.BIJLAGE_TYPE_NIET_TOEGESTAAN,
        "nep.png": services.BIJLAGE_INHOUD_KLOPT_NIET,
    }
    assert "geweigerd" in caplog.text


def test_kapotte_mail_wordt_bewaard_met_fout(caplog):
    ruw = b"\x00\xff dit is geen mail\r\n\r\n\xfe\xfe"
    bericht = bericht_ontvangen_email(raw_bytes=ruw)
    assert bytes(bericht.ruw) == ruw
    assert GEEN_AFZENDER in bericht.verwerkingsfout
    assert bericht.referentie  # visible in the inbox: nothing lost
    assert "afzenderadres" in caplog.text


def test_kapotte_kopregels_geven_geen_crash():
    ruw = (
        b"From: =?utf-8?q?broken <jan@example.nl\r\n"
        b"Subject: =?x-unknown?b?????=\r\n"
        b"Message-ID: <<<>>>\r\n"
        b"Content-Type: text/plain; charset=x-does-not-exist\r\n\r\nhallo\xff\r\n"
    )
    bericht = bericht_ontvangen_email(raw_bytes=ruw)
    assert bericht.pk
    assert Gesprek.objects.count() == 1
