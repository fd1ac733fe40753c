"""'Stel een vraag' under /vraag/ (portaal namespace)."""

from django.urls import path

from kanalen.inbox import views_balie, views_portaal

urlpatterns = [
    path("", views_portaal.vraag, name="vraag"),
    path("ontvangen/", views_portaal.ontvangen, name="vraag-ontvangen"),
    path("chat/", views_portaal.chat_start, name="chat"),
    path("chat/gesprek/", views_portaal.chat_gesprek, name="chat-gesprek"),
    path("chat/berichten/", views_portaal.chat_berichten, name="chat-berichten"),
    path("afspraak/", views_balie.boeken, name="afspraak"),
    path("afspraak/bevestigd/", views_balie.bevestigd, name="afspraak-bevestigd"),
    path("afspraak/annuleren/<str:code>/", views_balie.annuleren, name="afspraak-annuleren"),
]
