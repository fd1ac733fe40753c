"""Backoffice pages of zaken, under /backoffice/zaken/."""

from django.urls import path

from zaken.views import backoffice as views

app_name = "zaken"

urlpatterns = [
    path("<str:identificatie>/", views.zaak_detail, name="detail"),
    path("<str:identificatie>/claimen/", views.zaak_claimen, name="claimen"),
    path("<str:identificatie>/vrijgeven/", views.zaak_vrijgeven, name="vrijgeven"),
    path("<str:identificatie>/overdragen/", views.zaak_overdragen, name="overdragen"),
    path("<str:identificatie>/status/", views.zaak_status, name="status"),
    path("<str:identificatie>/informatie/", views.zaak_informatie, name="informatie"),
    path(
        "<str:identificatie>/informatie/<int:pk>/antwoord/",
        views.informatie_beantwoorden,
        name="antwoord",
    ),
    path("<str:identificatie>/verlengen/", views.zaak_verlengen, name="verlengen"),
    path("<str:identificatie>/notitie/", views.zaak_notitie, name="notitie"),
    path("<str:identificatie>/documenten/", views.zaak_document, name="document"),
    path(
        "<str:identificatie>/documenten/<int:pk>/",
        views.document_downloaden,
        name="document_downloaden",
    ),
    path("<str:identificatie>/afsluiten/", views.zaak_afsluiten, name="afsluiten"),
]
