"""Forms of the console: registering a contactmoment (with one or more questions)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from kanalen.inbox.telefonie import GESPREK_NIET_VAN_U
from kanalen.models import VRAAG_MAX, Contactmoment, Kanaal
from kanalen.selectors import aanvraag_voor_contact_get, aanvragen_voor_contact, kanaal_get
from kanalen.services import ONBEKEND_PRODUCT, ONBEKENDE_VAC, ContactverzoekInvoer, VraagInvoer
from kcc.accounts.models import User
from kcc.core.keuzes import BewaardeKeuzeVeld
from kcc.core.widgets import SnelleSelect
from klanten.validators import ID_MAX
from productcatalogus.models import Afdeling, Organisatie
from zaken.models import Aanvraag

MAX_VRAGEN = 10


def _gekozen_id(fout: str) -> forms.IntegerField:
    """The id of a chosen VAC or product; a number no row can have gets ``fout``."""
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=ID_MAX,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), fout),
    )


class VraagForm(forms.Form):
    vraag = forms.CharField(
        label="Vraag",
        max_length=VRAAG_MAX,
        required=False,
        widget=forms.TextInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "autocomplete": "off"}
        ),
    )
    antwoord = forms.CharField(
        label="Antwoord",
        required=False,
        help_text="Laat leeg om het antwoord van de gekozen kennisbankvraag over te nemen.",
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
        ),
    )
    # Chosen in the kennisbank panel (radio buttons with these names). Hidden inputs: their
    # errors are shown above the question (see _registreren.html).
    vac = _gekozen_id(ONBEKENDE_VAC)
    product = _gekozen_id(ONBEKEND_PRODUCT)


VraagFormSet = forms.formset_factory(
    VraagForm, extra=0, min_num=1, max_num=MAX_VRAGEN, validate_max=True
)

_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class ContactmomentForm(forms.Form):
    gestart_op = forms.DateTimeField(widget=forms.HiddenInput)
    # A contact started from a phone call (the CTI panel): the service takes its start,
    # end and duration from the call itself, never from a time the browser sent.
    telefoongesprek = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=ID_MAX,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), GESPREK_NIET_VAN_U),
    )
    kanaal = BewaardeKeuzeVeld(
        naam="contact-kanaal",
        label="Kanaal",
        queryset=Kanaal.objects.filter(actief=True),
        to_field_name="code",
        empty_label=None,
        widget=SnelleSelect(attrs=_SELECT),
    )
    resultaat = forms.ChoiceField(
        label="Resultaat",
        choices=Contactmoment.Resultaat.choices,
        initial=Contactmoment.Resultaat.BEANTWOORD,
        widget=SnelleSelect(attrs=_SELECT),
    )
    doorverwezen_naar = BewaardeKeuzeVeld(
        naam="contact-doorverwezen-naar",
        label="Doorverwezen naar",
        queryset=Organisatie.objects.filter(is_eigen_organisatie=False),
        required=False,
        help_text="Alleen bij 'doorverwezen naar andere organisatie'.",
        widget=SnelleSelect(attrs=_SELECT),
    )
    afdeling = BewaardeKeuzeVeld(
        naam="contact-afdeling",
        modellen=(Organisatie,),
        label="Terugbellen door afdeling",
        queryset=Afdeling.objects.filter(actief=True).select_related("organisatie"),
        required=False,
        help_text="Alleen bij 'contactverzoek'.",
        widget=SnelleSelect(attrs=_SELECT),
    )
    behandelaar = BewaardeKeuzeVeld(
        naam="contact-behandelaar",
        modellen=(Afdeling,),
        label_van=lambda u: u.get_full_name() or u.username,
        label="Terugbellen door medewerker",
        queryset=User.objects.filter(is_active=True, afdelingen__actief=True)
        .distinct()
        .order_by("first_name", "last_name", "username"),
        required=False,
        help_text="Niet verplicht: een medewerker van die afdeling die persoonlijk terugbelt.",
        widget=SnelleSelect(attrs=_SELECT),
    )
    terugbel_telefoon = forms.CharField(
        label="Terugbellen op telefoonnummer",
        required=False,
        max_length=30,
        help_text="Leeg: het voorkeursnummer van de klant.",
        widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off", "inputmode": "tel"}),
    )
    bereikbaar = forms.CharField(
        label="Bereikbaar",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld 'ochtend' of 'na 16.00 uur'.",
        widget=forms.TextInput(attrs=_TEXT),
    )
    aanvraag = forms.ModelChoiceField(
        label="Aanvraag in dit contact",
        queryset=Aanvraag.objects.none(),
        required=False,
        help_text="Bij 'aanvraag gestart': de aanvraag die u in dit contact voor de klant "
        "registreerde.",
        widget=SnelleSelect(attrs=_SELECT),
    )
    vorig_contactmoment = forms.ModelChoiceField(
        label="Vervolg op eerder contact",
        queryset=Contactmoment.objects.none(),
        required=False,
        widget=SnelleSelect(attrs=_SELECT),
    )

    def __init__(self, *args, klant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if klant is not None:
            self.fields["aanvraag"].queryset = aanvragen_voor_contact(klant=klant)
            self.fields["aanvraag"].label_from_instance = lambda a: (
                f"{a.onderwerp} · {a.get_status_display().lower()} · "
                f"{timezone.localtime(a.aangemaakt_op):%H:%M}"
            )
            self.fields["vorig_contactmoment"].queryset = (
                Contactmoment.objects.filter(klant=klant)
                .select_related("kanaal")
                .order_by("-gestart_op")[:10]
            )
            self.fields["vorig_contactmoment"].label_from_instance = lambda cm: (
                f"{timezone.localtime(cm.gestart_op):%d-%m-%Y %H:%M} · {cm.kanaal} · "
                f"{cm.get_resultaat_display()}"
            )
        else:
            del self.fields["vorig_contactmoment"]
            del self.fields["aanvraag"]


class AnoniemForm(forms.Form):
    anoniem_naam = forms.CharField(
        label="Naam", required=False, max_length=200, widget=forms.TextInput(attrs=_TEXT)
    )
    anoniem_telefoon = forms.CharField(
        label="Telefoonnummer",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={**_TEXT, "inputmode": "tel"}),
    )
    anoniem_email = forms.CharField(
        label="E-mailadres", required=False, max_length=254, widget=forms.EmailInput(attrs=_TEXT)
    )


def nieuw_formulier(
    *,
    klant=None,
    kanaal_code: str = "telefoon",
    aanvraag_id: int | None = None,
    telefoongesprek_id: int | None = None,
):
    """Unbound forms for a new contact: start time = now (the screen opened).

    From the telephony panel (``telefoongesprek_id``): the contact of that call.

    Back from registering an aanvraag (``aanvraag_id``): result 'aanvraag gestart' with
    that aanvraag, and the contact started when the aanvraag did.
    """
    gekozen = kanaal_get(code=kanaal_code)
    kanaal = kanaal_code if gekozen is not None and gekozen.actief else "telefoon"
    initial = {
        "gestart_op": timezone.now().isoformat(),
        "kanaal": kanaal,
        "telefoongesprek": telefoongesprek_id,
    }
    aanvraag = (
        aanvraag_voor_contact_get(klant=klant, aanvraag_id=aanvraag_id)
        if klant is not None and aanvraag_id
        else None
    )
    if aanvraag is not None:
        initial.update(
            aanvraag=aanvraag.pk,
            resultaat=Contactmoment.Resultaat.AANVRAAG_GESTART,
            gestart_op=aanvraag.aangemaakt_op.isoformat(),
        )
    form = ContactmomentForm(initial=initial, klant=klant)
    vragen = VraagFormSet(prefix="vragen")
    return form, vragen


def vragen_invoer(formset) -> list[VraagInvoer]:
    return [
        VraagInvoer(
            vraag=f.cleaned_data.get("vraag", ""),
            antwoord=f.cleaned_data.get("antwoord", ""),
            vac_id=f.cleaned_data.get("vac"),
            product_id=f.cleaned_data.get("product"),
        )
        for f in formset.forms
        if f.cleaned_data
    ]


def contactverzoek_invoer(form: ContactmomentForm, *, email: str = "") -> ContactverzoekInvoer:
    afdeling = form.cleaned_data.get("afdeling")
    behandelaar = form.cleaned_data.get("behandelaar")
    return ContactverzoekInvoer(
        afdeling_id=afdeling.pk if afdeling else None,
        behandelaar_id=behandelaar.pk if behandelaar else None,
        telefoonnummer=form.cleaned_data.get("terugbel_telefoon", ""),
        email=email,
        bereikbaar=form.cleaned_data.get("bereikbaar", ""),
    )
