"""URLs under /backoffice/ (backoffice-medewerkers). Apps add their pages here."""

from django.urls import include, path

from zaken.views import backoffice as zaken_backoffice

app_name = "backoffice"

urlpatterns = [
    path("", zaken_backoffice.werkvoorraad, name="start"),
    path("zaken/", include("zaken.urls_backoffice")),
    path("contactverzoeken/", include("kanalen.urls_backoffice")),
]
