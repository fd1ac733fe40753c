"""OpenAPI description of the external organisations' Bearer token (drf-spectacular)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ExterneOrganisatieAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "zaken.api.authentication.ExterneOrganisatieAuthentication"
    name = "externeOrganisatieToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Token van een aangesloten organisatie (alleen haar eigen deelzaken).",
        }
