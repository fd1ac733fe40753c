from django.urls import path

from kcc.kpi import views

urlpatterns = [
    path("prestaties/", views.prestaties, name="prestaties"),
]
