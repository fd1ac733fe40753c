"""Preferred channel and language: each change kept with its old and new value."""

import pytest

from kcc.audit.models import Verwerking
from klanten import services
from klanten.models import VoorkeurWijziging
from tests.klanten.clients import ingelogd
from tests.klanten.factories import KlantFactory

pytestmark = pytest.mark.django_db


def test_wijziging_met_oude_en_nieuwe_waarde(kim_kcc):
    klant = KlantFactory(voorkeurskanaal="telefoon", voorkeurstaal="nl")
    services.klant_voorkeuren_wijzigen(
        klant=klant, voorkeurskanaal="email", voorkeurstaal="nl", medewerker=kim_kcc
    )
    services.klant_voorkeuren_wijzigen(
        klant=klant, voorkeurskanaal="", voorkeurstaal="en", medewerker=None, scherm="portaal"
    )
    rijen = [
        (w.veld, w.oude_waarde, w.nieuwe_waarde, w.medewerker)
        for w in VoorkeurWijziging.objects.order_by("id")
    ]
    assert rijen == [
        ("voorkeurskanaal", "telefoon", "email", kim_kcc),
        ("voorkeurskanaal", "email", "", None),
        ("voorkeurstaal", "nl", "en", None),
    ]
    laatste = VoorkeurWijziging.objects.get(veld="voorkeurskanaal", nieuwe_waarde="")
    assert (laatste.oude_weergave, laatste.nieuwe_weergave) == ("E-mail", "geen voorkeur")
    v = Verwerking.objects.filter(klant=klant, actie="gewijzigd").order_by("id").first()
    assert v.toelichting == "Voorkeuren gewijzigd: Voorkeurskanaal Telefoon → E-mail"


def test_niets_gewijzigd_geen_historie(kim_kcc):
    klant = KlantFactory(voorkeurskanaal="telefoon", voorkeurstaal="nl")
    services.klant_voorkeuren_wijzigen(
        klant=klant, voorkeurskanaal="telefoon", voorkeurstaal="nl", medewerker=kim_kcc
    )
    assert not VoorkeurWijziging.objects.exists()
    assert not Verwerking.objects.filter(actie="gewijzigd").exists()


def test_historie_op_de_gegevenspagina(kim_kcc):
    klant = KlantFactory(voorkeurstaal="nl")
    client = ingelogd(kim_kcc)
    response = client.post(
        f"/console/klanten/{klant.pk}/gegevens/",
        {
            "actie": "voorkeuren",
            "voorkeur-voorkeurskanaal": "balie",
            "voorkeur-voorkeurstaal": "tr",
        },
    )
    assert response.status_code == 302
    html = client.get(f"/console/klanten/{klant.pk}/gegevens/").content.decode()
    assert "Voorkeurskanaal: geen voorkeur → Balie" in html
    assert "Voorkeurstaal: Nederlands → Turks" in html


def test_samenvoegen_neemt_voorkeurhistorie_mee(kim_kcc, tom_teamleider):
    behouden, opheffen = KlantFactory(), KlantFactory()
    services.klant_voorkeuren_wijzigen(
        klant=opheffen, voorkeurskanaal="email", voorkeurstaal="nl", medewerker=kim_kcc
    )
    services.klant_samenvoegen(behouden=behouden, opheffen=opheffen, medewerker=tom_teamleider)
    assert VoorkeurWijziging.objects.get().klant == behouden
