"""After a run the bench removes what it registered, so the next run measures the same."""

import pytest

from kanalen.models import Contactmoment, ContactmomentVraag
from kcc.bench import operations
from klanten.models import IdempotenteAanroep
from tests.factories import UserFactory
from tests.kanalen.factories import ContactmomentFactory

pytestmark = pytest.mark.django_db


def test_alleen_de_contactmomenten_van_de_bench_verdwijnen(kim_kcc):
    bench = UserFactory(username="bench-kcc")
    van_bench = ContactmomentFactory.create_batch(3, medewerker=bench)
    echt = ContactmomentFactory(medewerker=kim_kcc)
    zonder = ContactmomentFactory(medewerker=None)
    for user, sleutel in ((bench, "bench-1"), (kim_kcc, "echt-1")):
        IdempotenteAanroep.objects.create(
            medewerker=user, sleutel=sleutel, vingerafdruk="x", status_code=201, antwoord={}
        )

    assert operations.contactmomenten_opruimen() == 3

    assert not Contactmoment.objects.filter(pk__in=[c.pk for c in van_bench]).exists()
    assert not ContactmomentVraag.objects.filter(contactmoment_id__in=[c.pk for c in van_bench])
    assert set(Contactmoment.objects.values_list("pk", flat=True)) == {echt.pk, zonder.pk}
    assert list(IdempotenteAanroep.objects.values_list("sleutel", flat=True)) == ["echt-1"]
    assert operations.contactmomenten_opruimen() == 0


def test_zonder_bench_gebruiker_niets_te_doen(kim_kcc):
    ContactmomentFactory(medewerker=kim_kcc)
    assert operations.contactmomenten_opruimen() == 0
    assert Contactmoment.objects.count() == 1
