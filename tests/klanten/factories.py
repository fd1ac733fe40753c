"""Factories of the customer record."""

import datetime

import factory

from klanten.models import DigitaalAdres, Klant
from klanten.services import klant_zoeknaam

# Valid by the elfproef (the 9999xxxxx test range), not in the local BRP provider.
VRIJE_BSNS = ["999990019", "999990020", "999990032", "999990044", "999990056", "999990068"]


class KlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Klant

    soort = Klant.Soort.PERSOON
    voornamen = factory.Faker("first_name", locale="nl_NL")
    geslachtsnaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = datetime.date(1980, 1, 1)
    straat = "Teststraat"
    huisnummer = factory.Sequence(lambda n: n + 1)
    postcode = "1234 AB"
    woonplaats = "Voorbeeldstad"
    zoeknaam = factory.LazyAttribute(lambda k: klant_zoeknaam(klant=k))

    class Params:
        organisatie = factory.Trait(
            soort=Klant.Soort.ORGANISATIE,
            voornamen="",
            geslachtsnaam="",
            geboortedatum=None,
            bedrijfsnaam=factory.Sequence(lambda n: f"Bedrijf {n} B.V."),
            kvk_nummer=factory.Sequence(lambda n: f"{70000000 + n}"),
        )
        geheim = factory.Trait(geheimhouding=True)


class DigitaalAdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigitaalAdres

    klant = factory.SubFactory(KlantFactory)
    soort = DigitaalAdres.Soort.TELEFOON
    waarde = factory.Sequence(lambda n: f"+316{10000000 + n}")
    voorkeur = True
