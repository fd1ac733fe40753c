"""Local BRP provider under /demo-brp/ (development and tests only)."""

from django.urls import path

from klanten.registers import brp_provider

app_name = "demo_brp"

urlpatterns = [
    path("haalcentraal/api/brp/personen", brp_provider.personen, name="personen"),
]
