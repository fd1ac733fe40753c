"""URLs of the public site (/) and the citizen portal (/mijn/). Apps add their pages here."""

from django.urls import path

from kcc.core import shell_views

app_name = "portaal"

urlpatterns = [
    path("", shell_views.portaal_home, name="home"),
]
