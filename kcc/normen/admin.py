from django.contrib import admin

from kcc.normen.models import Openingstijd, Signalering, Sluitingsdag


@admin.register(Sluitingsdag)
class SluitingsdagAdmin(admin.ModelAdmin):
    list_display = ("datum", "omschrijving", "geldt_voor")
    list_filter = ("organisatie", ("organisatie", admin.EmptyFieldListFilter))
    search_fields = ("omschrijving",)
    date_hierarchy = "datum"
    list_select_related = ("organisatie",)

    @admin.display(description="geldt voor", ordering="organisatie__naam")
    def geldt_voor(self, obj: Sluitingsdag) -> str:
        return obj.organisatie.naam if obj.organisatie else "Alle organisaties"


@admin.register(Openingstijd)
class OpeningstijdAdmin(admin.ModelAdmin):
    list_display = ("kanaal", "weekdag", "van", "tot", "geldt_voor")
    list_filter = ("kanaal", "weekdag", "organisatie")
    list_select_related = ("organisatie",)

    @admin.display(description="geldt voor", ordering="organisatie__naam")
    def geldt_voor(self, obj: Openingstijd) -> str:
        return obj.organisatie.naam if obj.organisatie else "Alle organisaties"


@admin.register(Signalering)
class SignaleringAdmin(admin.ModelAdmin):
    """Read-only: only the norm monitor writes Signaleringen."""

    list_display = ("kenmerk", "objectsoort", "soort", "deadline", "afdeling", "aangemaakt_op")
    list_filter = ("soort", "objectsoort", "afdeling")
    search_fields = ("kenmerk",)
    date_hierarchy = "aangemaakt_op"
    list_select_related = ("afdeling",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
