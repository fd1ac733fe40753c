"""The public 'Stel een vraag' form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from klanten import validators

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class VraagForm(forms.Form):
    naam = forms.CharField(
        label="Uw naam",
        max_length=200,
        required=False,
        widget=forms.TextInput({**_TEXT, "autocomplete": "name"}),
    )
    email = forms.CharField(
        label="Uw e-mailadres",
        max_length=254,
        help_text="Hierop sturen wij ons antwoord.",
        widget=forms.EmailInput({**_TEXT, "autocomplete": "email"}),
    )
    telefoon = forms.CharField(
        label="Uw telefoonnummer",
        max_length=30,
        required=False,
        widget=forms.TextInput({**_TEXT, "autocomplete": "tel", "inputmode": "tel"}),
    )
    onderwerp = forms.CharField(label="Onderwerp", max_length=200, widget=forms.TextInput(_TEXT))
    vraag = forms.CharField(
        label="Uw vraag",
        max_length=5000,
        widget=forms.Textarea(
            {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 8}
        ),
    )
    # Honeypot: hidden from people (CSS and aria-hidden); robots fill it in.
    website = forms.CharField(label="Laat dit veld leeg", required=False)

    def clean_email(self) -> str:
        return validators.normaliseer_email(self.cleaned_data["email"])

    def clean_telefoon(self) -> str:
        telefoon = self.cleaned_data["telefoon"].strip()
        return validators.normaliseer_telefoon(telefoon) if telefoon else ""

    def is_robot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean(self):
        if self.is_robot():
            raise ValidationError("Uw vraag kon niet worden verstuurd.")
        return super().clean()


class ChatStartForm(forms.Form):
    naam = forms.CharField(
        label="Uw naam",
        max_length=200,
        required=False,
        widget=forms.TextInput({**_TEXT, "autocomplete": "name"}),
    )
    email = forms.CharField(
        label="Uw e-mailadres",
        max_length=254,
        required=False,
        help_text="Alleen nodig als wij u later nog iets willen sturen.",
        widget=forms.EmailInput({**_TEXT, "autocomplete": "email"}),
    )
    vraag = forms.CharField(
        label="Uw vraag",
        max_length=2000,
        widget=forms.Textarea(
            {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
    )
    website = forms.CharField(label="Laat dit veld leeg", required=False)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        return validators.normaliseer_email(email) if email else ""

    def is_robot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean(self):
        if self.is_robot():
            raise ValidationError("Uw vraag kon niet worden verstuurd.")
        return super().clean()
