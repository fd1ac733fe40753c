"""URLs under /backoffice/ (backoffice-medewerkers). Apps add their pages here."""

from django.urls import path

from kcc.core import shell_views

app_name = "backoffice"

urlpatterns = [
    path("", shell_views.backoffice_start, name="start"),
]
