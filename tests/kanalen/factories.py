"""Factories of kanalen: the seven channels, contactmomenten, contactverzoeken."""

import datetime

import factory
from django.utils import timezone

from kanalen.demo import KANALEN
from kanalen.models import Contactmoment, ContactmomentVraag, Contactverzoek, Kanaal
from tests.klanten.factories import KlantFactory


def kanalen_aanmaken() -> dict[str, Kanaal]:
    """All seven channels, as the demo data (and beheer) configure them."""
    return {
        code: Kanaal.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "reactienorm_waarde": waarde,
                "reactienorm_eenheid": eenheid,
                "volgorde": i,
            },
        )[0]
        for i, (code, naam, waarde, eenheid) in enumerate(KANALEN, start=1)
    }


class ContactmomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactmoment
        skip_postgeneration_save = True

    klant = factory.SubFactory(KlantFactory)
    kanaal = factory.LazyFunction(lambda: kanalen_aanmaken()["telefoon"])
    richting = Contactmoment.Richting.INKOMEND
    gestart_op = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=5))
    beeindigd_op = factory.LazyAttribute(
        lambda o: o.gestart_op + datetime.timedelta(seconds=o.duur_seconden)
    )
    duur_seconden = 120
    resultaat = Contactmoment.Resultaat.BEANTWOORD

    @factory.post_generation
    def vragen(self, create, extracted, **kwargs):
        """vragen=[(vraag, antwoord, product, vac), ...]; default one plain question."""
        if not create:
            return
        for i, (vraag, antwoord, product, vac) in enumerate(
            extracted or [("Een vraag", "Een antwoord", None, None)], 1
        ):
            ContactmomentVraag.objects.create(
                contactmoment=self,
                volgnummer=i,
                vraag=vraag,
                antwoord=antwoord,
                product=product,
                vac=vac,
            )


class ContactverzoekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactverzoek

    contactmoment = factory.SubFactory(
        ContactmomentFactory, resultaat=Contactmoment.Resultaat.CONTACTVERZOEK
    )
    klant = factory.SelfAttribute("contactmoment.klant")
    vraag = "Graag terugbellen over de aanvraag."
    telefoonnummer = "+31612345678"
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
