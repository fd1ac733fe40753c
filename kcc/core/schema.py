"""OpenAPI schema generation settings shared by every API view."""

from drf_spectacular.openapi import AutoSchema


class KccAutoSchema(AutoSchema):
    """Component names for serializers nested in a view (the HackSoft style).

    ``KlantenView.InputSerializer`` becomes ``KlantenInput`` instead of a bare ``Input``
    that would collide with every other view's input in the OpenAPI components.
    """

    def _get_serializer_name(self, serializer, direction, bypass_extensions=False):
        name = super()._get_serializer_name(serializer, direction, bypass_extensions)
        qualname = getattr(serializer, "__class__", type(serializer)).__qualname__
        if "." in qualname and "<locals>" not in qualname:
            outer = qualname.split(".")[0].removesuffix("View").removesuffix("APIView")
            if not name.startswith(outer):
                name = outer + name
        return name
