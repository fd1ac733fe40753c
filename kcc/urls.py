from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from kcc.core import views

admin.site.site_header = "KCC beheer"
admin.site.site_title = "KCC beheer"
admin.site.index_title = "Functioneel beheer"

urlpatterns = [
    path("health/", views.health, name="health"),
    path("start/", views.start, name="start"),
    path("ik/", views.ik, name="ik"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("kcc.urls_api")),
    path("console/", include("kcc.urls_console")),
    path("backoffice/", include("kcc.urls_backoffice")),
    path("", include("kcc.urls_portaal")),
]

if settings.KCC_BENCH:
    from kcc.core.bench_views import floor

    urlpatterns.insert(0, path("bench/floor/<int:pk>/", floor, name="bench-floor"))

if not settings.PRODUCTION:
    # Local stand-ins for the BRP and KVK APIs (klanten/registers); never in production.
    urlpatterns += [
        path("demo-brp/", include("klanten.registers.urls_brp")),
        path("demo-kvk/", include("klanten.registers.urls_kvk")),
    ]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "kcc.core.errors.bad_request"
handler403 = "kcc.core.errors.permission_denied"
handler404 = "kcc.core.errors.page_not_found"
handler500 = "kcc.core.errors.server_error"
