from django.contrib import admin

from klanten.models import DigitaalAdres, Klant, KlantSamenvoeging, Toestemming


class DigitaalAdresInline(admin.TabularInline):
    model = DigitaalAdres
    extra = 0


@admin.register(Klant)
class KlantAdmin(admin.ModelAdmin):
    """For support only: changes of personal data belong in the console (with history)."""

    list_display = ("pk", "soort", "__str__", "bsn", "kvk_nummer", "postcode", "samengevoegd_in")
    list_filter = ("soort", "geheimhouding")
    search_fields = ("bsn", "kvk_nummer", "vestigingsnummer", "zoeknaam", "postcode")
    readonly_fields = (
        "brp_gegevens",
        "brp_opgehaald_op",
        "kvk_gegevens",
        "kvk_opgehaald_op",
        "zoeknaam",
    )
    raw_id_fields = ("samengevoegd_in",)
    inlines = [DigitaalAdresInline]
    ordering = ("-pk",)  # a million klanten: no sort by name on every page
    show_full_result_count = False


@admin.register(Toestemming)
class ToestemmingAdmin(admin.ModelAdmin):
    list_display = ("klant", "soort", "derde_partij", "verleend", "datum")
    list_filter = ("soort", "verleend")
    raw_id_fields = ("klant", "vastgelegd_door")

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # append-only history

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KlantSamenvoeging)
class KlantSamenvoegingAdmin(admin.ModelAdmin):
    list_display = ("tijdstip", "behouden", "opgeheven", "medewerker")
    readonly_fields = ("behouden", "opgeheven", "medewerker", "opgeheven_gegevens", "verplaatst")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
