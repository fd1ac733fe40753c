"""Factories of the inbox tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from kanalen.codes import KanaalCode
from kanalen.inbox.models import Gesprek, InkomendBericht
from klanten.models import DigitaalAdres, Klant


class KlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Klant

    voornamen = factory.Sequence(lambda n: f"Voornaam{n}")
    geslachtsnaam = factory.Sequence(lambda n: f"Achternaam{n}")


def klant_met_email(email: str, **kwargs) -> Klant:
    klant = KlantFactory(**kwargs)
    DigitaalAdres.objects.create(klant=klant, soort="email", waarde=email, voorkeur=True)
    return klant


def klant_met_telefoon(telefoon: str, **kwargs) -> Klant:
    klant = KlantFactory(**kwargs)
    DigitaalAdres.objects.create(klant=klant, soort="telefoon", waarde=telefoon, voorkeur=True)
    return klant


class GesprekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gesprek

    kanaal = KanaalCode.EMAIL
    adres = factory.Sequence(lambda n: f"burger{n}@example.nl")
    onderwerp = "Vraag"


class InkomendBerichtFactory(factory.django.DjangoModelFactory):
    """An open inbox item; ``te_laat=True`` for one past its deadline."""

    class Meta:
        model = InkomendBericht

    gesprek = factory.SubFactory(GesprekFactory)
    kanaal = factory.SelfAttribute("gesprek.kanaal")
    afzender_email = factory.SelfAttribute("gesprek.adres")
    onderwerp = factory.Sequence(lambda n: f"Vraag {n}")
    tekst = "Wanneer is het stadhuis open?"
    referentie = factory.Sequence(lambda n: f"KCC-2026-{n + 900000:06d}")
    ontvangen_op = factory.LazyFunction(timezone.now)
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))

    class Params:
        te_laat = factory.Trait(
            deadline=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
        )
