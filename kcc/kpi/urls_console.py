from django.urls import path

from kcc.kpi import views

urlpatterns = [
    path("", views.rapportages, name="rapportages"),
]
