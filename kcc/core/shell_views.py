"""Start pages of the console and the public portal.

The regie dashboard is kcc.normen.views.regie, the backoffice start page the werkvoorraad
(zaken.views.backoffice.werkvoorraad).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kcc.accounts import roles
from kcc.core.permissions import public, role_required


@role_required(roles.KCC_MEDEWERKER, roles.TEAMLEIDER)
def console_start(request: HttpRequest) -> HttpResponse:
    return render(request, "console/start.html", {"afdelingen": _afdelingen(request.user)})


@public
def portaal_home(request: HttpRequest) -> HttpResponse:
    return render(request, "portaal/home.html")


def _afdelingen(user):
    return list(user.afdelingen.select_related("organisatie").order_by("organisatie__naam", "naam"))
