"""The zaken API: one view per operation, scoped by role, afdeling and organisation token.

Staff authenticate with a session or ``Token``; an external organisation's system with
``Bearer <token>`` and reaches only its own organisation's zaken (never a hoofdzaak).
"""

from __future__ import annotations

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import generics, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc.accounts import roles
from kcc.accounts.authentication import MedewerkerTokenAuthentication
from kcc.core.permissions import has_role
from productcatalogus.models import Afdeling, Statustype
from zaken import selectors
from zaken.api import schema  # noqa: F401 (registers the Bearer scheme)
from zaken.api.authentication import ExterneOrganisatieAuthentication, extern_of_rol
from zaken.errors import ZaakFout
from zaken.models import Zaak, ZaakStatus
from zaken.principals import ExternSysteem
from zaken.services import zaken as zaak_services

AUTHENTICATIE = [
    ExterneOrganisatieAuthentication,
    SessionAuthentication,
    MedewerkerTokenAuthentication,
]
LEZEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER, roles.BACKOFFICE_MEDEWERKER)

FOUT_STATUSTYPE_ONBEKEND = "Onbekende status voor dit product."
FOUT_AFDELING_ONBEKEND = "Onbekende afdeling."
FOUT_STATUS_KIEZEN = "Geef 'statustype' (id) of 'volgnummer' op."

FoutSerializer = inline_serializer("Fout", fields={"detail": serializers.CharField()})
# 400: {"detail": "..."} from a refused action, or {"veld": ["..."]} from input checks.
FOUTEN = {
    400: OpenApiTypes.OBJECT,
    401: FoutSerializer,
    403: FoutSerializer,
    404: FoutSerializer,
}


class StatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statustype
        fields = ["id", "volgnummer", "naam", "publieke_tekst", "is_eindstatus"]


class ZaakOutputSerializer(serializers.ModelSerializer):
    hoofdzaak = serializers.SlugRelatedField(slug_field="identificatie", read_only=True)
    product = serializers.CharField(source="product.naam", default=None, allow_null=True)
    organisatie = serializers.CharField(source="organisatie.code")
    afdeling = serializers.CharField(source="afdeling.code")
    behandelaar = serializers.CharField(
        source="behandelaar.username", default=None, allow_null=True
    )
    status = StatusSerializer(allow_null=True)
    opgeschort = serializers.BooleanField(source="is_opgeschort")
    aanspreekpunt = serializers.CharField(
        source="aanspreekpunt.get_full_name",
        default=None,
        allow_null=True,
        help_text="Hoofdzaak: de KCC-medewerker die het ene aanspreekpunt van de klant is.",
    )

    class Meta:
        model = Zaak
        fields = [
            "identificatie",
            "soort",
            "hoofdzaak",
            "product",
            "organisatie",
            "afdeling",
            "behandelaar",
            "aanspreekpunt",
            "status",
            "startdatum",
            "streefdatum",
            "uiterlijke_einddatum",
            "opgeschort",
            "verlengd",
            "einddatum",
            "resultaat",
            "afgesloten_op",
        ]


class VoortgangSerializer(serializers.Serializer):
    afgerond = serializers.IntegerField()
    totaal = serializers.IntegerField()
    tekst = serializers.CharField()


class ZaakDetailOutputSerializer(ZaakOutputSerializer):
    deelzaken = serializers.SerializerMethodField()
    voortgang = serializers.SerializerMethodField()

    class Meta(ZaakOutputSerializer.Meta):
        fields = [*ZaakOutputSerializer.Meta.fields, "deelzaken", "voortgang"]

    @extend_schema_field(ZaakOutputSerializer(many=True))
    def get_deelzaken(self, zaak: Zaak) -> list[dict]:
        if not zaak.is_hoofdzaak:
            return []
        return ZaakOutputSerializer(
            selectors.zaken_voor_api(zaak.deelzaken.order_by("id")), many=True
        ).data

    @extend_schema_field(VoortgangSerializer(allow_null=True))
    def get_voortgang(self, zaak: Zaak) -> dict | None:
        if not zaak.is_hoofdzaak:
            return None
        voortgang = selectors.hoofdzaak_voortgang(hoofdzaak=zaak)
        return VoortgangSerializer(voortgang).data


class ZaakFoutMixin:
    """Turn a refused service call into its HTTP answer (400, 403 or 409) with the message."""

    authentication_classes = AUTHENTICATIE

    def handle_exception(self, exc):
        if isinstance(exc, ZaakFout):
            return Response({"detail": exc.message}, status=exc.status_code)
        return super().handle_exception(exc)

    def zaak(self, request, id: str) -> Zaak:
        """The zaak's own row (its related objects are read for the answer, ``antwoord``)."""
        return selectors.zaak_get_voor_gebruiker(user=request.user, id=id, relaties=())

    def antwoord(self, zaak: Zaak, serializer=None) -> Response:
        """The zaak as the API shows it, as it is in the database now."""
        selectors.api_relaties_laden(zaak)
        return Response((serializer or ZaakOutputSerializer)(zaak).data)


@extend_schema(
    tags=["zaken"],
    parameters=[
        OpenApiParameter("open", bool, description="Alleen open (true) of afgesloten (false)."),
        OpenApiParameter("soort", str, enum=Zaak.Soort.values),
        OpenApiParameter("afdeling", str, description="Afdelingscode."),
    ],
)
class ZakenLijstView(ZaakFoutMixin, generics.ListAPIView):
    """Zaken in your scope: KCC and teamleider all, backoffice their afdelingen, an external
    system its own organisation's zaken."""

    permission_classes = [extern_of_rol(*LEZEN)]
    serializer_class = ZaakOutputSerializer
    filter_backends: list = []

    def get_queryset(self):
        qs = selectors.zaken_voor_api(selectors.zaken_voor_gebruiker(user=self.request.user))
        params = self.request.query_params
        open_ = params.get("open", "").lower()
        if open_ in ("true", "1"):
            qs = qs.filter(afgesloten_op__isnull=True)
        elif open_ in ("false", "0"):
            qs = qs.filter(afgesloten_op__isnull=False)
        if params.get("soort") in Zaak.Soort.values:
            qs = qs.filter(soort=params["soort"])
        if params.get("afdeling"):
            qs = qs.filter(afdeling__code=params["afdeling"])
        return qs.order_by("-startdatum", "-id")


@extend_schema(tags=["zaken"], responses={200: ZaakDetailOutputSerializer, **FOUTEN})
class ZaakDetailView(ZaakFoutMixin, APIView):
    """One zaak by identificatie (ZAAK-2026-000123) or id; a hoofdzaak with its deelzaken."""

    permission_classes = [extern_of_rol(*LEZEN)]

    def get(self, request, id: str):
        return self.antwoord(self.zaak(request, id), ZaakDetailOutputSerializer)


class ZaakStatusOutputSerializer(serializers.ModelSerializer):
    statustype = StatusSerializer(allow_null=True)

    class Meta:
        model = ZaakStatus
        fields = ["statustype", "omschrijving", "publiek", "door", "gezet_op"]


@extend_schema(tags=["zaken"], responses={200: ZaakStatusOutputSerializer(many=True), **FOUTEN})
class ZaakStatussenView(ZaakFoutMixin, APIView):
    """The history of a zaak: who did what when, public or internal."""

    permission_classes = [extern_of_rol(*LEZEN)]

    def get(self, request, id: str):
        zaak = self.zaak(request, id)
        historie = selectors.zaak_historie(zaak=zaak)
        return Response(ZaakStatusOutputSerializer(historie, many=True).data)


ACTIE_ANTWOORDEN = {200: ZaakOutputSerializer, **FOUTEN, 409: FoutSerializer}


@extend_schema(tags=["zaken"], request=None, responses=ACTIE_ANTWOORDEN)
class ZaakClaimView(ZaakFoutMixin, APIView):
    """Claim a zaak of your afdeling. Someone else was first: 409 with a message."""

    permission_classes = [has_role(roles.BACKOFFICE_MEDEWERKER)]

    def post(self, request, id: str):
        zaak = zaak_services.zaak_claimen_op_identificatie(
            identificatie=id, medewerker=request.user
        ) or zaak_services.zaak_claim(zaak=self.zaak(request, id), medewerker=request.user)
        return self.antwoord(zaak)


@extend_schema(tags=["zaken"], request=None, responses=ACTIE_ANTWOORDEN)
class ZaakReleaseView(ZaakFoutMixin, APIView):
    """Put your claimed zaak back in the afdeling's queue."""

    permission_classes = [has_role(roles.BACKOFFICE_MEDEWERKER)]

    def post(self, request, id: str):
        zaak = zaak_services.zaak_vrijgeven(zaak=self.zaak(request, id), medewerker=request.user)
        return self.antwoord(zaak)


class TransferInputSerializer(serializers.Serializer):
    afdeling = serializers.IntegerField(help_text="Id van de nieuwe afdeling.")
    reden = serializers.CharField(max_length=500)


@extend_schema(tags=["zaken"], request=TransferInputSerializer, responses=ACTIE_ANTWOORDEN)
class ZaakTransferView(ZaakFoutMixin, APIView):
    """Transfer a zaak to another afdeling (with a reason); it arrives there unclaimed.

    A zaak a colleague has claimed: only its behandelaar or a teamleider (403 otherwise).
    """

    permission_classes = [has_role(roles.BACKOFFICE_MEDEWERKER, roles.TEAMLEIDER)]

    def post(self, request, id: str):
        data = TransferInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        zaak = self.zaak(request, id)
        afdeling = (
            Afdeling.objects.select_related("organisatie")
            .filter(pk=data.validated_data["afdeling"])
            .first()
        )
        if afdeling is None:
            raise ZaakFout(FOUT_AFDELING_ONBEKEND)
        zaak = zaak_services.zaak_overdragen(
            zaak=zaak,
            naar_afdeling=afdeling,
            reden=data.validated_data["reden"],
            medewerker=request.user,
        )
        return self.antwoord(zaak)


def _actor(request) -> dict:
    if isinstance(request.user, ExternSysteem):
        return {"extern": request.user.koppeling}
    return {"medewerker": request.user}


class StatusInputSerializer(serializers.Serializer):
    statustype = serializers.IntegerField(required=False, help_text="Id van het statustype.")
    volgnummer = serializers.IntegerField(
        required=False, min_value=1, max_value=32767, help_text="Of: het volgnummer."
    )
    toelichting = serializers.CharField(max_length=500, required=False, allow_blank=True)

    def validate(self, attrs):
        if "statustype" not in attrs and "volgnummer" not in attrs:
            raise serializers.ValidationError(FOUT_STATUS_KIEZEN)
        return attrs


@extend_schema(tags=["zaken"], request=StatusInputSerializer, responses=ACTIE_ANTWOORDEN)
class ZaakStatusView(ZaakFoutMixin, APIView):
    """Set a status of the zaak's product (behandelaar, or the external organisation)."""

    permission_classes = [extern_of_rol(roles.BACKOFFICE_MEDEWERKER)]

    def post(self, request, id: str):
        data = StatusInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        zaak = self.zaak(request, id)
        filter_ = (
            Q(pk=data.validated_data["statustype"])
            if "statustype" in data.validated_data
            else Q(volgnummer=data.validated_data["volgnummer"])
        )
        statustype = Statustype.objects.filter(filter_, product_id=zaak.product_id).first()
        if statustype is None or zaak.product_id is None:
            raise ZaakFout(FOUT_STATUSTYPE_ONBEKEND)
        zaak = zaak_services.zaak_status_zetten(
            zaak=zaak,
            statustype=statustype,
            toelichting=data.validated_data.get("toelichting", ""),
            **_actor(request),
        )
        return self.antwoord(zaak)


class ResolveInputSerializer(serializers.Serializer):
    resultaat = serializers.CharField(max_length=2000)


@extend_schema(tags=["zaken"], request=ResolveInputSerializer, responses=ACTIE_ANTWOORDEN)
class ZaakResolveView(ZaakFoutMixin, APIView):
    """Resolve a zaak with a result. The last deelzaak also closes its hoofdzaak."""

    permission_classes = [extern_of_rol(roles.BACKOFFICE_MEDEWERKER)]

    def post(self, request, id: str):
        data = ResolveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        zaak = zaak_services.zaak_afsluiten(
            zaak=self.zaak(request, id),
            resultaat=data.validated_data["resultaat"],
            **_actor(request),
        )
        return self.antwoord(zaak)
