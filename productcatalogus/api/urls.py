"""Catalogue endpoints under /api/v1/ (included from kcc/urls_api.py)."""

from django.urls import path

from productcatalogus.api import views

urlpatterns = [
    path("zoeken/", views.ZoekenView.as_view(), name="zoeken"),
    path("producten/", views.ProductListView.as_view(), name="producten"),
    path("producten/<slug:slug>/", views.ProductDetailView.as_view(), name="product"),
    path(
        "levensgebeurtenissen/",
        views.LevensgebeurtenisListView.as_view(),
        name="levensgebeurtenissen",
    ),
    path(
        "levensgebeurtenissen/<slug:slug>/",
        views.LevensgebeurtenisDetailView.as_view(),
        name="levensgebeurtenis",
    ),
    path("vacs/", views.VacListView.as_view(), name="vacs"),
    path("vacs/<int:pk>/", views.VacDetailView.as_view(), name="vac"),
]
