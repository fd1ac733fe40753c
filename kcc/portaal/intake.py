"""The intake form of an aanvraag, built from the product's (or life event's) questions.

Questions the BRP already answers are shown, not asked. A life event's condition question
explains which extra product it adds. Django only shapes the input; the zaken service
validates the answers and returns a Dutch message per question code.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from kcc.portaal.forms import TEXT
from klanten.models import Klant
from zaken.services.intake import IntakeVraag, brp_waarde, intake_vragen

PREFIX = "v_"
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
BIJLAGE_UITLEG = "Een PDF, PNG of JPEG van hoogstens 10 MB."


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
    """One field per question that the BRP does not answer, plus an optional upload."""

    bijlage = forms.FileField(
        label="Bijlage",
        required=False,
        help_text=BIJLAGE_UITLEG,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args, vragen: list[IntakeVraag], klant: Klant, uitleg: dict, **kwargs):
        antwoorden = kwargs.pop("antwoorden", None) or {}
        super().__init__(*args, **kwargs)
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
        # Questions first, the upload last.
        bijlage = self.fields.pop("bijlage")
        self.fields.update(velden)
        self.fields["bijlage"] = bijlage

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
