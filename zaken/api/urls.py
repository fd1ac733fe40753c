from django.urls import path

from zaken.api import views

app_name = "zaken"

urlpatterns = [
    path("", views.ZakenLijstView.as_view(), name="list"),
    path("<str:id>/", views.ZaakDetailView.as_view(), name="detail"),
    path("<str:id>/statussen/", views.ZaakStatussenView.as_view(), name="statussen"),
    path("<str:id>/claim/", views.ZaakClaimView.as_view(), name="claim"),
    path("<str:id>/release/", views.ZaakReleaseView.as_view(), name="release"),
    path("<str:id>/transfer/", views.ZaakTransferView.as_view(), name="transfer"),
    path("<str:id>/status/", views.ZaakStatusView.as_view(), name="status"),
    path("<str:id>/resolve/", views.ZaakResolveView.as_view(), name="resolve"),
]
