"""URLs of the public site (/) and the citizen portal (/mijn/). Apps add their pages here."""

from django.urls import include, path

from kcc.core import shell_views

app_name = "portaal"

urlpatterns = [
    path("", shell_views.portaal_home, name="home"),
    path("", include("kcc.portaal.urls")),
    path("producten/", include("productcatalogus.urls_publiek")),
    path("vraag/", include("kanalen.inbox.urls_portaal")),
    path("", include("kcc.kpi.urls_portaal")),
]
