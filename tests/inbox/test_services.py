"""Inbox services: deadlines, claim (one winner), answer, hand-over, refusals."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kanalen.codes import KanaalCode
from kanalen.inbox import overdracht, services
from kanalen.inbox.models import Antwoord, InkomendBericht
from kanalen.models import Contactmoment, Contactverzoek, Kanaal
from kcc.normen.calendar import TIJDZONE
from kcc.normen.models import Openingstijd
from tests.inbox.factories import InkomendBerichtFactory, klant_met_email

pytestmark = pytest.mark.django_db


def _moment(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=TIJDZONE)


@pytest.mark.parametrize(
    ("kanaal", "verwacht"),
    [
        (KanaalCode.EMAIL, _moment(2026, 11, 25, 17, 0)),  # Mon -> Wed end of day
        (KanaalCode.WEBFORMULIER, _moment(2026, 11, 25, 17, 0)),
        (KanaalCode.POST, _moment(2026, 11, 30, 17, 0)),  # 5 working days
    ],
)
def test_standaard_reactienormen(kanaal, verwacht):
    start = _moment(2026, 11, 23, 10, 0)
    assert (
        services.deadline_berekenen(kanaal=services.kanaal_voor(kanaal), ontvangen_op=start)
        == verwacht
    )


def test_chat_twee_minuten_binnen_openingstijd():
    for dag in range(5):
        Openingstijd.objects.create(
            kanaal="chat", weekdag=dag, van=datetime.time(9), tot=datetime.time(17)
        )
    kanaal = services.kanaal_voor(KanaalCode.CHAT)
    assert services.deadline_berekenen(
        kanaal=kanaal, ontvangen_op=_moment(2026, 11, 23, 10, 0)
    ) == _moment(2026, 11, 23, 10, 2)
    # 16:59 on a Friday: one minute today, one on Monday morning.
    assert services.deadline_berekenen(
        kanaal=kanaal, ontvangen_op=_moment(2026, 11, 27, 16, 59)
    ) == _moment(2026, 11, 30, 9, 1)


def test_reactienorm_uit_beheer_telt():
    Kanaal.objects.create(
        code="email", naam="E-mail", reactienorm_waarde=1, reactienorm_eenheid="werkdagen"
    )
    kanaal = services.kanaal_voor("email")
    assert services.deadline_berekenen(
        kanaal=kanaal, ontvangen_op=_moment(2026, 11, 23, 10)
    ) == _moment(2026, 11, 24, 17)


def test_claim_heeft_precies_een_winnaar(kim_kcc, tom_teamleider):
    bericht = InkomendBerichtFactory()
    services.bericht_claimen(bericht=bericht, medewerker=kim_kcc)
    with pytest.raises(services.ClaimVerloren, match=services.CLAIM_VERLOREN):
        services.bericht_claimen(
            bericht=InkomendBericht.objects.get(pk=bericht.pk), medewerker=tom_teamleider
        )
    bericht.refresh_from_db()
    assert bericht.behandelaar == kim_kcc
    assert bericht.status == InkomendBericht.Status.IN_BEHANDELING
    # Claiming your own item again is harmless.
    services.bericht_claimen(bericht=bericht, medewerker=kim_kcc)


def test_backoffice_mag_niet_claimen(bo_burgerzaken):
    with pytest.raises(PermissionDenied):
        services.bericht_claimen(bericht=InkomendBerichtFactory(), medewerker=bo_burgerzaken)


def test_vrijgeven(kim_kcc):
    bericht = InkomendBerichtFactory()
    services.bericht_claimen(bericht=bericht, medewerker=kim_kcc)
    services.bericht_vrijgeven(bericht=bericht, medewerker=kim_kcc)
    bericht.refresh_from_db()
    assert bericht.behandelaar is None and bericht.status == "nieuw"


def test_antwoord_wordt_uitgaand_contactmoment_op_klant(
    kim_kcc, mailoutbox, django_capture_on_commit_callbacks
):
    klant = klant_met_email("jan@example.nl")
    bericht = InkomendBerichtFactory(
        klant=klant, gesprek__klant=klant, gesprek__adres="jan@example.nl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = services.antwoord_versturen(
            bericht=bericht,
            medewerker=kim_kcc,
            tekst="Het stadhuis is open van 9 tot 17.",
            kanaal_code="email",
        )
    cm = antwoord.contactmoment
    assert cm.richting == Contactmoment.Richting.UITGAAND
    assert cm.vorig_contactmoment.richting == Contactmoment.Richting.INKOMEND
    assert cm.klant == klant
    assert cm.kanaal.code == "email"
    assert cm.vragen.get().antwoord == "Het stadhuis is open van 9 tot 17."
    bericht.refresh_from_db()
    assert bericht.status == "beantwoord" and bericht.beantwoord_op
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["jan@example.nl"]
    assert bericht.referentie in mailoutbox[0].subject


def test_antwoord_per_post_wordt_alleen_geregistreerd(kim_kcc, mailoutbox):
    bericht = InkomendBerichtFactory()
    antwoord = services.antwoord_versturen(
        bericht=bericht, medewerker=kim_kcc, tekst="Brief", kanaal_code="post"
    )
    assert antwoord.verzonden_op is not None
    assert antwoord.contactmoment.kanaal.code == "post"
    assert antwoord.contactmoment.anoniem_email == bericht.afzender_email
    assert mailoutbox == []


def test_antwoord_weigert(kim_kcc, tom_teamleider):
    bericht = InkomendBerichtFactory()
    with pytest.raises(ValidationError) as exc:
        services.antwoord_versturen(
            bericht=bericht, medewerker=kim_kcc, tekst="  ", kanaal_code="email"
        )
    assert services.ANTWOORD_LEEG in str(exc.value)
    with pytest.raises(ValidationError, match=services.ONBEKEND_ANTWOORDKANAAL):
        services.antwoord_versturen(
            bericht=bericht, medewerker=kim_kcc, tekst="x", kanaal_code="fax"
        )
    bericht.refresh_from_db()
    with pytest.raises(ValidationError, match=services.NIET_VAN_U):
        services.antwoord_versturen(
            bericht=bericht, medewerker=tom_teamleider, tekst="x", kanaal_code="post"
        )
    zonder_adres = InkomendBerichtFactory(afzender_email="", gesprek__adres="")
    with pytest.raises(ValidationError, match=services.GEEN_EMAILADRES):
        services.antwoord_versturen(
            bericht=zonder_adres, medewerker=kim_kcc, tekst="x", kanaal_code="email"
        )
    services.antwoord_versturen(bericht=bericht, medewerker=kim_kcc, tekst="x", kanaal_code="post")
    bericht.refresh_from_db()
    with pytest.raises(ValidationError, match=services.AL_AFGEROND):
        services.antwoord_versturen(
            bericht=bericht, medewerker=kim_kcc, tekst="x", kanaal_code="post"
        )
    assert Antwoord.objects.count() == 1


def test_voorkeurskanaal_van_klant_is_standaard():
    klant = klant_met_email("a@example.nl", voorkeurskanaal="post")
    bericht = InkomendBerichtFactory(klant=klant)
    assert services.standaard_antwoordkanaal(bericht=bericht) == "post"
    assert services.standaard_antwoordkanaal(bericht=InkomendBerichtFactory()) == "email"


def test_overdragen_maakt_contactverzoek(kim_kcc, afdeling_burgerzaken):
    bericht = InkomendBerichtFactory(tekst="Mijn vergunning is nog niet binnen.")
    cm = overdracht.bericht_overdragen(
        bericht=bericht, medewerker=kim_kcc, afdeling_id=afdeling_burgerzaken.pk
    )
    verzoek = Contactverzoek.objects.get(contactmoment=cm)
    assert verzoek.afdeling == afdeling_burgerzaken
    assert verzoek.email == bericht.afzender_email
    assert bericht.referentie in verzoek.vraag
    bericht.refresh_from_db()
    assert bericht.status == "overgedragen"
    with pytest.raises(ValidationError, match=services.AL_AFGEROND):
        overdracht.bericht_overdragen(
            bericht=bericht, medewerker=kim_kcc, afdeling_id=afdeling_burgerzaken.pk
        )


def test_overdragen_zonder_afdeling_geweigerd(kim_kcc):
    with pytest.raises(ValidationError, match=overdracht.AFDELING_NODIG):
        overdracht.bericht_overdragen(
            bericht=InkomendBerichtFactory(), medewerker=kim_kcc, afdeling_id=None
        )


def test_onbekend_telefoonnummer_geen_klant():
    assert services.klant_bij_adres(telefoon="+31612345678") is None
    assert services.klant_bij_adres() is None


def test_twee_klanten_met_zelfde_adres_geen_match():
    klant_met_email("gedeeld@example.nl")
    klant_met_email("gedeeld@example.nl")
    assert services.klant_bij_adres(email="gedeeld@example.nl") is None
