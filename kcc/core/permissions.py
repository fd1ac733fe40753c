"""Access rules for pages, shared by every app.

``role_required`` answers anonymous users with the login page and logged-in users
without the role with the Dutch 403 page: never a page that leaks what exists.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

GEEN_TOEGANG = "U heeft geen toegang tot deze pagina."


def role_required(*role_names: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.has_role(*role_names):
                raise PermissionDenied(GEEN_TOEGANG)
            return view(request, *args, **kwargs)

        wrapped.kcc_roles = role_names  # read by the authorisation matrix test
        return wrapped

    return decorator


def public(view):
    """Mark a view as open to everyone, on purpose (read by the authorisation matrix)."""
    view.kcc_public = True
    return view


def has_role(*role_names: str):
    """A DRF permission class: the caller is a medewerker with one of these roles.

    Object scope (afdeling, organisation token, the citizen's own BSN) is the job of the
    selector that fetches the object; this only checks the role.
    """
    from rest_framework.permissions import BasePermission

    class HasRole(BasePermission):
        kcc_roles = role_names
        message = GEEN_TOEGANG

        def has_permission(self, request, view) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and user.has_role(*role_names))

    HasRole.__name__ = "HasRole_" + "_".join(role_names)
    return HasRole
