from django.urls import path

from kcc.kpi.api.views import PrestatiesView

urlpatterns = [
    path("prestaties/", PrestatiesView.as_view(), name="prestaties"),
]
