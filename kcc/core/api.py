"""API machinery shared by every app: the exception handler and the API root."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, with Django's validation errors turned into 400s instead of 500s."""
    from django.core.exceptions import PermissionDenied
    from django.core.exceptions import ValidationError as DjangoValidationError

    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Niet gevonden.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


class ApiRootView(APIView):
    """Where the API's parts are: schema, documentation and the resources."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(exclude=True)
    def get(self, request):
        from django.urls import reverse

        return Response(
            {
                "schema": request.build_absolute_uri(reverse("api:schema")),
                "documentatie": request.build_absolute_uri(reverse("api:docs")),
            }
        )


def paginated_schema(serializer_class, name: str):
    """OpenAPI shape of a PageNumberPagination response around ``serializer_class``.

    For APIViews that paginate by hand: ``responses={200: paginated_schema(X, "X")}``.
    """
    from drf_spectacular.utils import inline_serializer
    from rest_framework import serializers

    return inline_serializer(
        name=f"Gepagineerd{name}",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer_class(many=True),
        },
    )
