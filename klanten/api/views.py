"""Klanten API: search, detail, create from BRP/KVK, digitale adressen.

Every read of a Klant goes through the klanten selectors, which write a Verwerking with
the endpoint as 'scherm'. Scoped by role: KCC-medewerkers and teamleiders.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc.accounts import roles
from kcc.core.permissions import has_role
from klanten import brp, kvk, selectors, services, validators
from klanten.api import idempotentie
from klanten.api.idempotentie import idempotent
from klanten.models import DigitaalAdres, Klant

ZOEK_NODIG = (
    "Geef een zoekterm op met ?zoek=... (naam, BSN, KVK-nummer, postcode en huisnummer, "
    "telefoon of e-mail)."
)
BSN_OF_KVK = "Geef een bsn of een kvk_nummer op."
KLANT_API_ROLLEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


class DigitaalAdresOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = DigitaalAdres
        fields = ["id", "soort", "waarde", "omschrijving", "voorkeur", "geverifieerd_op"]


class KlantOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.CharField()
    naam = serializers.CharField()
    bsn = serializers.CharField()
    kvk_nummer = serializers.CharField()
    vestigingsnummer = serializers.CharField()
    rsin = serializers.CharField()
    voornamen = serializers.CharField()
    voorvoegsel = serializers.CharField()
    geslachtsnaam = serializers.CharField()
    bedrijfsnaam = serializers.CharField()
    geboortedatum = serializers.DateField(allow_null=True)
    geheimhouding = serializers.BooleanField()
    adres = serializers.SerializerMethodField()
    voorkeurskanaal = serializers.CharField()
    voorkeurstaal = serializers.CharField()
    brp_opgehaald_op = serializers.DateTimeField(allow_null=True)
    kvk_opgehaald_op = serializers.DateTimeField(allow_null=True)

    def get_adres(self, klant: Klant) -> dict | None:
        if not self.context.get("adres_zichtbaar", {}).get(klant.pk, True):
            return None
        return {
            "straat": klant.straat,
            "huisnummer": klant.huisnummer,
            "huisletter": klant.huisletter,
            "huisnummertoevoeging": klant.huisnummertoevoeging,
            "postcode": klant.postcode,
            "woonplaats": klant.woonplaats,
        }


class KlantDetailOutputSerializer(KlantOutputSerializer):
    digitale_adressen = DigitaalAdresOutputSerializer(many=True)


def _genormaliseerd(normaliseer, value: str) -> str:
    """The identifier in canonical form; an invalid one is an error at its own field."""
    if not value:
        return value
    try:
        return normaliseer(value)
    except DjangoValidationError as exc:
        raise ValidationError(exc.messages) from None


def _adres_context(klanten, user) -> dict:
    return {
        "adres_zichtbaar": {
            k.pk: selectors.klant_adres_zichtbaar(klant=k, medewerker=user) for k in klanten
        }
    }


class KlantenView(APIView):
    """GET: search klanten (?zoek=). POST: create a klant from the BRP (bsn) or KVK."""

    permission_classes = [has_role(*KLANT_API_ROLLEN)]

    class InputSerializer(serializers.Serializer):
        bsn = serializers.CharField(required=False, allow_blank=True, max_length=20)
        kvk_nummer = serializers.CharField(required=False, allow_blank=True, max_length=20)

        def validate_bsn(self, value: str) -> str:
            return _genormaliseerd(validators.normaliseer_bsn, value)

        def validate_kvk_nummer(self, value: str) -> str:
            return _genormaliseerd(validators.normaliseer_kvk_nummer, value)

        def validate(self, data: dict) -> dict:
            if bool(data.get("bsn")) == bool(data.get("kvk_nummer")):
                raise ValidationError({"non_field_errors": [BSN_OF_KVK]})
            return data

    class ZoekOutputSerializer(serializers.Serializer):
        zoekvraag = serializers.DictField()
        resultaten = KlantOutputSerializer(many=True)
        meer = serializers.BooleanField()

    @extend_schema(
        parameters=[OpenApiParameter("zoek", str, required=True)],
        responses={200: ZoekOutputSerializer},
        summary="Klanten zoeken",
        operation_id="klanten_zoeken",
    )
    def get(self, request):
        zoek = request.query_params.get("zoek", "").strip()
        if not zoek:
            raise ValidationError({"zoek": [ZOEK_NODIG]})
        uitkomst = selectors.klant_zoeken(
            q=zoek, medewerker=request.user, registers=False, scherm="api GET /api/v1/klanten/"
        )
        if uitkomst.vraag.fout:
            raise ValidationError({"zoek": [uitkomst.vraag.fout]})
        context = _adres_context(uitkomst.klanten, request.user)
        return Response(
            {
                "zoekvraag": {"soort": uitkomst.vraag.soort, "waarde": uitkomst.vraag.waarde},
                "resultaten": KlantOutputSerializer(
                    uitkomst.klanten, many=True, context=context
                ).data,
                "meer": uitkomst.meer,
            }
        )

    @extend_schema(
        request=InputSerializer,
        responses={201: KlantDetailOutputSerializer, 200: KlantDetailOutputSerializer},
        parameters=[idempotentie.PARAMETER],
        summary="Klant uit BRP of KVK",
    )
    @idempotent(scherm="api POST /api/v1/klanten/", klant_ids=idempotentie.klant_in_antwoord("id"))
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bsn, kvk_nummer = (
            data.validated_data.get("bsn", ""),
            data.validated_data.get("kvk_nummer", ""),
        )
        scherm = "api POST /api/v1/klanten/"
        bestond = Klant.objects.filter(bsn=bsn).exists() if bsn else False
        try:
            if bsn:
                klant = services.klant_create_from_brp(
                    bsn=bsn, medewerker=request.user, scherm=scherm
                )
            else:
                klant = services.klant_create_from_kvk(
                    kvk_nummer=kvk_nummer, medewerker=request.user, scherm=scherm
                )
        except (brp.BrpFout, kvk.KvkFout) as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        except DjangoValidationError as exc:
            raise ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            ) from None
        klant = selectors.klant_get_for_medewerker(
            klant_id=klant.pk, medewerker=request.user, scherm=scherm
        )
        body = KlantDetailOutputSerializer(
            klant, context=_adres_context([klant], request.user)
        ).data
        return Response(body, status=status.HTTP_200_OK if bestond else status.HTTP_201_CREATED)


class KlantDetailView(APIView):
    permission_classes = [has_role(*KLANT_API_ROLLEN)]

    @extend_schema(responses={200: KlantDetailOutputSerializer}, summary="Klant")
    def get(self, request, klant_id: int):
        klant = selectors.klant_get_for_medewerker(
            klant_id=klant_id, medewerker=request.user, scherm="api GET /api/v1/klanten/{id}/"
        )
        return Response(
            KlantDetailOutputSerializer(klant, context=_adres_context([klant], request.user)).data
        )


class DigitaleAdressenView(APIView):
    """GET: a klant's e-mail addresses and phone numbers. POST: add one."""

    permission_classes = [has_role(*KLANT_API_ROLLEN)]

    class InputSerializer(serializers.Serializer):
        soort = serializers.ChoiceField(choices=DigitaalAdres.Soort.choices)
        waarde = serializers.CharField(max_length=254)
        omschrijving = serializers.CharField(
            max_length=100, required=False, allow_blank=True, default=""
        )
        voorkeur = serializers.BooleanField(required=False, default=False)

    @extend_schema(
        responses={200: DigitaalAdresOutputSerializer(many=True)}, summary="Digitale adressen"
    )
    def get(self, request, klant_id: int):
        klant = selectors.klant_get_for_medewerker(
            klant_id=klant_id,
            medewerker=request.user,
            scherm="api GET /api/v1/klanten/{id}/digitale-adressen/",
        )
        return Response(
            DigitaalAdresOutputSerializer(klant.digitale_adressen.all(), many=True).data
        )

    @extend_schema(
        request=InputSerializer,
        responses={201: DigitaalAdresOutputSerializer},
        parameters=[idempotentie.PARAMETER],
        summary="Digitaal adres toevoegen",
    )
    @idempotent(
        scherm="api POST /api/v1/klanten/{id}/digitale-adressen/",
        klant_ids=idempotentie.klant_in_pad("klant_id"),
    )
    def post(self, request, klant_id: int):
        scherm = "api POST /api/v1/klanten/{id}/digitale-adressen/"
        klant = selectors.klant_get_for_medewerker(
            klant_id=klant_id, medewerker=request.user, scherm=scherm
        )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        adres = services.digitaal_adres_toevoegen(
            klant=klant, medewerker=request.user, scherm=scherm, **data.validated_data
        )
        return Response(DigitaalAdresOutputSerializer(adres).data, status=status.HTTP_201_CREATED)
