"""Factories for the portal tests: citizens with a portal identity, a small catalogue."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from kcc.accounts.models import User
from kcc.portaal.models import PortaalIdentiteit
from klanten.models import Klant
from productcatalogus.models import (
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Product,
    Statustype,
)
from tests.factories import AfdelingFactory, OrganisatieFactory


class KlantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Klant
        django_get_or_create = ("bsn",)

    soort = Klant.Soort.PERSOON
    bsn = "999993008"
    voornamen = "Jan Willem"
    geslachtsnaam = "Jansen"
    geboortedatum = datetime.date(1968, 3, 14)
    straat = "Dorpsstraat"
    huisnummer = 12
    postcode = "1234 AB"
    woonplaats = "Voorbeeldstad"
    brp_opgehaald_op = factory.LazyFunction(timezone.now)

    class Params:
        organisatie = factory.Trait(
            soort=Klant.Soort.ORGANISATIE,
            bsn="",
            kvk_nummer="69599084",
            vestigingsnummer="000038509490",
            bedrijfsnaam="Bakkerij De Korenschoof B.V.",
            voornamen="",
            geslachtsnaam="",
            geboortedatum=None,
            brp_opgehaald_op=None,
        )


class PortaalUserFactory(factory.django.DjangoModelFactory):
    """A burger account with its DigiD identity; ``kvk=`` makes an ondernemer."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"burger-{n}")
    soort = User.Soort.BURGER

    @factory.post_generation
    def identiteit(self, create, extracted, **kwargs):
        if not create:
            return
        self.set_unusable_password()
        self.save()
        bsn = kwargs.get("bsn", "")
        kvk = kwargs.get("kvk", "")
        PortaalIdentiteit.objects.update_or_create(
            user=self,
            defaults={
                "middel": "eherkenning" if kvk else "digid",
                "bsn": bsn,
                "kvk_nummer": kvk,
                "bron": "simulator",
                "laatst_ingelogd_op": timezone.now(),
            },
        )


def maak_catalogus():
    """Verhuizen (with a conditional parkeervergunning) and its products, like the demo."""
    gemeente = OrganisatieFactory(eigen=True)
    kcc = AfdelingFactory(organisatie=gemeente, code="kcc", naam="Klantcontactcentrum")
    burgerzaken = AfdelingFactory(organisatie=gemeente, code="burgerzaken", naam="Burgerzaken")
    parkeren = AfdelingFactory(organisatie=gemeente, code="parkeren", naam="Parkeren")
    verhuizing = Product.objects.create(
        naam="Verhuizing doorgeven",
        slug="verhuizing-doorgeven",
        samenvatting="Geef uw nieuwe adres door.",
        organisatie=gemeente,
        afdeling=burgerzaken,
        servicenorm_werkdagen=5,
        doorlooptijd_werkdagen=20,
        intake=[
            {
                "code": "geboortedatum",
                "vraag": "Uw geboortedatum",
                "type": "datum",
                "verplicht": True,
                "brp_veld": "geboortedatum",
            },
            {
                "code": "nieuw_adres",
                "vraag": "Wat is uw nieuwe adres?",
                "type": "tekst",
                "verplicht": True,
            },
            {
                "code": "verhuisdatum",
                "vraag": "Wanneer verhuist u?",
                "type": "datum",
                "verplicht": True,
            },
        ],
    )
    parkeer = Product.objects.create(
        naam="Parkeervergunning",
        slug="parkeervergunning",
        samenvatting="Parkeren bij uw huis.",
        organisatie=gemeente,
        afdeling=parkeren,
        servicenorm_werkdagen=10,
        intake=[
            {"code": "kenteken", "vraag": "Wat is uw kenteken?", "type": "tekst", "verplicht": True}
        ],
    )
    for product in (verhuizing, parkeer):
        Statustype.objects.create(
            product=product, volgnummer=1, naam="Intern: registratie", publieke_tekst="Ontvangen"
        )
        Statustype.objects.create(
            product=product,
            volgnummer=2,
            naam="Intern: controle door team",
            publieke_tekst="Wij controleren uw gegevens",
            informeren=True,
        )
        Statustype.objects.create(
            product=product,
            volgnummer=3,
            naam="Klaar",
            publieke_tekst="Afgerond",
            is_eindstatus=True,
        )
    verhuizen = Levensgebeurtenis.objects.create(
        naam="Verhuizen", slug="verhuizen", samenvatting="U gaat verhuizen."
    )
    LevensgebeurtenisComponent.objects.create(
        levensgebeurtenis=verhuizen, product=verhuizing, volgorde=1
    )
    LevensgebeurtenisComponent.objects.create(
        levensgebeurtenis=verhuizen,
        product=parkeer,
        volgorde=2,
        voorwaarde_vraag="Heeft u een auto?",
        voorwaarde_code="heeft_auto",
    )
    return {
        "gemeente": gemeente,
        "kcc": kcc,
        "burgerzaken": burgerzaken,
        "parkeren": parkeren,
        "verhuizing": verhuizing,
        "parkeervergunning": parkeer,
        "verhuizen": verhuizen,
    }


def maak_demoproduct(slug: str, afdeling) -> Product:
    """A product exactly as the demo data defines it (intake, status types), at ``afdeling``."""
    from productcatalogus.demo.producten import PRODUCTEN

    spec = next(p for p in PRODUCTEN if p["slug"] == slug)
    product = Product.objects.create(
        slug=slug,
        naam=spec["naam"],
        samenvatting=spec["samenvatting"],
        soort=spec["soort"],
        organisatie=afdeling.organisatie,
        afdeling=afdeling,
        servicenorm_werkdagen=spec["servicenorm_werkdagen"],
        doorlooptijd_werkdagen=spec["doorlooptijd_werkdagen"],
        kanalen=spec["kanalen"],
        intake=spec.get("intake", []),
        voor_burger=spec.get("voor_burger", True),
        voor_bedrijf=spec.get("voor_bedrijf", False),
    )
    for volgnummer, (naam, tekst, informeren) in enumerate(spec["status"], start=1):
        Statustype.objects.create(
            product=product,
            volgnummer=volgnummer,
            naam=naam,
            publieke_tekst=tekst,
            informeren=informeren,
            is_eindstatus=volgnummer == len(spec["status"]),
        )
    return product


def maak_organisatieklant(kvk_nummer: str, vestigingsnummer: str, naam: str) -> Klant:
    """A company's Klant (KlantFactory gets-or-creates by BSN, which organisations lack)."""
    return Klant.objects.create(
        soort=Klant.Soort.ORGANISATIE,
        kvk_nummer=kvk_nummer,
        vestigingsnummer=vestigingsnummer,
        bedrijfsnaam=naam,
        straat="Marktplein",
        huisnummer=1,
        postcode="1234 AB",
        woonplaats="Voorbeeldstad",
    )


def verhuizen_aanvragen(klant: Klant, catalogus: dict, auto: bool = True):
    """Jan's "Verhuizen" as submitted in the portal: a hoofdzaak with one or two deelzaken."""
    from zaken.services.aanvragen import aanvraag_indienen

    return aanvraag_indienen(
        klant=klant,
        levensgebeurtenis=catalogus["verhuizen"],
        antwoorden={
            "heeft_auto": "ja" if auto else "nee",
            "nieuw_adres": "Kerkplein 3",
            "verhuisdatum": "2026-04-01",
            "kenteken": "AB-123-C",
        },
        kanaal="webformulier",
    )
