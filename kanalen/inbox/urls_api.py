"""API endpoints of the inbox, under /api/v1/."""

from django.urls import path

from kanalen.inbox import api

urlpatterns = [
    path(
        "inbox/berichten/<int:bericht_id>/claimen",
        api.InboxClaimView.as_view(),
        name="inbox-claimen",
    ),
    # Exactly as the telephony platform calls it: no trailing slash.
    path("telefonie/gesprekken", api.TelefonieGesprekView.as_view(), name="telefonie-gesprekken"),
]
