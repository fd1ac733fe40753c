"""Console pages of the KCC inbox, under /console/inbox/."""

from django.urls import path

from kanalen.inbox import views, views_balie

app_name = "inbox"

urlpatterns = [
    path("", views.inbox, name="lijst"),
    path("registreren/", views.registreren, name="registreren"),
    path("afspraken/", views_balie.vandaag, name="afspraken"),
    path("afspraken/<int:afspraak_id>/bezoek/", views_balie.bezoek, name="afspraak-bezoek"),
    path("<int:bericht_id>/", views.detail, name="detail"),
    path("<int:bericht_id>/claimen/", views.claimen, name="claimen"),
    path("<int:bericht_id>/vrijgeven/", views.vrijgeven, name="vrijgeven"),
    path("<int:bericht_id>/antwoorden/", views.antwoorden, name="antwoorden"),
    path("<int:bericht_id>/overdragen/", views.overdragen, name="overdragen"),
    path("<int:bericht_id>/overdragen-zaak/", views.overdragen_zaak, name="overdragen-zaak"),
    path("<int:bericht_id>/klant-koppelen/", views.klant_koppelen, name="klant-koppelen"),
    path("<int:bericht_id>/chat/", views.chat, name="chat"),
    path("<int:bericht_id>/chat/beeindigen/", views.chat_beeindigen, name="chat-beeindigen"),
    path("bijlagen/<int:bijlage_id>/", views.bijlage, name="bijlage"),
]
