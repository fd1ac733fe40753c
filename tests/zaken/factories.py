"""Factories of the zaken tests: klanten (minimal), aanvragen and zaken with traits."""

import datetime

import factory
from django.utils import timezone

from klanten.models import DigitaalAdres, Klant
from tests.productcatalogus.factories import ProductFactory
from zaken.models import Aanvraag, Zaak


class KlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Klant

    soort = Klant.Soort.PERSOON
    voornamen = factory.Faker("first_name", locale="nl_NL")
    geslachtsnaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = datetime.date(1985, 4, 12)
    straat = "Dorpsstraat"
    huisnummer = 1
    postcode = "1234 AB"
    woonplaats = "Voorbeeldstad"


class DigitaalAdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigitaalAdres

    klant = factory.SubFactory(KlantFactory)
    soort = DigitaalAdres.Soort.EMAIL
    waarde = factory.Sequence(lambda n: f"klant{n}@example.nl")
    voorkeur = True


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    klant = factory.SubFactory(KlantFactory)
    product = factory.SubFactory(ProductFactory)
    kanaal = "telefoon"
    status = Aanvraag.Status.INGEDIEND


class ZaakFactory(factory.django.DjangoModelFactory):
    """A single zaak, straight into the database (for lists and query counts)."""

    class Meta:
        model = Zaak

    identificatie = factory.Sequence(lambda n: f"ZAAK-2099-{n:06d}")
    soort = Zaak.Soort.ENKELVOUDIG
    product = factory.SubFactory(ProductFactory)
    aanvraag = factory.SubFactory(
        AanvraagFactory,
        product=factory.SelfAttribute("..product"),
        klant=factory.SelfAttribute("..klant"),
    )
    klant = factory.SubFactory(KlantFactory)
    afdeling = factory.SelfAttribute("product.afdeling")
    organisatie = factory.SelfAttribute("afdeling.organisatie")
    startdatum = factory.LazyFunction(lambda: timezone.localdate())
    streefdatum = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))

    class Params:
        afgehandeld = factory.Trait(
            afgesloten_op=factory.LazyFunction(timezone.now),
            einddatum=factory.LazyFunction(timezone.localdate),
            resultaat="Klaar",
        )
        te_laat = factory.Trait(
            streefdatum=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=3)
            )
        )


def zaak_signaleren(zaak: Zaak, soort: str, *, deadline=None, **velden):
    """A norm monitor's Signalering of ``zaak`` (``velden``: afdeling, organisatie)."""
    from django.contrib.contenttypes.models import ContentType

    from kcc.normen.models import Signalering

    return Signalering.objects.create(
        content_type=ContentType.objects.get_for_model(Zaak),
        object_id=zaak.pk,
        soort=soort,
        objectsoort=Signalering.Objectsoort.ZAAK,
        kenmerk=zaak.identificatie,
        deadline=deadline or timezone.now(),
        aangemaakt_op=timezone.now(),
        **velden,
    )
