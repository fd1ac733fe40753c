"""Channel codes, shared by kanalen and klanten (a Klant's preferred channel).

A plain module without models so klanten can use the codes without importing kanalen.
"""

from django.db import models


class KanaalCode(models.TextChoices):
    TELEFOON = "telefoon", "Telefoon"
    BALIE = "balie", "Balie"
    EMAIL = "email", "E-mail"
    WEBFORMULIER = "webformulier", "Webformulier"
    CHAT = "chat", "Chat"
    POST = "post", "Post"
    SOCIALE_MEDIA = "sociale_media", "Sociale media"
