from django.contrib import admin

from kcc.audit.models import Verwerking


@admin.register(Verwerking)
class VerwerkingAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, not even a superuser changes history."""

    list_display = ("tijdstip", "wie", "actie", "klant", "scherm_of_endpoint")
    list_filter = ("actie",)
    search_fields = ("wie", "scherm_of_endpoint", "klant__bsn")
    list_select_related = ("klant",)
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
