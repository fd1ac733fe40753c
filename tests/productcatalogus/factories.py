"""Factories of the catalogue: products, status types, life events, VACs."""

import factory

from productcatalogus.models import (
    VAC,
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    Statustype,
)
from tests.factories import AfdelingFactory


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    naam = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    samenvatting = "Een product om te testen."
    afdeling = factory.SubFactory(AfdelingFactory)
    organisatie = factory.SelfAttribute("afdeling.organisatie")
    servicenorm_werkdagen = 5

    class Params:
        inactief = factory.Trait(actief=False)


class StatustypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statustype

    product = factory.SubFactory(ProductFactory)
    volgnummer = factory.Sequence(lambda n: n + 1)
    naam = factory.Sequence(lambda n: f"Status {n}")


class LevensgebeurtenisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Levensgebeurtenis

    naam = factory.Sequence(lambda n: f"Gebeurtenis {n}")
    slug = factory.Sequence(lambda n: f"gebeurtenis-{n}")
    samenvatting = "Alles regelen in één keer."


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevensgebeurtenisComponent

    levensgebeurtenis = factory.SubFactory(LevensgebeurtenisFactory)
    product = factory.SubFactory(ProductFactory)


class VACFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VAC
        skip_postgeneration_save = True

    vraag = factory.Sequence(lambda n: f"Vraag nummer {n}?")
    slug = factory.Sequence(lambda n: f"vraag-{n}")
    antwoord = "<p>Het antwoord.</p>"
    afdeling = factory.SubFactory(AfdelingFactory)

    class Params:
        intern = factory.Trait(openbaar=False)

    @factory.post_generation
    def producten(self, create, extracted, **kwargs):
        if create and extracted:
            self.producten.set(extracted)
