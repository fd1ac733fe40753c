from django.contrib import admin

from kanalen.models import (
    Contactmoment,
    ContactmomentVraag,
    Contactverzoek,
    ContactverzoekPoging,
    Kanaal,
)


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):
    """Functioneel beheer sets the reactienorm per channel here."""

    list_display = (
        "naam",
        "code",
        "reactienorm_waarde",
        "reactienorm_eenheid",
        "actief",
        "volgorde",
    )
    list_editable = ("reactienorm_waarde", "reactienorm_eenheid", "actief", "volgorde")
    readonly_fields = ("code",)

    def has_add_permission(self, request) -> bool:
        return False  # the seven channels are fixed; the code depends on them

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class VraagInline(admin.TabularInline):
    model = ContactmomentVraag
    extra = 0
    raw_id_fields = ("product", "vac")


@admin.register(Contactmoment)
class ContactmomentAdmin(admin.ModelAdmin):
    list_display = ("gestart_op", "kanaal", "richting", "resultaat", "klant", "medewerker")
    list_filter = ("kanaal", "richting", "resultaat")
    list_select_related = ("kanaal", "klant", "medewerker")
    raw_id_fields = ("klant", "medewerker", "vorig_contactmoment", "doorverwezen_naar")
    inlines = [VraagInline]
    date_hierarchy = "gestart_op"


class PogingInline(admin.TabularInline):
    model = ContactverzoekPoging
    extra = 0
    raw_id_fields = ("medewerker",)


@admin.register(Contactverzoek)
class ContactverzoekAdmin(admin.ModelAdmin):
    list_display = ("pk", "status", "deadline", "afdeling", "behandelaar", "klant")
    list_filter = ("status", "afdeling")
    list_select_related = ("afdeling__organisatie", "behandelaar", "klant")
    raw_id_fields = ("klant", "contactmoment", "behandelaar", "afhandeling", "aangemaakt_door")
    inlines = [PogingInline]
