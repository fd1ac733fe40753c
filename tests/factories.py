"""factory_boy factories shared by the whole suite. Apps add theirs in their own module."""

import factory
from django.contrib.auth.models import Group

from kcc.accounts.models import User
from productcatalogus.models import Afdeling, Organisatie

TEST_WACHTWOORD = "Test-wachtwoord-voor-kcc-1"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("code",)

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    code = factory.Sequence(lambda n: f"org-{n}")
    integratie_modus = Organisatie.IntegratieModus.INTERN

    class Params:
        extern = factory.Trait(
            integratie_modus=Organisatie.IntegratieModus.EXTERN,
            webhook_url="http://127.0.0.1:9/webhook",
        )
        eigen = factory.Trait(is_eigen_organisatie=True, code="gemeente", naam="Gemeente Test")


class AfdelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling
        django_get_or_create = ("organisatie", "code")

    organisatie = factory.SubFactory(OrganisatieFactory, eigen=True)
    naam = factory.Sequence(lambda n: f"Afdeling {n}")
    code = factory.Sequence(lambda n: f"afd-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A medewerker; pass ``rol=`` for a role and ``afdelingen=[...]`` for membership."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@test.nl")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    soort = User.Soort.MEDEWERKER
    password = factory.PostGenerationMethodCall("set_password", TEST_WACHTWOORD)

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])
        self.save()

    @factory.post_generation
    def afdelingen(self, create, extracted, **kwargs):
        if create and extracted:
            self.afdelingen.set(extracted)

    class Params:
        burger = factory.Trait(soort=User.Soort.BURGER)
