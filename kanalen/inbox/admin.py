"""Beheer of the inbox: look-up only. Items are worked in the console, where claims,
answers and contactmomenten stay consistent."""

from django.contrib import admin

from kanalen.inbox.models import (
    Afspraak,
    Antwoord,
    BalieLocatie,
    InkomendBericht,
    Telefoongesprek,
    Tijdslot,
    Toestel,
)
from kcc.core.admin import VerwerkingAdminMixin


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InkomendBericht)
class InkomendBerichtAdmin(VerwerkingAdminMixin, AlleenLezen):
    list_display = ["referentie", "kanaal", "onderwerp", "status", "deadline", "behandelaar"]
    list_filter = ["kanaal", "status"]
    search_fields = ["referentie", "onderwerp", "afzender_email", "message_id"]
    list_select_related = ["behandelaar"]
    exclude = ["ruw"]


@admin.register(Antwoord)
class AntwoordAdmin(AlleenLezen):
    list_display = ["bericht", "kanaal", "aan", "aangemaakt_op", "verzonden_op", "pogingen"]
    list_filter = ["kanaal"]
    list_select_related = ["bericht"]


@admin.register(Telefoongesprek)
class TelefoongesprekAdmin(VerwerkingAdminMixin, AlleenLezen):
    list_display = ["call_id", "beller", "medewerker", "status", "begonnen_op", "beeindigd_op"]
    list_filter = ["status"]
    list_select_related = ["medewerker"]


@admin.register(Toestel)
class ToestelAdmin(admin.ModelAdmin):
    """Which medewerker sits at which extension: a CTI event naming only the extension
    then reaches that medewerker's console."""

    list_display = ["nummer", "medewerker"]
    search_fields = ["nummer", "medewerker__username", "medewerker__last_name"]
    list_select_related = ["medewerker"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "medewerker":
            from kcc.accounts.models import User

            kwargs["queryset"] = User.objects.filter(
                soort=User.Soort.MEDEWERKER, is_active=True
            ).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(BalieLocatie)
class BalieLocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "adres", "actief"]


@admin.register(Tijdslot)
class TijdslotAdmin(admin.ModelAdmin):
    list_display = ["begint_op", "locatie", "duur_minuten", "capaciteit"]
    list_filter = ["locatie"]
    date_hierarchy = "begint_op"
    list_select_related = ["locatie"]


@admin.register(Afspraak)
class AfspraakAdmin(VerwerkingAdminMixin, AlleenLezen):
    list_display = ["naam", "tijdslot", "status", "herinnering_verstuurd_op"]
    list_filter = ["status"]
    list_select_related = ["tijdslot__locatie"]
    exclude = ["code"]
