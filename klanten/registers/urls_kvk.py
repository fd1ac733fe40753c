"""Local KVK provider under /demo-kvk/ (development and tests only)."""

from django.urls import path

from klanten.registers import kvk_provider

app_name = "demo_kvk"

urlpatterns = [
    path("api/v2/zoeken", kvk_provider.zoeken, name="zoeken"),
    path("api/v1/basisprofielen/<str:kvk_nummer>", kvk_provider.basisprofiel, name="basisprofiel"),
]
