"""Routes of the portal: logging in and out, and "Mijn omgeving" under /mijn/.

Included in kcc/urls_portaal.py, so every name lives in the ``portaal`` namespace.
"""

from django.urls import path

from kcc.portaal.views import aanvragen, gegevens, inloggen, mijn

urlpatterns = [
    path("inloggen/", inloggen.inloggen, name="inloggen"),
    path("inloggen/simulator/", inloggen.simulator, name="simulator"),
    path("uitloggen/", inloggen.uitloggen, name="uitloggen"),
    path("mijn/", mijn.overzicht, name="mijn"),
    path("mijn/sessie/verlengen/", inloggen.sessie_verlengen, name="sessie-verlengen"),
    path("mijn/zaken/<str:identificatie>/", mijn.zaak_detail, name="zaak"),
    path("mijn/berichten/", mijn.berichten, name="berichten"),
]

urlpatterns += [
    path("mijn/gegevens/", gegevens.gegevens, name="gegevens"),
    path("mijn/gegevens/ophalen/", gegevens.ophalen, name="gegevens-ophalen"),
    path("mijn/gegevens/email/", gegevens.email_toevoegen, name="email-toevoegen"),
    path("mijn/gegevens/telefoon/", gegevens.telefoon_toevoegen, name="telefoon-toevoegen"),
    path(
        "mijn/gegevens/adressen/<int:pk>/voorkeur/", gegevens.adres_voorkeur, name="adres-voorkeur"
    ),
    path(
        "mijn/gegevens/adressen/<int:pk>/verwijderen/",
        gegevens.adres_verwijderen,
        name="adres-verwijderen",
    ),
    path("mijn/gegevens/adressen/<int:pk>/link/", gegevens.email_opnieuw, name="email-opnieuw"),
    path(
        "mijn/gegevens/email/bevestigen/<str:token>/",
        gegevens.email_bevestigen,
        name="email-bevestigen",
    ),
    path("mijn/gegevens/voorkeur/", gegevens.voorkeur, name="voorkeur"),
    path("mijn/gegevens/toestemming/", gegevens.toestemming, name="toestemming"),
    path("mijn/gegevens/inzage/", gegevens.inzage, name="inzage"),
    path("mijn/gegevens/correctie/", gegevens.correctie, name="correctie"),
]

urlpatterns += [
    path("mijn/aanvragen/", aanvragen.keuze, name="aanvragen"),
    path("mijn/aanvragen/product/<slug:slug>/", aanvragen.product, name="aanvraag-product"),
    path(
        "mijn/aanvragen/levensgebeurtenis/<slug:slug>/",
        aanvragen.levensgebeurtenis,
        name="aanvraag-levensgebeurtenis",
    ),
    path("mijn/aanvragen/concept/<int:pk>/", aanvragen.concept, name="aanvraag-concept"),
    path("mijn/aanvragen/<int:pk>/ontvangen/", aanvragen.ontvangen, name="aanvraag-ontvangen"),
    path(
        "mijn/informatieverzoeken/<int:pk>/",
        mijn.informatieverzoek,
        name="informatieverzoek",
    ),
]
