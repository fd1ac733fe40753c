"""Console pages of the customer record, under /console/klanten/."""

from django.urls import path

from kanalen import views as kanalen_views
from klanten import views

app_name = "klanten"

urlpatterns = [
    path("zoeken/", views.zoeken, name="zoeken"),
    path("uit-register/", views.uit_register, name="uit_register"),
    path("<int:klant_id>/", views.klantbeeld, name="klantbeeld"),
    path(
        "<int:klant_id>/contact/",
        kanalen_views.contactmoment_registreren,
        name="contact_registreren",
    ),
    path("<int:klant_id>/gegevens/", views.gegevens, name="gegevens"),
    path("<int:klant_id>/samenvoegen/", views.samenvoegen, name="samenvoegen"),
]
