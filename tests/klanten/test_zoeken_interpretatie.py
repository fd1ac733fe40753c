import datetime

import pytest

from klanten import validators
from klanten.zoeken import DATUM_ONGELDIG, Soort, interpreteer


@pytest.mark.parametrize(
    ("tekst", "soort", "waarde"),
    [
        ("999993008", Soort.BSN, "999993008"),
        ("9999.93.008", Soort.BSN, "999993008"),
        ("69599084", Soort.KVK, "69599084"),
        ("000038509490", Soort.VESTIGING, "000038509490"),
        ("06-12345678", Soort.TELEFOON, "+31612345678"),
        ("+31 6 1234 5678", Soort.TELEFOON, "+31612345678"),
        ("0031612345678", Soort.TELEFOON, "+31612345678"),
        ("020-1234567", Soort.TELEFOON, "+31201234567"),
        ("(020) 123 45 67", Soort.TELEFOON, "+31201234567"),
        ("Naam@Voorbeeld.NL", Soort.EMAIL, "Naam@voorbeeld.nl"),
        ("Jan Jansen", Soort.NAAM, "jan jansen"),
        ("Sophie van der Linden", Soort.NAAM, "sophie linden"),
    ],
)
def test_herkent_soort_en_normaliseert(tekst, soort, waarde):
    vraag = interpreteer(tekst)
    assert vraag.fout == ""
    assert vraag.soort == soort
    assert vraag.waarde == waarde


@pytest.mark.parametrize(
    ("tekst", "huisnummer", "letter", "toevoeging"),
    [
        ("1234AB 12", 12, "", ""),
        ("1234 ab 12a", 12, "a", ""),
        ("1234 AB 12-2", 12, "", "2"),
        ("1234AB", None, "", ""),
    ],
)
def test_postcode_en_huisnummer(tekst, huisnummer, letter, toevoeging):
    vraag = interpreteer(tekst)
    assert (vraag.soort, vraag.postcode, vraag.huisnummer) == (
        Soort.POSTCODE,
        "1234 AB",
        huisnummer,
    )
    assert (vraag.huisletter, vraag.toevoeging) == (letter, toevoeging)


def test_naam_met_geboortedatum():
    vraag = interpreteer("Jansen 14-03-1968")
    assert vraag.naamdelen == ("jansen",)
    assert vraag.geboortedatum == datetime.date(1968, 3, 14)


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        ("999993009", validators.BSN_ONGELDIG),
        ("0123 AB 12", validators.POSTCODE_ONGELDIG),
        ("06-1234", validators.TELEFOON_ONGELDIG),
        ("0612", validators.TELEFOON_ONGELDIG),
        ("naam@", validators.EMAIL_ONGELDIG),
        ("Jansen 31-02-1990", DATUM_ONGELDIG),
    ],
)
def test_ongeldige_invoer_geeft_nederlandse_melding(tekst, fout):
    assert interpreteer(tekst).fout == fout


def test_rsin_gebruikt_de_elfproef():
    assert validators.normaliseer_rsin("857150509") == "857150509"
    with pytest.raises(validators.ValidationError):
        validators.normaliseer_rsin("857150508")
