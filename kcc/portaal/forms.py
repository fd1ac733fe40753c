"""Forms of the portal. Labels and messages in plain Dutch (B1), addressed as "u"."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kcc.core.widgets import SnelleSelect
from klanten.registers.demo_personen import BEDRIJVEN, PERSONEN
from klanten.validators import normaliseer_bsn, normaliseer_kvk_nummer

KIES_EEN = "Kies een demopersoon of vul een nummer in."
KIES_EEN_BEDRIJF = "Kies een demobedrijf of vul een KVK-nummer in."
NIET_BEIDE = "Kies een demopersoon óf vul een nummer in, niet allebei."

TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def _persoon_label(p) -> str:
    naam = " ".join(x for x in (p[1], p[2], p[3]) if x)
    return f"{naam} (BSN {p[0]})"


class SimulatorDigidForm(forms.Form):
    demo = forms.ChoiceField(
        label="Demopersoon",
        required=False,
        choices=[("", "Kies een persoon")] + [(p[0], _persoon_label(p)) for p in PERSONEN],
        widget=SnelleSelect(attrs=SELECT),
    )
    bsn = forms.CharField(
        label="Of vul een BSN in",
        required=False,
        max_length=11,
        help_text="9 cijfers. Het nummer moet de elfproef doorstaan.",
        widget=forms.TextInput(attrs={**TEXT, "inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self) -> str:
        value = self.cleaned_data["bsn"].strip()
        return normaliseer_bsn(value) if value else ""

    def clean(self):
        data = super().clean()
        demo, bsn = data.get("demo"), data.get("bsn")
        if self.errors:
            return data
        if demo and bsn:
            raise ValidationError(NIET_BEIDE)
        if not demo and not bsn:
            raise ValidationError(KIES_EEN)
        data["nummer"] = demo or bsn
        return data


class SimulatorEherkenningForm(forms.Form):
    demo = forms.ChoiceField(
        label="Demobedrijf",
        required=False,
        choices=[("", "Kies een bedrijf")] + [(b[0], f"{b[3]} (KVK {b[0]})") for b in BEDRIJVEN],
        widget=SnelleSelect(attrs=SELECT),
    )
    kvk_nummer = forms.CharField(
        label="Of vul een KVK-nummer in",
        required=False,
        max_length=10,
        help_text="8 cijfers.",
        widget=forms.TextInput(attrs={**TEXT, "inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_kvk_nummer(self) -> str:
        value = self.cleaned_data["kvk_nummer"].strip()
        return normaliseer_kvk_nummer(value) if value else ""

    def clean(self):
        data = super().clean()
        demo, kvk = data.get("demo"), data.get("kvk_nummer")
        if self.errors:
            return data
        if demo and kvk:
            raise ValidationError(NIET_BEIDE)
        if not demo and not kvk:
            raise ValidationError(KIES_EEN_BEDRIJF)
        data["nummer"] = demo or kvk
        return data


class EmailForm(forms.Form):
    email = forms.CharField(
        label="E-mailadres",
        max_length=254,
        help_text="Wij sturen een link naar dit adres. Klik op de link om het te bevestigen.",
        widget=forms.EmailInput(attrs={**TEXT, "autocomplete": "email"}),
    )


class TelefoonForm(forms.Form):
    telefoon = forms.CharField(
        label="Telefoonnummer",
        max_length=30,
        help_text="Bijvoorbeeld 06 12345678 of +31 20 123 4567.",
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "tel", "inputmode": "tel"}),
    )


class VoorkeurskanaalForm(forms.Form):
    voorkeurskanaal = forms.ChoiceField(
        label="Hoe wilt u het liefst contact met ons?",
        required=False,
        widget=SnelleSelect(attrs=SELECT),
    )

    def __init__(self, *args, **kwargs):
        from kanalen.codes import KanaalCode

        super().__init__(*args, **kwargs)
        keuzes = [KanaalCode.EMAIL, KanaalCode.TELEFOON, KanaalCode.POST, KanaalCode.BALIE]
        self.fields["voorkeurskanaal"].choices = [("", "Geen voorkeur")] + [
            (k.value, k.label) for k in keuzes
        ]


class ToestemmingForm(forms.Form):
    soort = forms.ChoiceField(label="Waarvoor", widget=SnelleSelect(attrs=SELECT))
    derde_partij = forms.CharField(
        label="Met wie mogen wij uw gegevens delen?",
        required=False,
        max_length=200,
        help_text="Alleen invullen bij 'Gegevens delen met'.",
        widget=forms.TextInput(attrs=TEXT),
    )
    verleend = forms.TypedChoiceField(
        label="Geeft u toestemming?",
        choices=[("ja", "Ja, ik geef toestemming"), ("nee", "Nee, ik trek mijn toestemming in")],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        from klanten.models import Toestemming

        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = Toestemming.Soort.choices


class InformatieverzoekForm(forms.Form):
    antwoord = forms.CharField(
        label="Uw antwoord",
        max_length=5000,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 6}
        ),
    )
