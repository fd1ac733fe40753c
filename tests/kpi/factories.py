"""Factories for the KPI tests: channels, contacts, contactverzoeken, zaken."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from kanalen.inbox.models import Gesprek, InkomendBericht
from kanalen.models import Contactmoment, ContactmomentVraag, Contactverzoek, Kanaal
from tests.portaal.factories import KlantFactory
from tests.productcatalogus.factories import ProductFactory
from zaken.models import Aanvraag, Zaak

TZ = timezone.get_default_timezone()


def moment(dag: datetime.date, uur: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=TZ)


class KanaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kanaal
        django_get_or_create = ("code",)

    code = "telefoon"
    naam = factory.LazyAttribute(lambda o: o.code.capitalize())
    reactienorm_waarde = 2


class ContactmomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactmoment

    klant = factory.SubFactory(KlantFactory, bsn=factory.Sequence(lambda n: f"{100000000 + n}"))
    kanaal = factory.SubFactory(KanaalFactory)
    richting = Contactmoment.Richting.INKOMEND
    gestart_op = factory.LazyFunction(timezone.now)
    beeindigd_op = factory.LazyAttribute(
        lambda o: o.gestart_op + datetime.timedelta(seconds=o.duur_seconden)
    )
    duur_seconden = 120
    resultaat = Contactmoment.Resultaat.BEANTWOORD


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactmomentVraag

    contactmoment = factory.SubFactory(ContactmomentFactory)
    volgnummer = factory.Sequence(lambda n: n + 1)
    vraag = "Hoe vraag ik dit aan?"


class ContactverzoekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactverzoek

    contactmoment = factory.SubFactory(ContactmomentFactory)
    klant = factory.SelfAttribute("contactmoment.klant")
    afdeling = factory.SubFactory("tests.factories.AfdelingFactory")
    vraag = "Graag terugbellen."
    telefoonnummer = "+31612345678"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    klant = factory.SubFactory(KlantFactory)
    product = factory.SubFactory(ProductFactory)
    kanaal = "balie"
    status = Aanvraag.Status.INGEDIEND


class ZaakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zaak

    identificatie = factory.Sequence(lambda n: f"ZAAK-2026-{n:06d}")
    soort = Zaak.Soort.ENKELVOUDIG
    product = factory.SubFactory(ProductFactory)
    aanvraag = factory.SubFactory(AanvraagFactory, product=factory.SelfAttribute("..product"))
    klant = factory.SelfAttribute("aanvraag.klant")
    organisatie = factory.SelfAttribute("product.organisatie")
    afdeling = factory.SelfAttribute("product.afdeling")
    startdatum = datetime.date(2026, 3, 2)
    streefdatum = datetime.date(2026, 3, 9)
    uiterlijke_einddatum = datetime.date(2026, 3, 16)


class GesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gesprek

    kanaal = "email"


class InkomendBerichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InkomendBericht

    kanaal = "email"
    gesprek = factory.SubFactory(GesprekFactory, kanaal=factory.SelfAttribute("..kanaal"))
    onderwerp = "Vraag"
    ontvangen_op = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(lambda o: o.ontvangen_op + datetime.timedelta(days=2))
