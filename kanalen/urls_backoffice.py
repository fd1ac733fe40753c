"""Backoffice pages of kanalen, under /backoffice/contactverzoeken/."""

from django.urls import path

from kanalen import views

app_name = "contactverzoeken"

urlpatterns = [
    path("", views.contactverzoek_lijst, name="lijst"),
    path("<int:contactverzoek_id>/", views.contactverzoek_detail, name="detail"),
]
