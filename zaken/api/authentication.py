"""API access for external organisations' systems: ``Authorization: Bearer <token>``."""

from __future__ import annotations

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission

from kcc.core.permissions import GEEN_TOEGANG
from zaken.principals import ExternSysteem
from zaken.services.koppelingen import externe_koppeling_voor_token

FOUT_TOKEN = "Ongeldig of ingetrokken token."
FOUT_HEADER = "De Authorization-header moet de vorm 'Bearer <token>' hebben."


class ExterneOrganisatieAuthentication(BaseAuthentication):
    """Authenticates a connected organisation by its token; ``request.user`` is an ExternSysteem."""

    keyword = b"bearer"

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword:
            return None
        if len(header) != 2:
            raise AuthenticationFailed(FOUT_HEADER)
        try:
            token = header[1].decode()
        except UnicodeDecodeError as exc:
            raise AuthenticationFailed(FOUT_TOKEN) from exc
        koppeling = externe_koppeling_voor_token(token)
        if koppeling is None:
            raise AuthenticationFailed(FOUT_TOKEN)
        return ExternSysteem(koppeling), koppeling

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="kcc"'


def extern_of_rol(*role_names: str):
    """A DRF permission: an external organisation's system, or a medewerker with a role.

    ``kcc_roles`` lists the staff roles (read by the authorisation matrix test); what an
    external system may touch is limited by the selectors to its own organisation.
    """

    class ExternOfRol(BasePermission):
        kcc_roles = role_names
        message = GEEN_TOEGANG

        def has_permission(self, request, view) -> bool:
            user = request.user
            if isinstance(user, ExternSysteem):
                return True
            return bool(user and user.is_authenticated and user.has_role(*role_names))

    ExternOfRol.__name__ = "ExternOfRol_" + "_".join(role_names)
    return ExternOfRol
