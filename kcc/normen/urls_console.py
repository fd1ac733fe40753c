"""Console pages of normen under /console/regie/signaleringen/ (the dashboard is console:regie).

``zaken-te-laat/``: the drill-down of the dashboard's "te laat per ..." tables.
"""

from django.urls import path

from kcc.normen import views

app_name = "normen"

urlpatterns = [
    path("<int:pk>/gezien/", views.signalering_gezien, name="gezien"),
    path("<int:pk>/", views.signalering_openen, name="openen"),
    path("zaken-te-laat/", views.zaken_te_laat, name="te_laat"),
]
