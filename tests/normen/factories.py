from datetime import date, time, timedelta

import factory

from kcc.normen.models import KanaalCode, Openingstijd, Sluitingsdag


class SluitingsdagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sluitingsdag

    datum = factory.Sequence(lambda n: date(2030, 1, 1) + timedelta(days=n))
    omschrijving = "Sluitingsdag"
    organisatie = None


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    """Default: telefoon on Monday, 08:30-17:00, for all organisations."""

    class Meta:
        model = Openingstijd

    kanaal = KanaalCode.TELEFOON
    weekdag = 0
    van = time(8, 30)
    tot = time(17, 0)
    organisatie = None


def openingstijden(kanaal: str, weekdagen, van: time, tot: time, organisatie=None) -> None:
    for weekdag in weekdagen:
        OpeningstijdFactory(
            kanaal=kanaal, weekdag=weekdag, van=van, tot=tot, organisatie=organisatie
        )
