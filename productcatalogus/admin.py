from django.contrib import admin

from productcatalogus.models import Afdeling, Organisatie


class AfdelingInline(admin.TabularInline):
    model = Afdeling
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
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
