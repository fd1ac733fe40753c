"""Kanalen API: contactmomenten (create with Idempotency-Key, list per klant) and
contactverzoeken (scoped to the caller's afdelingen for backoffice users)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from kanalen import selectors, services
from kanalen.api import snel
from kanalen.models import VRAAG_MAX, Contactmoment, Contactverzoek
from kcc.accounts import roles
from kcc.core.api import paginated_schema
from kcc.core.permissions import has_role
from klanten import selectors as klanten_selectors
from klanten.api import idempotentie
from klanten.api.idempotentie import idempotent
from klanten.validators import ID_MAX

SCHERM_CM_POST = "api POST /api/v1/contactmomenten/"
SCHERM_CV_POST = "api POST /api/v1/contactverzoeken/"
KANAAL_ONBEKEND = "Onbekend kanaal."
CONTACTMOMENT_ONBEKEND = "Onbekend contactmoment."
AANVRAAG_ONBEKEND = (
    "Onbekende aanvraag: geef een aanvraag van deze klant van de laatste 12 uur die nog niet "
    "bij een ander contact hoort."
)


def _id_veld(**kwargs) -> serializers.IntegerField:
    """An optional id input, capped so that a huge number is a 400, never a database error."""
    return serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=ID_MAX, **kwargs
    )


class VraagSerializer(serializers.Serializer):
    vraag = serializers.CharField(max_length=VRAAG_MAX)
    antwoord = serializers.CharField(required=False, allow_blank=True, default="")
    product = _id_veld(source="product_id")
    vac = _id_veld(source="vac_id")


class ContactmomentOutputSerializer(serializers.ModelSerializer):
    kanaal = serializers.CharField(source="kanaal.code")
    vragen = VraagSerializer(many=True)
    medewerker = serializers.SerializerMethodField()

    class Meta:
        model = Contactmoment
        fields = [
            "id",
            "klant",
            "kanaal",
            "richting",
            "medewerker",
            "gestart_op",
            "beeindigd_op",
            "duur_seconden",
            "resultaat",
            "vorig_contactmoment",
            "doorverwezen_naar",
            "aanvraag",
            "vragen",
        ]

    def get_medewerker(self, cm) -> str:
        return cm.medewerker.get_full_name() or cm.medewerker.username if cm.medewerker else ""


def _contactmoment(request, data: dict, veld: str) -> Contactmoment:
    """The contactmoment whose id is in ``data[veld]``; unknown is an error at that field."""
    try:
        return selectors.contactmoment_get(contactmoment_id=data[veld], medewerker=request.user)
    except Http404:
        raise ValidationError({veld: [CONTACTMOMENT_ONBEKEND]}) from None


class ContactmomentCreateView(APIView):
    """POST a contactmoment. With an ``Idempotency-Key`` header a retry returns the first result."""

    permission_classes = [has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER)]

    class InputSerializer(serializers.Serializer):
        klant = _id_veld()
        kanaal = serializers.CharField()
        richting = serializers.ChoiceField(
            choices=Contactmoment.Richting.choices, default="inkomend"
        )
        gestart_op = serializers.DateTimeField(required=False)
        resultaat = serializers.ChoiceField(choices=Contactmoment.Resultaat.choices)
        vragen = VraagSerializer(many=True, allow_empty=False)
        vorig_contactmoment = _id_veld()
        doorverwezen_naar = _id_veld(help_text="Bij resultaat doorverwezen: de organisatie.")
        afdeling = _id_veld(help_text="Bij resultaat contactverzoek: de afdeling die terugbelt.")
        behandelaar = _id_veld(
            help_text="Bij resultaat contactverzoek (niet verplicht): de medewerker van die "
            "afdeling die terugbelt."
        )
        aanvraag = _id_veld(
            help_text="Bij resultaat aanvraag_gestart: de aanvraag van de klant die in dit "
            "contact is geregistreerd (telt mee voor de eerste-contactoplossing)."
        )
        terugbel_telefoon = serializers.CharField(required=False, allow_blank=True, default="")
        terugbel_email = serializers.CharField(required=False, allow_blank=True, default="")
        bereikbaar = serializers.CharField(required=False, allow_blank=True, default="")
        anoniem_naam = serializers.CharField(required=False, allow_blank=True, default="")
        anoniem_telefoon = serializers.CharField(required=False, allow_blank=True, default="")
        anoniem_email = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(
        request=InputSerializer,
        responses={201: ContactmomentOutputSerializer},
        parameters=[idempotentie.PARAMETER],
        summary="Contactmoment registreren",
    )
    @idempotent(scherm=SCHERM_CM_POST, klant_ids=idempotentie.klant_in_antwoord("klant"))
    def post(self, request):
        v = snel.invoer(request.data)
        if v is None:  # not plainly valid: the serializer converts or words the error
            data = self.InputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            v = data.validated_data
        kanaal = selectors.kanaal_get(code=v["kanaal"])
        if kanaal is None:
            raise ValidationError({"kanaal": [KANAAL_ONBEKEND]})
        scherm = SCHERM_CM_POST
        klant = None
        if v.get("klant"):
            klant = klanten_selectors.klant_voor_registratie(
                klant_id=v["klant"], medewerker=request.user
            )
        vorig = None
        if v.get("vorig_contactmoment"):
            vorig = _contactmoment(request, v, "vorig_contactmoment")
        aanvraag = None
        if v.get("aanvraag"):
            aanvraag = (
                selectors.aanvraag_voor_contact_get(klant=klant, aanvraag_id=v["aanvraag"])
                if klant is not None
                else None
            )
            if aanvraag is None:
                raise ValidationError({"aanvraag": [AANVRAAG_ONBEKEND]})
        cm = services.contactmoment_registreren(
            medewerker=request.user,
            klant=klant,
            kanaal=kanaal,
            richting=v["richting"],
            vragen=[services.VraagInvoer(**vraag) for vraag in v["vragen"]],
            resultaat=v["resultaat"],
            gestart_op=v.get("gestart_op") or timezone.now(),
            vorig_contactmoment=vorig,
            doorverwezen_naar_id=v.get("doorverwezen_naar"),
            contactverzoek=services.ContactverzoekInvoer(
                afdeling_id=v.get("afdeling"),
                behandelaar_id=v.get("behandelaar"),
                telefoonnummer=v["terugbel_telefoon"],
                email=v["terugbel_email"],
                bereikbaar=v["bereikbaar"],
            ),
            anoniem_naam=v["anoniem_naam"],
            anoniem_telefoon=v["anoniem_telefoon"],
            anoniem_email=v["anoniem_email"],
            aanvraag=aanvraag,
            scherm=scherm,
        )
        # Answered from what was just saved (the service gives the contact its kanaal,
        # medewerker and questions), not read back.
        return Response(snel.antwoord(cm), status=status.HTTP_201_CREATED)


class KlantContactmomentenView(APIView):
    """The timeline of one klant: every contactmoment, newest first, paginated."""

    permission_classes = [has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER)]

    @extend_schema(
        parameters=[OpenApiParameter("kanaal", str), OpenApiParameter("page", int)],
        responses={200: paginated_schema(ContactmomentOutputSerializer, "Contactmomenten")},
        summary="Contactmomenten van een klant",
    )
    def get(self, request, klant_id: int):
        klant = klanten_selectors.klant_get_for_medewerker(
            klant_id=klant_id,
            medewerker=request.user,
            scherm="api GET /api/v1/klanten/{id}/contactmomenten/",
        )
        qs = selectors.contactmomenten_voor_klant(
            klant=klant, kanaal_code=request.query_params.get("kanaal", "")
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(ContactmomentOutputSerializer(page, many=True).data)


class ContactverzoekOutputSerializer(serializers.ModelSerializer):
    afdeling = serializers.SerializerMethodField()
    pogingen = serializers.SerializerMethodField()

    class Meta:
        model = Contactverzoek
        fields = [
            "id",
            "klant",
            "contactmoment",
            "afdeling",
            "behandelaar",
            "vraag",
            "telefoonnummer",
            "email",
            "bereikbaar",
            "deadline",
            "status",
            "aangemaakt_op",
            "afgehandeld_op",
            "afhandeling",
            "pogingen",
        ]

    def get_afdeling(self, cv) -> dict | None:
        if cv.afdeling is None:
            return None
        return {
            "id": cv.afdeling_id,
            "naam": cv.afdeling.naam,
            "organisatie": cv.afdeling.organisatie.code,
        }

    def get_pogingen(self, cv) -> int:
        if hasattr(cv, "aantal_pogingen"):
            return cv.aantal_pogingen
        return len(cv.pogingen.all())  # prefetched by the detail selector


CONTACTVERZOEK_ROLLEN = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER, roles.BACKOFFICE_MEDEWERKER)


class ContactverzoekenView(APIView):
    """GET: contactverzoeken the caller may handle (backoffice: their afdelingen only).
    POST: a contactverzoek for an earlier contactmoment (KCC-medewerkers and teamleiders)."""

    permission_classes = [has_role(*CONTACTVERZOEK_ROLLEN)]

    class InputSerializer(serializers.Serializer):
        contactmoment = serializers.IntegerField(
            min_value=1, max_value=ID_MAX, help_text="Het contact waarin het verzoek ontstond."
        )
        afdeling = serializers.IntegerField(
            min_value=1, max_value=ID_MAX, help_text="De afdeling die terugbelt."
        )
        behandelaar = _id_veld(help_text="Een medewerker van die afdeling die terugbelt.")
        vraag = serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=VRAAG_MAX,
            help_text="Leeg: de (eerste) vraag van het contactmoment.",
        )
        telefoonnummer = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=30
        )
        email = serializers.CharField(required=False, allow_blank=True, default="", max_length=254)
        bereikbaar = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=200
        )

    def get_permissions(self):
        if self.request.method == "POST":
            return [has_role(*services.REGISTREREN_ROLLEN)()]
        return super().get_permissions()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status", str, description="open (default), in_behandeling, afgehandeld"
            )
        ],
        responses={200: paginated_schema(ContactverzoekOutputSerializer, "Contactverzoeken")},
        summary="Contactverzoeken",
        operation_id="contactverzoeken_list",
    )
    def get(self, request):
        status_filter = request.query_params.get("status", "open")
        if status_filter not in ("open", *Contactverzoek.Status.values):
            raise ValidationError({"status": ["Kies open, in_behandeling of afgehandeld."]})
        qs = selectors.contactverzoeken_voor_medewerker(
            medewerker=request.user, status=status_filter
        )
        paginator = PageNumberPagination()
        page = selectors.contactverzoeken_tonen(
            verzoeken=paginator.paginate_queryset(qs, request, view=self),
            medewerker=request.user,
            scherm="api GET /api/v1/contactverzoeken/",
        )
        return paginator.get_paginated_response(
            ContactverzoekOutputSerializer(page, many=True).data
        )

    @extend_schema(
        request=InputSerializer,
        responses={201: ContactverzoekOutputSerializer},
        parameters=[idempotentie.PARAMETER],
        summary="Contactverzoek maken",
        operation_id="contactverzoeken_create",
    )
    @idempotent(scherm=SCHERM_CV_POST, klant_ids=idempotentie.klant_in_antwoord("klant"))
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        contactmoment = _contactmoment(request, v, "contactmoment")
        cv = services.contactverzoek_aanmaken(
            contactmoment=contactmoment,
            invoer=services.ContactverzoekInvoer(
                afdeling_id=v["afdeling"],
                behandelaar_id=v.get("behandelaar"),
                vraag=v["vraag"],
                telefoonnummer=v["telefoonnummer"],
                email=v["email"],
                bereikbaar=v["bereikbaar"],
            ),
            medewerker=request.user,
            scherm=SCHERM_CV_POST,
        )
        cv = selectors.contactverzoek_get_for_medewerker(
            contactverzoek_id=cv.pk, medewerker=request.user, scherm=SCHERM_CV_POST
        )
        return Response(ContactverzoekOutputSerializer(cv).data, status=status.HTTP_201_CREATED)


class ContactverzoekDetailView(APIView):
    permission_classes = [has_role(*CONTACTVERZOEK_ROLLEN)]

    @extend_schema(responses={200: ContactverzoekOutputSerializer}, summary="Contactverzoek")
    def get(self, request, contactverzoek_id: int):
        cv = selectors.contactverzoek_get_for_medewerker(
            contactverzoek_id=contactverzoek_id,
            medewerker=request.user,
            scherm="api GET /api/v1/contactverzoeken/{id}/",
        )
        return Response(ContactverzoekOutputSerializer(cv).data)
