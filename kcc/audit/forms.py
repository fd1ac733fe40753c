from django import forms

from kcc.audit.models import Verwerking
from kcc.core.widgets import SnelleSelect
from klanten.validators import ID_MAX

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class VerwerkingZoekForm(forms.Form):
    klant = forms.IntegerField(
        label="Klantnummer",
        required=False,
        min_value=1,
        max_value=ID_MAX,
        widget=forms.NumberInput(attrs=_TEXT),
    )
    gebruiker = forms.CharField(
        label="Medewerker", required=False, max_length=150, widget=forms.TextInput(attrs=_TEXT)
    )
    actie = forms.ChoiceField(
        label="Actie",
        required=False,
        choices=[("", "Alle acties"), *Verwerking.Actie.choices],
        widget=SnelleSelect(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    van = forms.DateField(
        label="Vanaf", required=False, widget=forms.DateInput(attrs={**_TEXT, "type": "date"})
    )
    tot = forms.DateField(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={**_TEXT, "type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt voor de begindatum.")
        return data
