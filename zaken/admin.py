"""Beheer of zaken: outbox with delivery log and manual re-send, external koppelingen."""

from __future__ import annotations

from django.contrib import admin, messages

from kcc.core.admin import VerwerkingAdminMixin
from zaken.models import (
    Aanvraag,
    ExterneKoppeling,
    OutboxAflevering,
    OutboxBericht,
    Zaak,
    ZaakStatus,
)
from zaken.services.koppelingen import externe_koppeling_instellen
from zaken.services.outbox import outbox_opnieuw_versturen


class OutboxAfleveringInline(admin.TabularInline):
    model = OutboxAflevering
    extra = 0
    can_delete = False
    readonly_fields = ["poging", "tijdstip", "gelukt", "http_status", "fout", "duur_ms"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OutboxBericht)
class OutboxBerichtAdmin(admin.ModelAdmin):
    list_display = [
        "dedup_sleutel",
        "soort",
        "status",
        "pogingen",
        "volgende_poging_op",
        "verzonden_op",
    ]
    list_filter = ["soort", "status"]
    search_fields = ["dedup_sleutel", "doel", "zaak__identificatie"]
    readonly_fields = [
        "soort",
        "dedup_sleutel",
        "zaak",
        "organisatie",
        "doel",
        "payload",
        "status",
        "pogingen",
        "volgende_poging_op",
        "laatste_fout",
        "aangemaakt_op",
        "verzonden_op",
        "contactmoment",
    ]
    inlines = [OutboxAfleveringInline]
    actions = ["opnieuw_versturen"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Opnieuw versturen", permissions=["change"])
    def opnieuw_versturen(self, request, queryset) -> None:
        aantal = outbox_opnieuw_versturen(berichten=queryset)
        self.message_user(request, f"{aantal} bericht(en) worden opnieuw verstuurd.")


@admin.register(ExterneKoppeling)
class ExterneKoppelingAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "token_begin", "actief", "aangemaakt_op"]
    readonly_fields = ["token_begin", "aangemaakt_op"]
    fields = ["organisatie", "actief", "token_begin", "aangemaakt_op"]
    actions = ["nieuw_token"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        koppeling, token = externe_koppeling_instellen(organisatie=obj.organisatie)
        obj.pk = koppeling.pk
        self._toon_token(request, koppeling, token)

    @admin.action(description="Nieuw token en webhookgeheim maken", permissions=["change"])
    def nieuw_token(self, request, queryset) -> None:
        for koppeling in queryset.select_related("organisatie"):
            koppeling, token = externe_koppeling_instellen(organisatie=koppeling.organisatie)
            self._toon_token(request, koppeling, token)

    def _toon_token(self, request, koppeling: ExterneKoppeling, token: str) -> None:
        messages.warning(
            request,
            f"{koppeling.organisatie}: API-token {token} en webhookgeheim "
            f"{koppeling.webhook_secret}. Geef ze veilig door; het token wordt niet "
            "nog eens getoond.",
        )


class ZaakStatusInline(admin.TabularInline):
    model = ZaakStatus
    extra = 0
    can_delete = False
    readonly_fields = ["statustype", "omschrijving", "publiek", "door", "gezet_op"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Zaak)
class ZaakAdmin(VerwerkingAdminMixin, admin.ModelAdmin):
    """Read-only in beheer: zaken change only through the backoffice and the API."""

    list_display = [
        "identificatie",
        "soort",
        "product",
        "afdeling",
        "behandelaar",
        "streefdatum",
        "afgesloten_op",
    ]
    list_filter = ["soort", "afdeling"]
    search_fields = ["identificatie"]
    list_select_related = ["product", "afdeling__organisatie", "behandelaar"]
    inlines = [ZaakStatusInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Aanvraag)
class AanvraagAdmin(VerwerkingAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "onderwerp", "status", "kanaal", "aangemaakt_op"]
    list_filter = ["status", "kanaal"]
    list_select_related = ["product", "levensgebeurtenis"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
