from django import forms

from kcc.core.widgets import SnelleSelect
from productcatalogus.selectors import DOELGROEPEN


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Waar zoekt u naar?",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: paspoort verlopen, verhuizen of hond aanmelden.",
        widget=forms.TextInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "type": "search"}
        ),
    )
    doelgroep = forms.ChoiceField(
        label="Voor wie",
        required=False,
        choices=[("", "Iedereen"), *[(d, d.capitalize()) for d in DOELGROEPEN]],
        widget=SnelleSelect(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
