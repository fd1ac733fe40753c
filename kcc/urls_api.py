"""URLs under /api/v1/. Apps add their endpoints here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from kcc.core.api import ApiRootView

app_name = "api"

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("zaken/", include("zaken.api.urls")),
    path("", include("productcatalogus.api.urls")),
    path("", include("klanten.api.urls")),
    path("", include("kanalen.inbox.urls_api")),
    path("", include("kcc.kpi.api.urls")),
]
