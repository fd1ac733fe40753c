"""Console telephony panel, under /console/telefonie/."""

from django.urls import path

from kanalen.inbox import views_telefonie

app_name = "telefonie"

urlpatterns = [
    path("actief/", views_telefonie.actief, name="actief"),
]
