import django_filters

from productcatalogus.models import VAC, Levensgebeurtenis, Product

DOELGROEP_KEUZES = [("burger", "Burger"), ("bedrijf", "Bedrijf")]


def _doelgroep(queryset, name, value):
    if value == "burger":
        return queryset.filter(voor_burger=True)
    if value == "bedrijf":
        return queryset.filter(voor_bedrijf=True)
    return queryset


class ProductFilter(django_filters.FilterSet):
    doelgroep = django_filters.ChoiceFilter(choices=DOELGROEP_KEUZES, method=_doelgroep)
    organisatie = django_filters.CharFilter(field_name="organisatie__code", label="Organisatiecode")
    thema = django_filters.CharFilter(
        field_name="sdg_informatiegebieden__code", label="SDG-code", distinct=True
    )
    soort = django_filters.ChoiceFilter(choices=Product.Soort.choices)
    upl_uri = django_filters.CharFilter()

    class Meta:
        model = Product
        fields = ["doelgroep", "organisatie", "thema", "soort", "upl_uri"]


class LevensgebeurtenisFilter(django_filters.FilterSet):
    doelgroep = django_filters.ChoiceFilter(choices=DOELGROEP_KEUZES, method=_doelgroep)

    class Meta:
        model = Levensgebeurtenis
        fields = ["doelgroep"]


class VacFilter(django_filters.FilterSet):
    doelgroep = django_filters.ChoiceFilter(choices=DOELGROEP_KEUZES, method=_doelgroep)
    product = django_filters.CharFilter(field_name="producten__slug", label="Productslug")
    afdeling = django_filters.CharFilter(field_name="afdeling__code", label="Afdelingscode")
    openbaar = django_filters.BooleanFilter()

    class Meta:
        model = VAC
        fields = ["doelgroep", "product", "afdeling", "openbaar"]
