"""The Verwerkingenlog search page, under /console/regie/verwerkingen/."""

from django.urls import path

from kcc.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.verwerkingen, name="verwerkingen"),
]
