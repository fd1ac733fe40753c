from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kcc.accounts.models import User


@admin.register(User)
class KccUserAdmin(UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "soort", "is_active")
    list_filter = ("soort", "is_active", "groups", "afdelingen")
    search_fields = ("username", "email", "first_name", "last_name")
    filter_horizontal = ("groups", "user_permissions", "afdelingen")
    fieldsets = (
        *UserAdmin.fieldsets,
        ("KCC", {"fields": ("soort", "functie", "afdelingen")}),
    )
