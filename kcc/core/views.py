from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from kcc.accounts import roles
from kcc.core.permissions import public, role_required
from kcc.core.selectors import health_get


@public
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    ok, body = health_get()
    return JsonResponse(body, status=200 if ok else 503)


@public
def start(request: HttpRequest) -> HttpResponse:
    """After login: send each kind of user to where their work is."""
    user = request.user
    if not user.is_authenticated:
        return redirect("account_login")
    if not user.is_medewerker:
        return redirect("portaal:home")
    if user.has_role(roles.KCC_MEDEWERKER):
        return redirect("console:start")
    if user.has_role(roles.TEAMLEIDER):
        return redirect("console:regie")
    if user.has_role(roles.BACKOFFICE_MEDEWERKER):
        return redirect("backoffice:start")
    if user.has_role(roles.FUNCTIONEEL_BEHEERDER) or user.is_superuser:
        return redirect("admin:index")
    return render(request, "core/geen_rol.html", status=403)


@role_required(*roles.STAFF_ROLES)
def ik(request: HttpRequest) -> HttpResponse:
    """The logged-in medewerker's own profile: roles, afdelingen, second factor."""
    from allauth.mfa.models import Authenticator

    user = request.user
    context = {
        "rollen": [roles.ROLE_LABELS[r] for r in user.rollen],
        "afdelingen": user.afdelingen.select_related("organisatie"),
        "heeft_totp": Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists(),
    }
    return render(request, "core/ik.html", context)
