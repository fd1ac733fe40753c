"""Forms of the KCC inbox console pages."""

from __future__ import annotations

from django import forms

from kanalen.codes import KanaalCode
from kanalen.inbox.models import InkomendBericht
from kanalen.inbox.services import ANTWOORD_KANALEN
from kcc.core.widgets import SnelleSelect
from productcatalogus.models import Afdeling

_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_AREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 8}
INBOX_KANALEN = [
    (k, KanaalCode(k).label)
    for k in (
        KanaalCode.EMAIL,
        KanaalCode.WEBFORMULIER,
        KanaalCode.CHAT,
        KanaalCode.POST,
        KanaalCode.SOCIALE_MEDIA,
    )
]


class InboxFilterForm(forms.Form):
    kanaal = forms.ChoiceField(
        label="Kanaal",
        required=False,
        choices=[("", "Alle kanalen"), *INBOX_KANALEN],
        widget=SnelleSelect(_SELECT),
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle open berichten")]
        + [(s, InkomendBericht.Status(s).label) for s in InkomendBericht.OPEN],
        widget=SnelleSelect(_SELECT),
    )
    eigen = forms.BooleanField(label="Alleen mijn berichten", required=False)


# There is no link with the platforms: say so where the medewerker chooses the channel.
SOCIALE_MEDIA_UITLEG = (
    "Sociale media: het KCC heeft geen koppeling met het platform. Plaats het antwoord zelf "
    "op het platform, als reactie op het bericht, en leg het hier vast. Er wordt niets "
    "automatisch verstuurd. E-mail wordt wel verstuurd; bij post of telefoon legt u vast "
    "wat u de klant stuurde of zei."
)


class AntwoordForm(forms.Form):
    kanaal = forms.ChoiceField(
        label="Antwoord via",
        choices=[(k, KanaalCode(k).label) for k in ANTWOORD_KANALEN],
        help_text="E-mail wordt verstuurd. Bij post of telefoon legt u vast wat u de klant "
        "stuurde of zei.",
        widget=SnelleSelect(_SELECT),
    )
    tekst = forms.CharField(
        label="Antwoord",
        required=False,
        max_length=20000,
        help_text="Laat leeg om het antwoord van de gekozen kennisbankvraag te sturen.",
        widget=forms.Textarea(_AREA),
    )
    vac = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kanalen: tuple[str, ...] = ANTWOORD_KANALEN, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kanaal"].choices = [(k, KanaalCode(k).label) for k in kanalen]
        if KanaalCode.SOCIALE_MEDIA in kanalen:
            self.fields["kanaal"].help_text = SOCIALE_MEDIA_UITLEG


class ZaakProductForm(forms.Form):
    """Step 1 of 'overdragen als zaak' (GET): the product; step 2 shows its intake."""

    zaak_product = forms.ModelChoiceField(
        label="Product",
        queryset=None,
        empty_label="Kies een product",
        widget=SnelleSelect(_SELECT),
    )

    def __init__(self, *args, producten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zaak_product"].queryset = producten


class OverdragenForm(forms.Form):
    afdeling = forms.ModelChoiceField(
        label="Afdeling",
        queryset=Afdeling.objects.select_related("organisatie").order_by(
            "organisatie__naam", "naam"
        ),
        empty_label="Kies een afdeling",
        widget=SnelleSelect(_SELECT),
    )
    vraag = forms.CharField(
        label="Wat moet de afdeling doen?",
        required=False,
        max_length=2000,
        help_text="Leeg: de tekst van het bericht.",
        widget=forms.Textarea({**_AREA, "rows": 3}),
    )


class KlantKoppelenForm(forms.Form):
    nummer = forms.CharField(
        label="BSN of KVK-nummer van de afzender",
        max_length=20,
        help_text="Koppel alleen als u zeker weet wie de afzender is (bijvoorbeeld na "
        "terugbellen). Daarna komt ook elke reactie in dit gesprek bij deze klant.",
        widget=forms.TextInput({**_TEXT, "inputmode": "numeric", "autocomplete": "off"}),
    )
    identiteit_vastgesteld = forms.BooleanField(
        label="Ik heb de identiteit van de afzender vastgesteld",
        error_messages={"required": "Koppel pas als u de identiteit heeft vastgesteld."},
    )


class HandmatigForm(forms.Form):
    """A letter (scan) or a social-media message, registered by hand."""

    kanaal = forms.ChoiceField(
        label="Kanaal",
        choices=[(KanaalCode.POST, "Post (brief)"), (KanaalCode.SOCIALE_MEDIA, "Sociale media")],
        widget=SnelleSelect(_SELECT),
    )
    ontvangen_op = forms.DateField(
        label="Ontvangen op",
        help_text="De datum van ontvangst (stempel op de brief).",
        widget=forms.DateInput({**_TEXT, "type": "date"}),
    )
    afzender_naam = forms.CharField(
        label="Naam afzender", max_length=200, required=False, widget=forms.TextInput(_TEXT)
    )
    afzender_email = forms.CharField(
        label="E-mailadres afzender", max_length=254, required=False, widget=forms.EmailInput(_TEXT)
    )
    afzender_telefoon = forms.CharField(
        label="Telefoonnummer afzender",
        max_length=30,
        required=False,
        widget=forms.TextInput(_TEXT),
    )
    account = forms.CharField(
        label="Account op sociale media",
        max_length=200,
        required=False,
        widget=forms.TextInput(_TEXT),
        help_text="Bijvoorbeeld @naam. Alleen bij sociale media.",
    )
    onderwerp = forms.CharField(label="Onderwerp", max_length=200, widget=forms.TextInput(_TEXT))
    tekst = forms.CharField(
        label="Inhoud of samenvatting",
        max_length=20000,
        widget=forms.Textarea({**_AREA, "rows": 6}),
    )
    scan = forms.FileField(
        label="Scan van de brief",
        required=False,
        help_text="Pdf, png, jpeg, txt of docx; hoogstens 10 MB.",
    )

    def clean_afzender_email(self) -> str:
        from klanten import validators

        email = self.cleaned_data["afzender_email"].strip()
        return validators.normaliseer_email(email) if email else ""

    def clean_afzender_telefoon(self) -> str:
        from klanten import validators

        telefoon = self.cleaned_data["afzender_telefoon"].strip()
        return validators.normaliseer_telefoon(telefoon) if telefoon else ""

    def clean_ontvangen_op(self):
        import datetime

        from django.utils import timezone

        datum = self.cleaned_data["ontvangen_op"]
        if datum > timezone.localdate():
            raise forms.ValidationError("De datum van ontvangst ligt in de toekomst.")
        if datum < timezone.localdate() - datetime.timedelta(days=90):
            raise forms.ValidationError("De datum van ontvangst is meer dan 90 dagen geleden.")
        return datum


def zaak_intake_form(*, product, klant, data=None) -> forms.Form:
    """Step 2 of 'overdragen als zaak': the product's intake as the console's own intake
    asks it (zaken.forms.IntakeForm), without what the BRP already knows and without the
    channel, which is the item's. No product or no klant: no questions (the service then
    says what is missing)."""
    from zaken.forms import IntakeForm
    from zaken.services.intake import brp_waarde, intake_vragen

    vragen = []
    if product is not None and klant is not None:
        vragen = [
            v for v in intake_vragen(product=product) if brp_waarde(klant, v.brp_veld) is None
        ]
    form = IntakeForm(
        data, vragen=vragen, verplicht_codes={v.code for v in vragen}, prefix="intake"
    )
    del form.fields["kanaal"]
    return form


def intake_antwoorden(form: forms.Form) -> dict[str, str]:
    """The answers as zaken.services.aanvragen takes them (text; dates as ISO)."""
    return {
        code: waarde.isoformat() if hasattr(waarde, "isoformat") else str(waarde)
        for code, waarde in form.cleaned_data.items()
        if waarde not in (None, "")
    }
