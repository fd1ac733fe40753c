"""URLs under /console/ (KCC-medewerkers and teamleiders). Apps add their pages here."""

from django.urls import include, path

from kcc.core import shell_views
from kcc.normen import views as normen_views

app_name = "console"

urlpatterns = [
    path("", shell_views.console_start, name="start"),
    path("regie/", normen_views.regie, name="regie"),
    path("kennisbank/", include("productcatalogus.urls_console")),
    path("klanten/", include("klanten.urls_console")),
    path("", include("zaken.urls_console")),
    path("contact/", include("kanalen.urls_console")),
    path("regie/verwerkingen/", include("kcc.audit.urls")),
    path("regie/signaleringen/", include("kcc.normen.urls_console")),
    path("rapportages/", include("kcc.kpi.urls_console")),
    path("inbox/", include("kanalen.inbox.urls_console")),
    path("telefonie/", include("kanalen.inbox.urls_telefonie")),
]
