"""Functioneel beheer of the catalogue and kennisbank (Django admin under /beheer/)."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html

from productcatalogus import services, views
from productcatalogus.models import (
    VAC,
    Afdeling,
    Levensgebeurtenis,
    LevensgebeurtenisComponent,
    Organisatie,
    Product,
    SdgInformatiegebied,
    Statustype,
    Synoniem,
    UplTerm,
    VACVersie,
)

# Addresses typed without a scheme are https (Django 6's default; also no deprecation
# warning for every URL field rendered in beheer).
URL_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class AfdelingInline(admin.TabularInline):
    model = Afdeling
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    formfield_overrides = URL_HTTPS
    list_display = ("naam", "code", "integratie_modus", "is_eigen_organisatie")
    list_filter = ("integratie_modus",)
    search_fields = ("naam", "code", "oin")
    inlines = [AfdelingInline]


@admin.register(Afdeling)
class AfdelingAdmin(admin.ModelAdmin):
    list_display = ("naam", "organisatie", "code", "actief")
    list_filter = ("organisatie", "actief")
    search_fields = ("naam", "code")
    list_select_related = ("organisatie",)


class StatustypeInline(admin.TabularInline):
    model = Statustype
    extra = 0
    ordering = ("volgnummer",)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    formfield_overrides = URL_HTTPS
    list_display = (
        "naam",
        "organisatie",
        "afdeling",
        "soort",
        "servicenorm_werkdagen",
        "doorlooptijd_werkdagen",
        "voor_burger",
        "voor_bedrijf",
        "actief",
        "bekijken",
    )
    list_filter = ("actief", "soort", "voor_burger", "voor_bedrijf", "organisatie", "afdeling")
    list_select_related = ("organisatie", "afdeling__organisatie")
    search_fields = ("naam", "upl_naam", "trefwoorden", "samenvatting")
    prepopulated_fields = {"slug": ("naam",)}
    autocomplete_fields = ("sdg_informatiegebieden",)
    readonly_fields = ("bekijken",)
    inlines = [StatustypeInline]
    fieldsets = (
        (None, {"fields": ("naam", "slug", "bekijken", "samenvatting", "tekst", "trefwoorden")}),
        ("UPL", {"fields": ("upl_naam", "upl_uri", "sdg_informatiegebieden")}),
        (
            "Voor wie en wat",
            {
                "fields": (
                    "voor_burger",
                    "voor_bedrijf",
                    "soort",
                    "kosten",
                    "voorwaarden",
                    "meenemen",
                )
            },
        ),
        (
            "Behandeling en normen",
            {
                "fields": (
                    "organisatie",
                    "afdeling",
                    "doorlooptijd_werkdagen",
                    "servicenorm_werkdagen",
                    "opschorting_toegestaan",
                    "verlenging_toegestaan",
                    "kanalen",
                    "intake",
                )
            },
        ),
        ("Publicatie", {"fields": ("actief", "publicatie_vanaf", "publicatie_tot")}),
    )

    def get_urls(self):
        # The preview renders the public page for any product, also an inactive or not yet
        # published one (whose public URL gives a 404); only for the functioneel beheerder.
        voorbeeld = path(
            "<int:pk>/voorbeeld/",
            self.admin_site.admin_view(views.product_voorbeeld),
            name="productcatalogus_product_voorbeeld",
        )
        return [voorbeeld, *super().get_urls()]

    @admin.display(description="Voorbeeld")
    def bekijken(self, obj: Product) -> str:
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Bekijk als burger</a>',
            reverse("admin:productcatalogus_product_voorbeeld", args=[obj.pk]),
        )


class ComponentInline(admin.TabularInline):
    model = LevensgebeurtenisComponent
    extra = 0
    autocomplete_fields = ("product",)
    ordering = ("volgorde",)


@admin.register(Levensgebeurtenis)
class LevensgebeurtenisAdmin(admin.ModelAdmin):
    list_display = ("naam", "aantal_onderdelen", "voor_burger", "voor_bedrijf", "actief")
    list_filter = ("actief", "voor_burger", "voor_bedrijf")
    search_fields = ("naam", "trefwoorden")
    prepopulated_fields = {"slug": ("naam",)}
    inlines = [ComponentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_onderdelen=Count("componenten"))

    @admin.display(description="Onderdelen", ordering="_onderdelen")
    def aantal_onderdelen(self, obj) -> int:
        return obj._onderdelen


class VACVersieInline(admin.TabularInline):
    """The history is append-only: visible, never editable."""

    model = VACVersie
    extra = 0
    can_delete = False
    fields = ("versie", "gewijzigd_op", "gewijzigd_door", "wijzigingen")
    readonly_fields = fields
    ordering = ("-versie",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(VAC)
class VACAdmin(admin.ModelAdmin):
    list_display = ("vraag", "afdeling", "openbaar", "geldig_tot", "gewijzigd_op")
    list_filter = ("openbaar", "voor_burger", "voor_bedrijf", "afdeling__organisatie", "afdeling")
    list_select_related = ("afdeling__organisatie",)
    search_fields = ("vraag", "trefwoorden", "antwoord")
    prepopulated_fields = {"slug": ("vraag",)}
    autocomplete_fields = ("producten",)
    inlines = [VACVersieInline]
    fields = (
        "vraag",
        "slug",
        "antwoord",
        "trefwoorden",
        "producten",
        "voor_burger",
        "voor_bedrijf",
        "openbaar",
        "geldig_tot",
        "afdeling",
    )

    def save_model(self, request, obj, form, change) -> None:
        # Writes go through the service: it sanitises the answer and appends the history.
        velden = {k: form.cleaned_data[k] for k in services.kennisbank.VAC_VELDEN}
        producten = list(form.cleaned_data["producten"])
        if change:
            form.instance = services.vac_update(
                vac=obj, door=request.user, producten=producten, **velden
            )
        else:
            form.instance = services.vac_create(
                door=request.user, slug=form.cleaned_data["slug"], producten=producten, **velden
            )

    def save_related(self, request, form, formsets, change) -> None:
        # The products were set by the service in save_model; only the (read-only) inlines.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(VACVersie)
class VACVersieAdmin(admin.ModelAdmin):
    list_display = ("vac", "versie", "gewijzigd_op", "gewijzigd_door")
    list_select_related = ("vac", "gewijzigd_door")
    search_fields = ("vac__vraag",)
    readonly_fields = ("vac", "versie", "gewijzigd_op", "gewijzigd_door", "wijzigingen", "inhoud")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Synoniem)
class SynoniemAdmin(admin.ModelAdmin):
    list_display = ("term", "synoniemen")
    search_fields = ("term", "synoniemen")


@admin.register(SdgInformatiegebied)
class SdgInformatiegebiedAdmin(admin.ModelAdmin):
    formfield_overrides = URL_HTTPS
    list_display = ("code", "naam", "aantal_producten")
    search_fields = ("code", "naam", "thema")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_producten=Count("producten"))

    @admin.display(description="Producten", ordering="_producten")
    def aantal_producten(self, obj) -> int:
        return obj._producten


@admin.register(UplTerm)
class UplTermAdmin(admin.ModelAdmin):
    """Loaded by ``manage.py import_upl``; read-only here so the next import stays true."""

    list_display = ("naam", "gemeente", "rijk", "provincie", "waterschap", "burger", "bedrijf")
    list_filter = ("gemeente", "rijk", "provincie", "waterschap", "burger", "bedrijf", "aanvraag")
    search_fields = ("naam", "uri")
    readonly_fields = [f.name for f in UplTerm._meta.fields] + ["sdg_informatiegebieden"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
