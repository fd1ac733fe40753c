"""The customer's e-mail for a message: the same whether the addresses were read along."""

import pytest
from django.db.models import Prefetch

from klanten.models import DigitaalAdres, Klant
from tests.zaken.factories import DigitaalAdresFactory, KlantFactory
from zaken.services.berichten import klant_voorkeur_email

pytestmark = pytest.mark.django_db


def _met_adressen(klant: Klant) -> Klant:
    return Klant.objects.prefetch_related(
        Prefetch(
            "digitale_adressen",
            queryset=DigitaalAdres.objects.order_by("soort", "-voorkeur", "id"),
        )
    ).get(pk=klant.pk)


def test_voorkeur_gelijk_met_en_zonder_gelezen_adressen(django_assert_num_queries):
    zonder = KlantFactory()
    assert klant_voorkeur_email(zonder) == ""
    gelezen = _met_adressen(zonder)
    with django_assert_num_queries(0):
        assert klant_voorkeur_email(gelezen) == ""

    klant = KlantFactory()
    DigitaalAdresFactory(klant=klant, waarde="eerste@example.nl", voorkeur=False)
    DigitaalAdresFactory(
        klant=klant, soort=DigitaalAdres.Soort.TELEFOON, waarde="+31612345678", voorkeur=True
    )
    assert klant_voorkeur_email(klant) == "eerste@example.nl"
    DigitaalAdresFactory(klant=klant, waarde="voorkeur@example.nl", voorkeur=True)
    gelezen = _met_adressen(klant)
    with django_assert_num_queries(0):
        assert klant_voorkeur_email(gelezen) == "voorkeur@example.nl"
    assert klant_voorkeur_email(klant) == "voorkeur@example.nl"
