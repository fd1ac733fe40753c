"""API routes of klanten and kanalen (one include line in kcc/urls_api.py)."""

from django.urls import path

from kanalen.api import views as kanalen_views
from klanten.api import views

urlpatterns = [
    path("klanten/", views.KlantenView.as_view(), name="klanten"),
    path("klanten/<int:klant_id>/", views.KlantDetailView.as_view(), name="klant"),
    path(
        "klanten/<int:klant_id>/digitale-adressen/",
        views.DigitaleAdressenView.as_view(),
        name="klant-digitale-adressen",
    ),
    path(
        "klanten/<int:klant_id>/contactmomenten/",
        kanalen_views.KlantContactmomentenView.as_view(),
        name="klant-contactmomenten",
    ),
    path(
        "contactmomenten/", kanalen_views.ContactmomentCreateView.as_view(), name="contactmomenten"
    ),
    path(
        "contactverzoeken/", kanalen_views.ContactverzoekenView.as_view(), name="contactverzoeken"
    ),
    path(
        "contactverzoeken/<int:contactverzoek_id>/",
        kanalen_views.ContactverzoekDetailView.as_view(),
        name="contactverzoek",
    ),
]
