"""Public catalogue under /producten/ (namespace portaal:catalogus)."""

from django.urls import path

from productcatalogus import views

app_name = "catalogus"

urlpatterns = [
    path("", views.catalogus, name="index"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("levensgebeurtenissen/<slug:slug>/", views.levensgebeurtenis, name="levensgebeurtenis"),
    path("vragen/<slug:slug>/", views.vac, name="vac"),
    path("<slug:slug>/", views.product, name="product"),
]
