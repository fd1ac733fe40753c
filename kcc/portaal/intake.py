"""The intake form of an aanvraag, built from the product's (or life event's) questions.

Questions the BRP already answers are shown, not asked. A life event's condition question
explains which extra product it adds. Django only shapes the input; the zaken service
validates the answers and returns a Dutch message per question code.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from kcc.accounts.models import User
from kcc.portaal.forms import TEXT
from kcc.portaal.services.aanvragen import portaal_aanvraag_indienen
from klanten.models import Klant
from productcatalogus.models import Levensgebeurtenis, Product
from zaken.errors import ZaakFout
from zaken.models import Aanvraag
from zaken.services.intake import IntakeVraag, brp_waarde, intake_vragen
from zaken.services.zaken import document_soort

PREFIX = "v_"
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
MAX_BIJLAGEN = 5
BIJLAGE_UITLEG = (
    f"PDF, PNG of JPEG, hoogstens 10 MB per bestand en {MAX_BIJLAGEN} bestanden in totaal. "
    "U kunt meer bestanden tegelijk kiezen."
)
TE_VEEL_BIJLAGEN = f"U kunt hoogstens {MAX_BIJLAGEN} bijlagen meesturen."


class _MeerdereBestandenInput(forms.FileInput):
    allow_multiple_selected = True


class BijlagenField(forms.FileField):
    """Zero or more uploads; each is checked by its first bytes (type) and its size.

    Django's FileField takes one file: this one cleans every file of the input and
    returns a list, so a wrong file is refused before anything is stored.
    """

    widget = _MeerdereBestandenInput

    def clean(self, data, initial=None):
        bestanden = data if isinstance(data, list | tuple) else [data]
        schoon = []
        for bestand in bestanden:
            if not bestand:
                continue
            bestand = super().clean(bestand, initial)
            try:
                document_soort(bestand)
            except ZaakFout as exc:
                raise forms.ValidationError(f"{bestand.name}: {exc.message}") from None
            schoon.append(bestand)
        return schoon


@dataclass
class BekendAntwoord:
    vraag: str
    waarde: str


def _weergave(vraag: IntakeVraag, waarde) -> str:
    if vraag.type == "ja_nee" and isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    if vraag.type == "datum" and isinstance(waarde, str) and len(waarde) == 10:
        jaar, maand, dag = waarde.split("-")
        return f"{int(dag)}-{int(maand)}-{jaar}"
    return str(waarde)


def _initial(vraag: IntakeVraag, waarde):
    if vraag.type == "ja_nee":
        if waarde is True:
            return "ja"
        if waarde is False:
            return "nee"
    return waarde


class IntakeForm(forms.Form):
    """One field per question that the BRP does not answer, plus optional uploads.

    ``bewaard``: the files already kept with a saved concept; the citizen may remove them.
    """

    bijlagen = BijlagenField(
        label="Bijlagen",
        required=False,
        help_text=BIJLAGE_UITLEG,
        widget=_MeerdereBestandenInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    weghalen = forms.TypedMultipleChoiceField(
        label="Bewaarde bijlagen",
        required=False,
        coerce=int,
        help_text="Vink een bijlage aan om die weg te halen.",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args,
        vragen: list[IntakeVraag],
        klant: Klant,
        uitleg: dict,
        bewaard: list | None = None,
        **kwargs,
    ):
        antwoorden = kwargs.pop("antwoorden", None) or {}
        super().__init__(*args, **kwargs)
        self.bewaard = list(bewaard or [])
        self.vragen = vragen
        self.bekend: list[BekendAntwoord] = []
        velden = {}
        for vraag in vragen:
            uit_brp = brp_waarde(klant, vraag.brp_veld)
            if uit_brp is not None:
                self.bekend.append(BekendAntwoord(vraag.vraag, _weergave(vraag, uit_brp)))
                continue
            veld = self._veld(vraag, uitleg.get(vraag.code, ""))
            if vraag.code in antwoorden:
                veld.initial = _initial(vraag, antwoorden[vraag.code])
            velden[PREFIX + vraag.code] = veld
        # Questions first, the uploads last.
        bijlagen = self.fields.pop("bijlagen")
        weghalen = self.fields.pop("weghalen")
        self.fields.update(velden)
        if self.bewaard:
            weghalen.choices = [(b.pk, f"{b.naam} weghalen") for b in self.bewaard]
            self.fields["weghalen"] = weghalen
        self.fields["bijlagen"] = bijlagen

    @staticmethod
    def _veld(vraag: IntakeVraag, extra: str) -> forms.Field:
        help_text = " ".join(t for t in (vraag.uitleg, extra) if t)
        common = {"label": vraag.vraag, "required": False, "help_text": help_text}
        if vraag.type == "ja_nee":
            field = forms.ChoiceField(choices=JA_NEE, widget=forms.RadioSelect, **common)
        elif vraag.type == "keuze":
            field = forms.ChoiceField(
                choices=[(k, k) for k in vraag.keuzes], widget=forms.RadioSelect, **common
            )
        elif vraag.type == "datum":
            field = forms.CharField(
                widget=forms.DateInput(attrs={**TEXT, "type": "date"}), **common
            )
        elif vraag.type == "getal":
            field = forms.CharField(
                max_length=30,
                widget=forms.TextInput(attrs={**TEXT, "inputmode": "decimal"}),
                **common,
            )
        else:
            field = forms.CharField(
                max_length=2000,
                widget=forms.Textarea(
                    attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
                ),
                **common,
            )
        field.kcc_verplicht = vraag.verplicht
        field.kcc_radio = vraag.type in ("ja_nee", "keuze")
        return field

    def clean(self):
        data = super().clean()
        blijft = len(self.bewaard) - len(set(data.get("weghalen") or []))
        if blijft + len(data.get("bijlagen") or []) > MAX_BIJLAGEN:
            self.add_error("bijlagen", TE_VEEL_BIJLAGEN)
        return data

    def antwoorden(self) -> dict:
        """The raw answers by question code (cleaned_data must exist)."""
        return {
            naam[len(PREFIX) :]: waarde
            for naam, waarde in self.cleaned_data.items()
            if naam.startswith(PREFIX) and waarde not in (None, "")
        }

    def service_fouten(self, fouten: dict[str, list[str]]) -> None:
        for code, berichten in fouten.items():
            naam = PREFIX + code
            for bericht in berichten:
                self.add_error(naam if naam in self.fields else None, bericht)


def intake_uitleg(onderdelen) -> dict[str, str]:
    """Per condition code: what answering 'ja' adds. Per product question: when it is asked."""
    uitleg: dict[str, str] = {}
    voorwaarde_per_product: dict[int, str] = {}
    for onderdeel in onderdelen:
        if onderdeel.voorwaarde_code:
            toevoeging = f"Zo ja, dan vragen wij ook '{onderdeel.product.naam}' voor u aan."
            uitleg[onderdeel.voorwaarde_code] = (
                uitleg.get(onderdeel.voorwaarde_code, "") + " " + toevoeging
            ).strip()
            voorwaarde_per_product[onderdeel.product_id] = onderdeel.voorwaarde_vraag
    for vraag in intake_vragen(onderdelen=onderdelen):
        if vraag.voorwaarde:
            continue
        voorwaarden = {voorwaarde_per_product.get(pid) for pid in vraag.product_ids}
        if voorwaarden and None not in voorwaarden:
            uitleg[vraag.code] = "Alleen nodig als u 'ja' antwoordt op: " + " / ".join(
                sorted(v for v in voorwaarden if v)
            )
    return uitleg


CORRECTIE_PREFIX = "correctie"


def correctie_form(*, product: Product, klant: Klant, data=None, files=None) -> IntakeForm:
    """The intake of the correction product, shown as a form on Mijn gegevens."""
    return IntakeForm(
        data,
        files,
        vragen=intake_vragen(product=product),
        klant=klant,
        uitleg={},
        prefix=CORRECTIE_PREFIX,
    )


def intake_indienen(
    form: IntakeForm,
    *,
    user: User,
    klant: Klant,
    product: Product | None = None,
    levensgebeurtenis: Levensgebeurtenis | None = None,
    aanvraag: Aanvraag | None = None,
) -> Aanvraag | None:
    """Submit a valid intake form; the service's messages land on the form (None then)."""
    try:
        return portaal_aanvraag_indienen(
            user=user,
            klant=klant,
            product=product,
            levensgebeurtenis=levensgebeurtenis,
            antwoorden=form.antwoorden(),
            bijlagen=form.cleaned_data["bijlagen"],
            weghalen=form.cleaned_data.get("weghalen"),
            aanvraag=aanvraag,
        )
    except ZaakFout as exc:
        form.add_error("bijlagen", exc.message)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            form.service_fouten(exc.message_dict)
        else:
            for bericht in exc.messages:
                form.add_error(None, bericht)
    return None
