"""Kennisbank for staff under /console/kennisbank/ (namespace console:kennisbank)."""

from django.urls import path

from productcatalogus import views

app_name = "kennisbank"

urlpatterns = [
    path("", views.kennisbank_zoeken, name="zoeken"),
    path("vac/<int:pk>/", views.kennisbank_vac, name="vac"),
]
