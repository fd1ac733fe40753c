"""Number answers of the intake: bounded, so no input can raise a 500 or burn CPU."""

import pytest
from django.core.exceptions import ValidationError

from zaken import errors
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.intake import IntakeVraag, antwoorden_valideren

pytestmark = pytest.mark.django_db

VRAAG = IntakeVraag(code="aantal", vraag="Hoeveel?", type="getal")


def _valideer(klant, waarde):
    return antwoorden_valideren(vragen=[VRAAG], antwoorden={"aantal": waarde}, klant=klant)


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [("3", 3), ("2,5", 2.5), (" -4 ", -4), ("1e3", 1000), ("999999999999", 999999999999)],
)
def test_geldige_getallen(klant, invoer, verwacht):
    assert _valideer(klant, invoer) == {"aantal": verwacht}


@pytest.mark.parametrize(
    ("invoer", "fout"),
    [
        ("1e5000", errors.FOUT_GETAL_TE_GROOT),
        ("1e999999999", errors.FOUT_GETAL_TE_GROOT),
        ("-1E+999999999", errors.FOUT_GETAL_TE_GROOT),
        ("1000000000000", errors.FOUT_GETAL_TE_GROOT),
        ("1" * 40, errors.FOUT_GETAL_TE_GROOT),
        ("0.00001", errors.FOUT_GETAL_DECIMALEN),
        ("1e-999999999", errors.FOUT_GETAL_DECIMALEN),
        ("NaN", errors.FOUT_GETAL),
        ("Infinity", errors.FOUT_GETAL),
        ("²", errors.FOUT_GETAL),
        ("veel", errors.FOUT_GETAL),
    ],
)
def test_ongeldige_getallen_geven_een_nederlandse_fout(klant, invoer, fout):
    with pytest.raises(ValidationError) as exc:
        _valideer(klant, invoer)
    assert exc.value.message_dict == {"aantal": [fout]}


def test_nul_met_grote_exponent_is_gewoon_nul(klant):
    assert _valideer(klant, "0e-999999999") == {"aantal": 0}


def test_te_groot_getal_wordt_niet_opgeslagen(klant, verhuizing, kim_kcc):
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            antwoorden={
                "verhuisdatum": "2026-12-15",
                "nieuwe_postcode": "1234 CD",
                "aantal_personen": "1e5000",
            },
            medewerker=kim_kcc,
            kanaal="telefoon",
        )
    assert exc.value.message_dict == {"aantal_personen": [errors.FOUT_GETAL_TE_GROOT]}
    assert not klant.aanvragen.exists()
