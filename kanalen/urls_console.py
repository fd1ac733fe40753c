"""Console pages of kanalen, under /console/contact/."""

from django.urls import path

from kanalen import views

app_name = "contact"

urlpatterns = [
    path("anoniem/", views.anoniem_contact, name="anoniem"),
    path("kennisbank/", views.kennisbank, name="kennisbank"),
]
