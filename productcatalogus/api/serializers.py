"""Serializers of the catalogue API: output shapes and the beheer input shapes."""

from __future__ import annotations

from rest_framework import serializers

from productcatalogus.models import (
    VAC,
    Afdeling,
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Organisatie,
    Product,
    SdgInformatiegebied,
    Statustype,
)
from productcatalogus.models.validators import INTAKE_TYPES, KANAAL_CODES

FOUT_AFDELING_ONBEKEND = "Afdeling '{code}' bestaat niet bij organisatie '{organisatie}'."


class OrganisatieKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = ["code", "naam"]


class AfdelingKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Afdeling
        fields = ["code", "naam"]


class StatustypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statustype
        fields = ["volgnummer", "naam", "publieke_tekst", "informeren", "is_eindstatus"]


class IntakeVraagSerializer(serializers.Serializer):
    code = serializers.CharField()
    vraag = serializers.CharField()
    type = serializers.ChoiceField(choices=INTAKE_TYPES)
    verplicht = serializers.BooleanField(required=False)
    uitleg = serializers.CharField(required=False)
    keuzes = serializers.ListField(child=serializers.CharField(), required=False)
    brp_veld = serializers.CharField(
        required=False, help_text="Gevuld: het antwoord komt uit de BRP en wordt niet gevraagd."
    )


class ProductOutputSerializer(serializers.ModelSerializer):
    organisatie = OrganisatieKortSerializer()
    afdeling = AfdelingKortSerializer()
    sdg_informatiegebieden = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    statustypen = StatustypeSerializer(many=True)
    intake = IntakeVraagSerializer(many=True)
    kanalen = serializers.ListField(child=serializers.ChoiceField(choices=KANAAL_CODES))
    url = serializers.SerializerMethodField(help_text="De publieke productpagina.")

    class Meta:
        model = Product
        fields = [
            "id", "slug", "naam", "upl_naam", "upl_uri", "samenvatting", "tekst", "trefwoorden",
            "voor_burger", "voor_bedrijf", "soort", "kosten", "voorwaarden", "meenemen",
            "organisatie", "afdeling", "doorlooptijd_werkdagen", "servicenorm_werkdagen",
            "opschorting_toegestaan", "verlenging_toegestaan", "kanalen", "intake",
            "sdg_informatiegebieden", "statustypen", "actief", "publicatie_vanaf",
            "publicatie_tot", "url",
        ]  # fmt: skip

    def get_url(self, obj: Product) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class ProductInputSerializer(serializers.Serializer):
    """What a functioneel beheerder sends to create or change a product."""

    naam = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=200, required=False)
    upl_naam = serializers.CharField(max_length=300, required=False, allow_blank=True)
    upl_uri = serializers.URLField(max_length=300, required=False, allow_blank=True)
    samenvatting = serializers.CharField(max_length=300)
    tekst = serializers.CharField(required=False, allow_blank=True)
    trefwoorden = serializers.CharField(required=False, allow_blank=True)
    voor_burger = serializers.BooleanField(required=False)
    voor_bedrijf = serializers.BooleanField(required=False)
    soort = serializers.ChoiceField(choices=Product.Soort.choices, required=False)
    kosten = serializers.CharField(required=False, allow_blank=True)
    voorwaarden = serializers.CharField(required=False, allow_blank=True)
    meenemen = serializers.CharField(required=False, allow_blank=True)
    organisatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisatie.objects.all(), help_text="Organisatiecode."
    )
    afdeling = serializers.SlugField(help_text="Afdelingscode binnen de organisatie.")
    doorlooptijd_werkdagen = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    servicenorm_werkdagen = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    opschorting_toegestaan = serializers.BooleanField(required=False)
    verlenging_toegestaan = serializers.BooleanField(required=False)
    kanalen = serializers.ListField(
        child=serializers.ChoiceField(choices=KANAAL_CODES), required=False
    )
    intake = IntakeVraagSerializer(many=True, required=False)
    sdg_informatiegebieden = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        queryset=SdgInformatiegebied.objects.all(),
        required=False,
    )
    actief = serializers.BooleanField(required=False)
    publicatie_vanaf = serializers.DateField(required=False, allow_null=True)
    publicatie_tot = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict) -> dict:
        organisatie = attrs.get("organisatie") or getattr(self.instance, "organisatie", None)
        if "afdeling" in attrs:
            afdeling = Afdeling.objects.filter(
                organisatie=organisatie, code=attrs["afdeling"]
            ).first()
            if afdeling is None:
                raise serializers.ValidationError(
                    {
                        "afdeling": FOUT_AFDELING_ONBEKEND.format(
                            code=attrs["afdeling"], organisatie=organisatie.code
                        )
                    }
                )
            attrs["afdeling"] = afdeling
        return attrs


class ComponentSerializer(serializers.ModelSerializer):
    product = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    product_naam = serializers.CharField(source="product.naam", read_only=True)
    organisatie = serializers.CharField(source="product.organisatie.code", read_only=True)

    class Meta:
        model = LevensgebeurtenisComponent
        fields = [
            "volgorde", "product", "product_naam", "organisatie", "voorwaarde_vraag",
            "voorwaarde_code",
        ]  # fmt: skip


class LevensgebeurtenisOutputSerializer(serializers.ModelSerializer):
    componenten = ComponentSerializer(many=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Levensgebeurtenis
        fields = [
            "id", "slug", "naam", "samenvatting", "tekst", "voor_burger", "voor_bedrijf",
            "componenten", "url",
        ]  # fmt: skip

    def get_url(self, obj: Levensgebeurtenis) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class VacOutputSerializer(serializers.ModelSerializer):
    producten = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    afdeling = AfdelingKortSerializer()
    organisatie = serializers.CharField(source="afdeling.organisatie.code")

    class Meta:
        model = VAC
        fields = [
            "id", "slug", "vraag", "antwoord", "trefwoorden", "producten", "voor_burger",
            "voor_bedrijf", "openbaar", "geldig_tot", "afdeling", "organisatie", "gewijzigd_op",
        ]  # fmt: skip


class VacInputSerializer(serializers.Serializer):
    vraag = serializers.CharField(max_length=300)
    antwoord = serializers.CharField(help_text="HTML; wordt opgeschoond.")
    trefwoorden = serializers.CharField(required=False, allow_blank=True)
    producten = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Product.objects.all(), required=False
    )
    voor_burger = serializers.BooleanField(required=False)
    voor_bedrijf = serializers.BooleanField(required=False)
    openbaar = serializers.BooleanField(required=False)
    geldig_tot = serializers.DateField(required=False, allow_null=True)
    organisatie = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisatie.objects.all()
    )
    afdeling = serializers.SlugField(help_text="Afdelingscode binnen de organisatie.")

    def validate(self, attrs: dict) -> dict:
        organisatie = attrs.pop("organisatie", None)
        if "afdeling" in attrs:
            if organisatie is None and self.instance is not None:
                organisatie = self.instance.afdeling.organisatie
            afdeling = Afdeling.objects.filter(
                organisatie=organisatie, code=attrs["afdeling"]
            ).first()
            if afdeling is None:
                raise serializers.ValidationError(
                    {
                        "afdeling": FOUT_AFDELING_ONBEKEND.format(
                            code=attrs["afdeling"], organisatie=getattr(organisatie, "code", "")
                        )
                    }
                )
            attrs["afdeling"] = afdeling
        return attrs


class ZoekresultaatSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["product", "levensgebeurtenis", "vac"])
    id = serializers.IntegerField()
    titel = serializers.CharField()
    samenvatting = serializers.CharField()
    url = serializers.CharField()
    score = serializers.FloatField()
