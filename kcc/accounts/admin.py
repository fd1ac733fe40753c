"""Beheer of staff accounts.

The functioneel beheerder holds ``accounts.change_user`` to make medewerkers and give
them one of the four roles. Django's standard user admin would also let them set
``is_superuser`` or single permissions, and so hand themselves (or anyone) every right in
the system: those fields are for superusers only, and a beheerder never changes their own
rights or a superuser's account.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from kcc.accounts import roles
from kcc.accounts.models import User

# Rights beyond the four roles: only a superuser may see or set these.
ALLEEN_SUPERUSER_VELDEN = ("is_superuser", "user_permissions")
# On their own account a beheerder may change their name and e-mail, not their rights.
EIGEN_RECHTEN_VELDEN = ("is_staff", "is_active", "groups", "soort", "afdelingen")


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

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Fields not in the fieldsets are not in the form either: a POST cannot set them.
        return [
            (naam, {**opties, "fields": _zonder(opties["fields"], ALLEEN_SUPERUSER_VELDEN)})
            for naam, opties in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser and obj is not None and obj.pk == request.user.pk:
            readonly += EIGEN_RECHTEN_VELDEN
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=roles.STAFF_ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None) -> bool:
        # A superuser's account (password, e-mail for a reset) stays out of a beheerder's
        # reach: changing it would be a way into every right.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


def _zonder(velden, weg: tuple[str, ...]) -> tuple:
    return tuple(v for v in velden if v not in weg)
