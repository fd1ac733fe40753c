"""Forms of the zaken pages. They check input shape; the rules live in the services."""

from __future__ import annotations

from django import forms

from kanalen.codes import KanaalCode
from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.core.keuzes import BewaardeKeuzeVeld
from kcc.core.widgets import SnelleSelect
from productcatalogus.models import Afdeling, Product, Statustype
from zaken import errors
from zaken.services.intake import IntakeVraag

TEKST = forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"})
INVOER = {"class": "utrecht-textbox utrecht-textbox--html-input"}
KEUZE = {"class": "utrecht-select utrecht-select--html-select"}


class WerkvoorraadFilterForm(forms.Form):
    """The werkvoorraad's filters: the products and statuses of one's own afdelingen.

    Their options are kept in the cache per set of afdelingen until a product or status
    changes (kcc.core.keuzes); a chosen value is still checked against the database.
    """

    product = BewaardeKeuzeVeld(
        naam="werkvoorraad-product",
        queryset=Product.objects.none(),
        modellen=(Product,),
        required=False,
        empty_label="Alle producten",
        widget=SnelleSelect(attrs=KEUZE),
    )
    status = BewaardeKeuzeVeld(
        naam="werkvoorraad-status",
        queryset=Statustype.objects.none(),
        modellen=(Product,),
        label_van=lambda s: f"{s.product.naam}: {s.naam}",
        required=False,
        empty_label="Alle statussen",
        widget=SnelleSelect(attrs=KEUZE),
    )

    def __init__(self, *args, afdeling_ids: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        per = ",".join(str(pk) for pk in sorted(afdeling_ids))
        self.fields["product"].queryset = (
            Product.objects.filter(afdeling__in=afdeling_ids).only("id", "naam").order_by("naam")
        )
        self.fields["status"].queryset = (
            Statustype.objects.filter(product__afdeling__in=afdeling_ids)
            .select_related("product")
            .only("id", "naam", "product__naam")
            .order_by("product__naam", "volgnummer")
        )
        for veld in ("product", "status"):
            self.fields[veld].per = per


MAX_PRODUCTEN = 20


class IdLijstVeld(forms.Field):
    """Ids from a repeated query parameter (``?product=1&product=2``), ASCII digits only."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        from zaken.selectors import als_id

        if not value:
            return []
        ids = [als_id(v) for v in value] if isinstance(value, list | tuple) else [None]
        if None in ids:
            raise forms.ValidationError(errors.FOUT_PRODUCT_KEUZE)
        ids = list(dict.fromkeys(ids))
        if len(ids) > MAX_PRODUCTEN:
            raise forms.ValidationError(errors.FOUT_TE_VEEL_PRODUCTEN)
        return ids


class ProductKiezenForm(forms.Form):
    """Search products and keep the ones ticked so far (ids in the query string)."""

    zoek = forms.CharField(
        label="Zoek een product",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={**INVOER, "type": "search"}),
    )
    product = IdLijstVeld(required=False)


class AanspreekpuntForm(forms.Form):
    aanspreekpunt = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Aanspreekpunt voor de klant",
        widget=SnelleSelect(attrs=KEUZE),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["aanspreekpunt"].queryset = (
            User.objects.filter(is_active=True, groups__name=roles.KCC_MEDEWERKER)
            .order_by("first_name", "last_name", "username")
            .distinct()
        )
        self.fields["aanspreekpunt"].label_from_instance = lambda u: u.get_full_name() or u.username


class OverdragenForm(forms.Form):
    afdeling = forms.ModelChoiceField(
        queryset=Afdeling.objects.none(),
        label="Naar afdeling",
        widget=SnelleSelect(attrs=KEUZE),
    )
    reden = forms.CharField(label="Reden", max_length=500, widget=TEKST)

    def __init__(self, *args, huidige_afdeling_id: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        qs = Afdeling.objects.filter(actief=True).select_related("organisatie")
        if huidige_afdeling_id:
            qs = qs.exclude(pk=huidige_afdeling_id)
        self.fields["afdeling"].queryset = qs.order_by("organisatie__naam", "naam")


class StatusForm(forms.Form):
    statustype = forms.ModelChoiceField(
        queryset=Statustype.objects.none(), label="Nieuwe status", widget=SnelleSelect(attrs=KEUZE)
    )
    toelichting = forms.CharField(
        label="Toelichting (intern)", max_length=500, required=False, widget=TEKST
    )

    def __init__(self, *args, product_id: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statustype"].queryset = Statustype.objects.filter(
            product_id=product_id, is_eindstatus=False
        ).order_by("volgnummer")


class InformatieForm(forms.Form):
    vraag = forms.CharField(
        label="Vraag aan de klant",
        max_length=2000,
        widget=TEKST,
        help_text="De klant ziet deze vraag. De termijn staat stil tot het antwoord er is.",
    )


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(label="Antwoord van de klant", max_length=4000, widget=TEKST)


class VerlengenForm(forms.Form):
    werkdagen = forms.IntegerField(
        label="Aantal werkdagen", min_value=1, max_value=250, widget=forms.NumberInput(attrs=INVOER)
    )
    reden = forms.CharField(label="Reden (de klant ziet deze)", max_length=300, widget=TEKST)


class NotitieForm(forms.Form):
    tekst = forms.CharField(label="Notitie (alleen intern)", max_length=4000, widget=TEKST)


class DocumentForm(forms.Form):
    bestand = forms.FileField(label="Document", help_text="PDF, PNG of JPEG, hoogstens 10 MB.")


class AfsluitenForm(forms.Form):
    resultaat = forms.CharField(label="Resultaat", max_length=2000, widget=TEKST)


JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
_ONGELDIG = {
    "tekst": errors.FOUT_TEKST_TE_LANG,
    "ja_nee": errors.FOUT_JA_NEE,
    "datum": errors.FOUT_DATUM,
    "getal": errors.FOUT_GETAL,
    "keuze": errors.FOUT_KEUZE,
}


class IntakeForm(forms.Form):
    """Built from the intake definition; BRP-known questions are not in the form at all."""

    kanaal = forms.ChoiceField(
        label="Kanaal van het contact",
        choices=KanaalCode.choices,
        initial=KanaalCode.TELEFOON,
        widget=SnelleSelect(attrs=KEUZE),
    )

    def __init__(
        self, *args, vragen: list[IntakeVraag], verplicht_codes: set[str], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        for vraag in vragen:
            verplicht = vraag.verplicht and vraag.code in verplicht_codes
            uitleg = vraag.uitleg
            if vraag.verplicht and not verplicht:
                uitleg = (uitleg + " " if uitleg else "") + (
                    "Alleen nodig als " + " of ".join(vraag.producten) + " van toepassing is."
                )
            self.fields[vraag.code] = _veld(vraag, verplicht=verplicht, uitleg=uitleg)


def _veld(vraag: IntakeVraag, *, verplicht: bool, uitleg: str) -> forms.Field:
    opties = {
        "label": vraag.vraag,
        "required": verplicht,
        "help_text": uitleg,
        "error_messages": {"required": errors.FOUT_VERPLICHT, "invalid": _ONGELDIG[vraag.type]},
    }
    if vraag.type == "ja_nee":
        return forms.ChoiceField(
            choices=JA_NEE,
            widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
            **opties,
        )
    if vraag.type == "datum":
        return forms.DateField(
            widget=forms.DateInput(attrs={**INVOER, "type": "date"}, format="%Y-%m-%d"), **opties
        )
    if vraag.type == "getal":
        return forms.DecimalField(widget=forms.NumberInput(attrs=INVOER), **opties)
    if vraag.type == "keuze":
        return forms.ChoiceField(
            choices=[("", "Maak een keuze"), *[(k, k) for k in vraag.keuzes]],
            widget=SnelleSelect(attrs=KEUZE),
            **opties,
        )
    return forms.CharField(max_length=2000, widget=forms.TextInput(attrs=INVOER), **opties)
