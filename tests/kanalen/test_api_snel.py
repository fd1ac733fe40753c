"""The contactmoment create's plain-Python input and answer (kanalen.api.snel) against
the serializers they stand in for: the same validated data and the same JSON, and every
input the serializer would convert or refuse is left to the serializer."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from kanalen.api import snel
from kanalen.api.views import ContactmomentCreateView, ContactmomentOutputSerializer
from kanalen.models import Contactmoment
from tests.kanalen.factories import ContactmomentFactory
from tests.productcatalogus.factories import ProductFactory, VACFactory

Invoer = ContactmomentCreateView.InputSerializer

GELDIG = {
    "klant": 12,
    "kanaal": "telefoon",
    "resultaat": "beantwoord",
    "vragen": [{"vraag": "Wanneer?", "antwoord": "Dinsdag."}],
}


def _serializer(data):
    serializer = Invoer(data=data)
    return serializer.validated_data if serializer.is_valid() else None


def _gelijk(data) -> None:
    """The fast check accepts only what the serializer accepts, with the same result."""
    snel_resultaat = snel.invoer(data)
    if snel_resultaat is not None:
        assert snel_resultaat == _serializer(data)


@pytest.mark.parametrize(
    "data",
    [
        GELDIG,
        {**GELDIG, "klant": None, "anoniem_naam": "  Piet ", "anoniem_telefoon": "0612345678"},
        {**GELDIG, "richting": "uitgaand", "gestart_op": "2026-12-03T10:15:00+01:00"},
        {**GELDIG, "gestart_op": "2026-12-03T09:15:00.123456Z"},
        {**GELDIG, "gestart_op": "2026-12-03 10:15"},  # parsed by the same DRF field
        {
            **GELDIG,
            "resultaat": "contactverzoek",
            "afdeling": 3,
            "behandelaar": 4,
            "terugbel_telefoon": " 0201234567 ",
            "bereikbaar": "na 14:00",
        },
        {**GELDIG, "resultaat": "doorverwezen", "doorverwezen_naar": 7, "vorig_contactmoment": 9},
        {**GELDIG, "resultaat": "aanvraag_gestart", "aanvraag": 5},
        {
            **GELDIG,
            "vragen": [
                {"vraag": " a ", "product": 1, "vac": 2},
                {"vraag": "b", "antwoord": "  ", "product": None},
            ],
        },
        {**GELDIG, "onbekend_veld": "genegeerd"},
    ],
)
def test_geldige_invoer_als_de_serializer(data):
    verwacht = _serializer(data)
    assert verwacht is not None
    assert snel.invoer(data) == verwacht


@pytest.mark.parametrize(
    "data",
    [
        {**GELDIG, "klant": "12"},  # converted by the serializer
        {**GELDIG, "klant": 12.0},
        {**GELDIG, "kanaal": 5},
        {**GELDIG, "gestart_op": "gisteren"},
        {**GELDIG, "richting": "zijwaarts"},
        {**GELDIG, "resultaat": None},
        {**GELDIG, "klant": True},
        {**GELDIG, "klant": 0},
        {**GELDIG, "klant": 2**63},
        {**GELDIG, "kanaal": "   "},
        {**GELDIG, "kanaal": "tele\x00foon"},
        {**GELDIG, "anoniem_naam": "\ud800"},
        {**GELDIG, "vragen": []},
        {**GELDIG, "vragen": {"vraag": "x"}},
        {**GELDIG, "vragen": ["x"]},
        {**GELDIG, "vragen": [{"vraag": "x" * 2001}]},
        {**GELDIG, "vragen": [{"vraag": " "}]},
        {**GELDIG, "vragen": [{"vraag": "x", "antwoord": None}]},
        {**GELDIG, "gestart_op": None},
        {k: v for k, v in GELDIG.items() if k != "kanaal"},
        [GELDIG],
        "tekst",
    ],
)
def test_al_het_andere_beslist_de_serializer(data):
    assert snel.invoer(data) is None


_waarde = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-2, max_value=2**63 + 2),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.sampled_from(["telefoon", "inkomend", "uitgaand", "beantwoord", "contactverzoek", " x "]),
    st.sampled_from(["2026-12-03T10:15:00+01:00", "2026-12-03", ""]),
)
_vraag = st.dictionaries(st.sampled_from(["vraag", "antwoord", "product", "vac"]), _waarde)
_velden = st.sampled_from(
    ["klant", "kanaal", "richting", "resultaat", "gestart_op", "afdeling", "anoniem_naam"]
)


@settings(max_examples=300, deadline=None)
@given(
    wijzigingen=st.dictionaries(_velden, _waarde, max_size=3),
    vragen=st.lists(_vraag, max_size=3),
)
def test_willekeurige_invoer_nooit_anders_dan_de_serializer(wijzigingen, vragen):
    _gelijk({**GELDIG, "vragen": vragen, **wijzigingen})
    _gelijk({**GELDIG, **wijzigingen})


@pytest.mark.django_db
def test_antwoord_als_de_serializer(kim_kcc, gemeente):
    product = ProductFactory()
    vac = VACFactory()
    contacten = [
        ContactmomentFactory(medewerker=kim_kcc),
        ContactmomentFactory(
            klant=None,
            medewerker=None,
            richting=Contactmoment.Richting.UITGAAND,
            resultaat=Contactmoment.Resultaat.DOORVERWEZEN,
            doorverwezen_naar=gemeente,
            gestart_op=timezone.now().replace(microsecond=0) - datetime.timedelta(hours=2),
            vragen=[("Vraag 1", "", product, None), ("Vraag 2", "Antwoord", None, vac)],
        ),
    ]
    contacten.append(ContactmomentFactory(vorig_contactmoment=contacten[0], medewerker=kim_kcc))
    for cm in Contactmoment.objects.filter(pk__in=[c.pk for c in contacten]).prefetch_related(
        "vragen"
    ):
        assert snel.antwoord(cm) == ContactmomentOutputSerializer(cm).data


@pytest.mark.django_db
def test_api_geeft_het_antwoord_van_de_serializer(kim_kcc, kanalen):
    client = Client(headers={"authorization": f"Token {Token.objects.create(user=kim_kcc).key}"})
    response = client.post(
        "/api/v1/contactmomenten/",
        {**GELDIG, "klant": None, "vragen": [{"vraag": " Open? ", "antwoord": "Ja."}]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    cm = Contactmoment.objects.prefetch_related("vragen").get(pk=response.json()["id"])
    assert response.json() == ContactmomentOutputSerializer(cm).data
    assert cm.vragen.get().vraag == "Open?"


@pytest.mark.django_db
def test_api_fout_blijft_de_melding_van_de_serializer(kim_kcc, kanalen):
    client = Client(headers={"authorization": f"Token {Token.objects.create(user=kim_kcc).key}"})
    response = client.post(
        "/api/v1/contactmomenten/",
        {**GELDIG, "klant": "twaalf"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "klant" in response.json()
    assert not Contactmoment.objects.exists()
