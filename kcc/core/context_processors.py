from django.conf import settings
from django.urls import reverse

from kcc.accounts import roles


def _staff_nav(user) -> list[dict]:
    items = []
    if user.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        items.append({"label": "Console", "url": reverse("console:start"), "prefix": "/console/"})
    if user.has_role(roles.TEAMLEIDER):
        items.append(
            {"label": "Regie", "url": reverse("console:regie"), "prefix": "/console/regie/"}
        )
    if user.has_role(roles.BACKOFFICE_MEDEWERKER):
        items.append(
            {"label": "Backoffice", "url": reverse("backoffice:start"), "prefix": "/backoffice/"}
        )
    if user.has_role(roles.FUNCTIONEEL_BEHEERDER) or user.is_superuser:
        items.append({"label": "Beheer", "url": reverse("admin:index"), "prefix": "/beheer/"})
    return items


def kcc(request) -> dict:
    user = getattr(request, "user", None)
    nav = []
    if user is not None and user.is_authenticated and user.is_medewerker:
        nav = _staff_nav(user)
        for item in nav:
            item["current"] = request.path.startswith(item["prefix"])
        # Regie lives under /console/: only one of the two may be marked current.
        if any(i["current"] and i["prefix"] == "/console/regie/" for i in nav):
            for i in nav:
                if i["prefix"] == "/console/":
                    i["current"] = False
    return {
        "KCC_ORGANISATIE_NAAM": settings.KCC_ORGANISATIE_NAAM,
        "KCC_DIGID_SIMULATOR": settings.KCC_DIGID_SIMULATOR,
        "staff_nav": nav,
    }
