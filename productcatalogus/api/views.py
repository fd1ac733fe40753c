"""Catalogue API: open data for everyone to read; writes only for functioneel beheer.

Every URL serves reads to anyone (``kcc_public``); POST and PATCH on the same URL need the
functioneel_beheerder role (session or token). Each HTTP method has its own serializers.
"""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from kcc.accounts import roles
from kcc.core.permissions import GEEN_TOEGANG
from productcatalogus import selectors, services
from productcatalogus.api import filters
from productcatalogus.api.serializers import (
    LevensgebeurtenisOutputSerializer,
    ProductInputSerializer,
    ProductOutputSerializer,
    VacInputSerializer,
    VacOutputSerializer,
    ZoekresultaatSerializer,
)
from productcatalogus.models import Product, Statustype

FOUT_ZOEKVRAAG_LEEG = "Geef een zoekvraag op met ?q=..."


class LezenOpenSchrijvenBeheer(BasePermission):
    """Reading is open data; writing needs the functioneel_beheerder role."""

    message = GEEN_TOEGANG
    kcc_public = True

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and user.has_role(roles.FUNCTIONEEL_BEHEERDER))


class _Publiek:
    kcc_public = True
    permission_classes = [LezenOpenSchrijvenBeheer]


def _product_qs():
    return (
        Product.objects.select_related("organisatie", "afdeling")
        .prefetch_related(
            "sdg_informatiegebieden",
            Prefetch("statustypen", queryset=Statustype.objects.order_by("volgnummer")),
        )
        .order_by("naam", "pk")
    )


class ZoekenView(_Publiek, APIView):
    """The one catalogue search: products, life events and VACs, best hit first."""

    class InputSerializer(serializers.Serializer):
        q = serializers.CharField(max_length=200, required=False, allow_blank=True)
        doelgroep = serializers.ChoiceField(
            choices=selectors.DOELGROEPEN, required=False, allow_blank=True
        )
        limit = serializers.IntegerField(
            min_value=1, max_value=selectors.ZOEKEN_MAX, required=False, default=20
        )

    class OutputSerializer(serializers.Serializer):
        q = serializers.CharField()
        resultaten = ZoekresultaatSerializer(many=True)

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description="De zoekvraag."),
            OpenApiParameter("doelgroep", str, enum=list(selectors.DOELGROEPEN)),
            OpenApiParameter("limit", int, description="Maximaal aantal resultaten (1-100)."),
        ],
        responses=OutputSerializer,
    )
    def get(self, request):
        invoer = self.InputSerializer(data=request.query_params)
        invoer.is_valid(raise_exception=True)
        q = invoer.validated_data.get("q", "").strip()
        if not q:
            raise ValidationError({"q": [FOUT_ZOEKVRAAG_LEEG]})
        resultaten = selectors.catalogus_zoeken(
            q=q,
            doelgroep=invoer.validated_data.get("doelgroep") or None,
            alleen_openbaar=not selectors.mag_interne_kennis_zien(request.user),
            limit=invoer.validated_data["limit"],
        )
        # The hits are plain values already (Zoekresultaat): written out as the
        # OutputSerializer documents them, without its per-field work for every hit.
        site = request.build_absolute_uri("/")[:-1]
        data = [{**r.__dict__, "url": f"{site}{r.url}"} for r in resultaten]
        return Response({"q": q, "resultaten": data})


class ProductListView(_Publiek, generics.ListAPIView):
    """Public products (active, within their publication dates)."""

    serializer_class = ProductOutputSerializer
    filterset_class = filters.ProductFilter

    def get_queryset(self):
        return _product_qs().filter(pk__in=selectors.product_publiek_qs().values("pk"))

    @extend_schema(request=ProductInputSerializer, responses={201: ProductOutputSerializer})
    def post(self, request):
        invoer = ProductInputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        product = services.product_create(**invoer.validated_data)
        uit = ProductOutputSerializer(
            _product_qs().get(pk=product.pk), context={"request": request}
        )
        return Response(uit.data, status=status.HTTP_201_CREATED)


class ProductDetailView(_Publiek, generics.GenericAPIView):
    serializer_class = ProductOutputSerializer

    def _product(self, slug: str) -> Product:
        qs = _product_qs()
        if not selectors.mag_interne_kennis_zien(self.request.user):
            qs = qs.filter(pk__in=selectors.product_publiek_qs().values("pk"))
        product = qs.filter(slug=slug).first()
        if product is None:
            raise NotFound("Product niet gevonden.")
        return product

    def get(self, request, slug: str):
        return Response(self.get_serializer(self._product(slug)).data)

    @extend_schema(request=ProductInputSerializer, responses=ProductOutputSerializer)
    def patch(self, request, slug: str):
        product = self._product(slug)
        invoer = ProductInputSerializer(instance=product, data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        services.product_update(product=product, **invoer.validated_data)
        return Response(self.get_serializer(_product_qs().get(pk=product.pk)).data)


class LevensgebeurtenisListView(_Publiek, generics.ListAPIView):
    serializer_class = LevensgebeurtenisOutputSerializer
    filterset_class = filters.LevensgebeurtenisFilter

    def get_queryset(self):
        return selectors.levensgebeurtenis_list_publiek().prefetch_related(
            selectors.levensgebeurtenis_componenten_prefetch()
        )


class LevensgebeurtenisDetailView(_Publiek, generics.GenericAPIView):
    serializer_class = LevensgebeurtenisOutputSerializer

    def get(self, request, slug: str):
        gevonden = selectors.levensgebeurtenis_get_publiek(slug=slug)
        if gevonden is None:
            raise NotFound("Levensgebeurtenis niet gevonden.")
        return Response(self.get_serializer(gevonden).data)


class VacListView(_Publiek, generics.ListAPIView):
    """VACs: public ones for everyone; medewerkers also see internal VACs."""

    serializer_class = VacOutputSerializer
    filterset_class = filters.VacFilter

    def get_queryset(self):
        return selectors.vac_list_voor(user=self.request.user)

    @extend_schema(request=VacInputSerializer, responses={201: VacOutputSerializer})
    def post(self, request):
        invoer = VacInputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        vac = services.vac_create(door=request.user, **invoer.validated_data)
        uit = self.get_serializer(selectors.vac_get_voor(user=request.user, pk=vac.pk))
        return Response(uit.data, status=status.HTTP_201_CREATED)


class VacDetailView(_Publiek, generics.GenericAPIView):
    serializer_class = VacOutputSerializer

    def _vac(self, pk: int):
        vac = selectors.vac_get_voor(user=self.request.user, pk=pk)
        if vac is None:
            raise NotFound("VAC niet gevonden.")
        return vac

    def get(self, request, pk: int):
        return Response(self.get_serializer(self._vac(pk)).data)

    @extend_schema(request=VacInputSerializer, responses=VacOutputSerializer)
    def patch(self, request, pk: int):
        vac = self._vac(pk)
        invoer = VacInputSerializer(instance=vac, data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        services.vac_update(vac=vac, door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(self._vac(pk)).data)
