"""Console pages of zaken: starting an aanvraag for a klant, KCC regie on zaken."""

from django.urls import path

from zaken.views import console as views

app_name = "zaken"

urlpatterns = [
    path("klanten/<int:klant_id>/aanvraag/", views.aanvraag_kiezen, name="aanvraag_kiezen"),
    path("klanten/<int:klant_id>/aanvraag/intake/", views.aanvraag_intake, name="aanvraag_intake"),
    path("aanvragen/<int:aanvraag_id>/", views.aanvraag_bevestiging, name="aanvraag_bevestiging"),
    path("zaken/<str:identificatie>/", views.zaak_regie, name="zaak"),
    path(
        "zaken/<str:identificatie>/aanspreekpunt/",
        views.zaak_aanspreekpunt,
        name="aanspreekpunt",
    ),
]
