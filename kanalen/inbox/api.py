"""API of the KCC inbox: claim an item (409 for the loser) and the telephony webhook."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kanalen.inbox import selectors, services, telefonie
from kanalen.inbox.models import Telefoongesprek
from kcc.core.permissions import has_role

logger = logging.getLogger(__name__)

TOKEN_ONGELDIG = "Ongeldig of ontbrekend token."


class InboxClaimView(APIView):
    """Claim an inbox item. Exactly one caller wins; the others get 409 with a message."""

    permission_classes = [has_role(*services.INBOX_ROLLEN)]

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        referentie = serializers.CharField()
        status = serializers.CharField()
        behandelaar = serializers.CharField(source="behandelaar.username")

    @extend_schema(
        request=None,
        responses={
            200: OutputSerializer,
            404: OpenApiResponse(description="Onbekend bericht."),
            409: OpenApiResponse(description="Een collega was eerder: CLAIM_VERLOREN."),
        },
    )
    def post(self, request, bericht_id: int):
        bericht = selectors.bericht_get_for_medewerker(
            bericht_id=bericht_id, medewerker=request.user
        )
        try:
            bericht = services.bericht_claimen(bericht=bericht, medewerker=request.user)
        except services.ClaimVerloren as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(self.OutputSerializer(bericht).data)


class TelefonieGesprekView(APIView):
    """CTI webhook: the phone platform reports ringing / answered / ended.

    Not for people: the caller proves itself with the shared secret KCC_CTI_TOKEN in
    'Authorization: Bearer'. DRF's own authentication is off, so the check below is the
    only gate (marked public for the authorisation matrix, which knows roles only).
    """

    kcc_public = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        call_id = serializers.CharField(max_length=100)
        event = serializers.ChoiceField(choices=Telefoongesprek.Status.values)
        caller = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
        extension = serializers.CharField(
            max_length=20, required=False, allow_blank=True, default=""
        )
        medewerker = serializers.CharField(
            max_length=150, required=False, allow_blank=True, default=""
        )

    class OutputSerializer(serializers.Serializer):
        call_id = serializers.CharField()
        status = serializers.CharField()
        klant = serializers.IntegerField(source="klant_id", allow_null=True)
        duur_seconden = serializers.IntegerField(allow_null=True)

    @extend_schema(
        request=InputSerializer,
        responses={
            200: OutputSerializer,
            400: OpenApiResponse(description="Ongeldige invoer."),
            401: OpenApiResponse(description="Ongeldig of ontbrekend token."),
            404: OpenApiResponse(description="Onbekend call_id bij answered/ended."),
        },
    )
    def post(self, request):
        if not telefonie.cti_token_geldig(authorization=request.headers.get("Authorization", "")):
            logger.warning(
                "CTI-webhook geweigerd: ongeldig token (van %s)", request.META.get("REMOTE_ADDR")
            )
            return Response({"detail": TOKEN_ONGELDIG}, status=status.HTTP_401_UNAUTHORIZED)
        invoer = self.InputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        v = invoer.validated_data
        try:
            gesprek = telefonie.telefoongesprek_melden(
                call_id=v["call_id"],
                gebeurtenis=v["event"],
                beller=v["caller"],
                toestel=v["extension"],
                medewerker=v["medewerker"],
            )
        except telefonie.OnbekendGesprek as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_404_NOT_FOUND)
        except DjangoValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.OutputSerializer(gesprek).data)
