"""Public API: the figures of the public performance page (aggregated, no personal data)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc.kpi import selectors


class NormcijferSerializer(serializers.Serializer):
    percentage = serializers.FloatField(allow_null=True, help_text="Percentage binnen de norm.")
    aantal = serializers.IntegerField(help_text="Aantal beoordeeld.")
    binnen = serializers.IntegerField(help_text="Aantal binnen de norm.")


class EersteContactoplossingSerializer(serializers.Serializer):
    percentage = serializers.FloatField(allow_null=True)
    norm = serializers.IntegerField(help_text="Doel in procenten.")
    gehaald = serializers.BooleanField(
        allow_null=True, help_text="Doel gehaald; leeg zonder contacten."
    )
    totaal = serializers.IntegerField(help_text="Inkomende contacten met een bekende klant.")
    opgelost = serializers.IntegerField(help_text="Daarvan in één keer opgelost.")
    voorlopig_vanaf = serializers.DateField(
        allow_null=True,
        help_text="Contacten vanaf deze dag kunnen binnen 5 werkdagen nog terugkomen: tot dan "
        "is het percentage voorlopig. Leeg: definitief.",
    )


class WeekSerializer(serializers.Serializer):
    week = serializers.DateField(help_text="Maandag waarop de week begint.")
    eerste_contactoplossing = EersteContactoplossingSerializer(source="fcr")
    afgehandeld_binnen_servicenorm = NormcijferSerializer(source="servicenorm")
    afgehandeld_binnen_wettelijke_termijn = NormcijferSerializer(source="wettelijk")


class KanaalvolumeSerializer(serializers.Serializer):
    kanaal = serializers.CharField(help_text="Code van het kanaal.")
    naam = serializers.CharField()
    aantal = serializers.IntegerField(help_text="Aantal contacten in de periode.")


class PeriodeSerializer(serializers.Serializer):
    van = serializers.DateField()
    tot = serializers.DateField()


class PrestatiesSerializer(serializers.Serializer):
    periode = PeriodeSerializer()
    eerste_contactoplossing = EersteContactoplossingSerializer()
    afgehandeld_binnen_servicenorm = NormcijferSerializer()
    afgehandeld_binnen_wettelijke_termijn = NormcijferSerializer()
    reactie_binnen_norm = NormcijferSerializer()
    volumes_per_kanaal = KanaalvolumeSerializer(many=True)
    weken = WeekSerializer(many=True, help_text="De trend per week, zoals op de pagina.")


class PrestatiesView(APIView):
    """Service performance of the last 365 days up to yesterday (NORA: measure and publish)."""

    permission_classes = [AllowAny]
    kcc_public = True
    OutputSerializer = PrestatiesSerializer

    @extend_schema(
        operation_id="prestaties_lezen",
        summary="Prestaties van de dienstverlening",
        responses=PrestatiesSerializer,
    )
    def get(self, request):
        r = selectors.publieke_prestaties()
        volumes = zip(r.volumes.kanalen, r.volumes.totaal_per_kanaal, strict=True)
        data = {
            "periode": {"van": r.filter.van, "tot": r.filter.tot},
            "eerste_contactoplossing": r.fcr,
            "afgehandeld_binnen_servicenorm": r.servicenorm,
            "afgehandeld_binnen_wettelijke_termijn": r.wettelijk,
            "reactie_binnen_norm": r.reactie,
            "volumes_per_kanaal": [
                {"kanaal": k.code, "naam": k.naam, "aantal": n} for k, n in volumes
            ],
            "weken": r.weken,
        }
        return Response(self.OutputSerializer(data).data)
