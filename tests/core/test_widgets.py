"""SnelleSelect renders what Django's Select renders, without a template per option."""

from django import forms

from kcc.core.widgets import SnelleSelect


class KeuzeForm(forms.Form):
    keuze = forms.ChoiceField(
        choices=[("", "Alle"), ("a", "Appel & <peer>"), ("Fruit", [("b", "Banaan")])],
        required=False,
        widget=SnelleSelect(attrs={"class": "utrecht-select"}),
    )


def test_renders_options_groups_and_attributes():
    html = str(KeuzeForm(initial={"keuze": "b"})["keuze"])
    opening = html[: html.index(">") + 1]
    assert opening.startswith("<select ")
    for attribute in ('name="keuze"', 'class="utrecht-select"', 'id="id_keuze"'):
        assert attribute in opening
    assert '<option value="">Alle</option>' in html
    assert '<option value="a">Appel &amp; &lt;peer&gt;</option>' in html  # escaped
    assert '<optgroup label="Fruit"><option value="b" selected>Banaan</option></optgroup>' in html
    assert html.index("Alle") < html.index("Appel") < html.index("Banaan")  # order kept


def test_selected_value_and_required_attribute_follow_the_bound_form():
    class Verplicht(forms.Form):
        keuze = forms.ChoiceField(
            choices=[("", "Kies"), ("a", "A"), ("b", "B")], widget=SnelleSelect
        )

    html = str(Verplicht(data={"keuze": "a"})["keuze"])
    assert " required" in html  # as Django's Select: only with a placeholder option
    assert '<option value="a" selected>A</option>' in html
    assert '<option value="b">B</option>' in html


def test_same_options_as_djangos_select_for_a_model_choice_field(db, gemeente):
    from productcatalogus.models import Organisatie

    def render(widget) -> str:
        field = forms.ModelChoiceField(Organisatie.objects.all(), widget=widget)
        form = forms.Form()
        form.fields["org"] = field
        return str(form["org"]).replace("\n", "")

    snel = render(SnelleSelect)
    django_select = render(forms.Select)
    assert snel.count("<option") == django_select.count("<option") == 2
    assert f'value="{gemeente.pk}"' in snel


def test_values_and_labels_escaped_safe_labels_kept():
    from django.utils.safestring import mark_safe

    class Gevaarlijk(forms.Form):
        keuze = forms.ChoiceField(
            choices=[('x" onclick="y', "<b>"), ("z", mark_safe("<i>veilig</i>"))],
            widget=SnelleSelect,
        )

    html = str(Gevaarlijk(initial={"keuze": 'x" onclick="y'})["keuze"])
    assert '<option value="x&quot; onclick=&quot;y" selected>&lt;b&gt;</option>' in html
    assert '<option value="z"><i>veilig</i></option>' in html  # as format_html would
