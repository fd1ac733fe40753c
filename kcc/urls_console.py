"""URLs under /console/ (KCC-medewerkers and teamleiders). Apps add their pages here."""

from django.urls import path

from kcc.core import shell_views

app_name = "console"

urlpatterns = [
    path("", shell_views.console_start, name="start"),
    path("regie/", shell_views.regie, name="regie"),
]
