"""Forms of the console for the customer record."""

from __future__ import annotations

from django import forms

from kanalen.codes import KanaalCode
from kcc.core.widgets import SnelleSelect
from klanten.models import DigitaalAdres, Klant, Toestemming
from klanten.validators import ID_MAX

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_CHECK = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Zoek klant",
        max_length=200,
        required=False,
        help_text="Naam (eventueel met geboortedatum dd-mm-jjjj), BSN, KVK-nummer, "
        "postcode met huisnummer, telefoonnummer of e-mailadres.",
        widget=forms.TextInput(
            attrs={
                **_TEXT,
                "type": "search",
                "autofocus": True,
                "autocomplete": "off",
                "data-kcc-zoek": "",
                "spellcheck": "false",
            }
        ),
    )


class DigitaalAdresForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort", choices=DigitaalAdres.Soort.choices, widget=SnelleSelect(attrs=_SELECT)
    )
    waarde = forms.CharField(
        label="E-mailadres of telefoonnummer",
        max_length=254,
        widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}),
    )
    omschrijving = forms.CharField(
        label="Omschrijving", max_length=100, required=False, widget=forms.TextInput(attrs=_TEXT)
    )
    voorkeur = forms.BooleanField(
        label="Dit is het voorkeursadres", required=False, widget=forms.CheckboxInput(attrs=_CHECK)
    )


WAARDE_NODIG = "Vul de nieuwe waarde in."


class DigitaalAdresWijzigForm(forms.Form):
    waarde = forms.CharField(
        label="Nieuwe waarde",
        max_length=254,
        error_messages={"required": WAARDE_NODIG},
        widget=forms.TextInput(attrs=_TEXT),
    )


class VoorkeurenForm(forms.Form):
    voorkeurskanaal = forms.ChoiceField(
        label="Voorkeurskanaal",
        choices=[("", "Geen voorkeur"), *KanaalCode.choices],
        required=False,
        widget=SnelleSelect(attrs=_SELECT),
    )
    voorkeurstaal = forms.ChoiceField(
        label="Voorkeurstaal", choices=Klant.Taal.choices, widget=SnelleSelect(attrs=_SELECT)
    )


class ToestemmingForm(forms.Form):
    soort = forms.ChoiceField(
        label="Toestemming", choices=Toestemming.Soort.choices, widget=SnelleSelect(attrs=_SELECT)
    )
    derde_partij = forms.CharField(
        label="Met wie",
        max_length=200,
        required=False,
        help_text="Alleen bij 'gegevens delen met'.",
        widget=forms.TextInput(attrs=_TEXT),
    )
    verleend = forms.TypedChoiceField(
        label="De klant",
        choices=[("1", "geeft toestemming"), ("0", "trekt toestemming in")],
        coerce=lambda v: v == "1",
        widget=SnelleSelect(attrs=_SELECT),
    )
    toelichting = forms.CharField(
        label="Toelichting", max_length=300, required=False, widget=forms.TextInput(attrs=_TEXT)
    )


class SamenvoegenForm(forms.Form):
    opheffen = forms.IntegerField(
        label="Klantnummer van de dubbele klant",
        min_value=1,
        max_value=ID_MAX,
        help_text="Het klantnummer staat bovenaan het klantbeeld van de dubbele klant.",
        widget=forms.NumberInput(attrs=_TEXT),
    )
