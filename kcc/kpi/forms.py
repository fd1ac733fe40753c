"""The report filter form (GET, works without JavaScript)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from kanalen.models import Kanaal
from kcc.core.widgets import SnelleSelect
from kcc.kpi.selectors import KpiFilter
from productcatalogus.models import Afdeling, Organisatie, Product

FOUT_VAN_NA_TOT = "De begindatum ligt na de einddatum."
FOUT_PERIODE_TE_LANG = "Kies een periode van hoogstens 366 dagen."
FOUT_AFDELING_ORGANISATIE = "Deze afdeling hoort niet bij de gekozen organisatie."
FOUT_DATUM_BUITEN_BEREIK = "Kies een datum vanaf 1 januari 2000 en hoogstens een jaar na vandaag."
MAX_DAGEN = 366
# Dates a report can be about: nothing was registered before EERSTE_DATUM, and far-off
# dates (year 1 or 9999) overflow the date arithmetic of the working-day calendar.
EERSTE_DATUM = datetime.date(2000, 1, 1)
MAX_DAGEN_VOORUIT = 366
STANDAARD_DAGEN = 28


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(
            format="%Y-%m-%d", attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}
        )


def _select():
    return SnelleSelect(attrs={"class": "utrecht-select utrecht-select--html-select"})


class KpiFilterForm(forms.Form):
    van = forms.DateField(label="Van", widget=DatumInput())
    tot = forms.DateField(label="Tot en met", widget=DatumInput())
    organisatie = forms.ModelChoiceField(
        Organisatie.objects.order_by("naam"),
        required=False,
        label="Organisatie",
        empty_label="Alle",
        widget=_select(),
    )
    afdeling = forms.ModelChoiceField(
        Afdeling.objects.select_related("organisatie").order_by("organisatie__naam", "naam"),
        required=False,
        label="Afdeling",
        empty_label="Alle",
        widget=_select(),
    )
    kanaal = forms.ModelChoiceField(
        Kanaal.objects.order_by("volgorde", "naam"),
        required=False,
        label="Kanaal",
        empty_label="Alle",
        widget=_select(),
    )
    product = forms.ModelChoiceField(
        Product.objects.order_by("naam").only("pk", "naam"),
        required=False,
        label="Product",
        empty_label="Alle",
        widget=_select(),
    )

    def __init__(self, data=None, **kwargs):
        vandaag = timezone.localdate()
        standaard = {
            "van": (vandaag - datetime.timedelta(days=STANDAARD_DAGEN - 1)).isoformat(),
            "tot": vandaag.isoformat(),
        }
        # Missing dates take the default period: an empty query string shows the last 4 weeks.
        gegevens = {**standaard, **{k: v for k, v in (data or {}).items() if v}}
        super().__init__(gegevens, **kwargs)

    def _clean_datum(self, naam: str) -> datetime.date:
        datum = self.cleaned_data[naam]
        laatste = timezone.localdate() + datetime.timedelta(days=MAX_DAGEN_VOORUIT)
        if not EERSTE_DATUM <= datum <= laatste:
            raise forms.ValidationError(FOUT_DATUM_BUITEN_BEREIK)
        return datum

    def clean_van(self) -> datetime.date:
        return self._clean_datum("van")

    def clean_tot(self) -> datetime.date:
        return self._clean_datum("tot")

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot:
            if van > tot:
                raise forms.ValidationError(FOUT_VAN_NA_TOT)
            if (tot - van).days + 1 > MAX_DAGEN:
                raise forms.ValidationError(FOUT_PERIODE_TE_LANG)
        organisatie, afdeling = data.get("organisatie"), data.get("afdeling")
        if organisatie and afdeling and afdeling.organisatie_id != organisatie.pk:
            self.add_error("afdeling", FOUT_AFDELING_ORGANISATIE)
        return data

    def kpi_filter(self) -> KpiFilter:
        d = self.cleaned_data
        return KpiFilter(
            van=d["van"],
            tot=d["tot"],
            organisatie_id=d["organisatie"].pk if d.get("organisatie") else None,
            afdeling_id=d["afdeling"].pk if d.get("afdeling") else None,
            kanaal=d.get("kanaal"),
            product_id=d["product"].pk if d.get("product") else None,
        )
