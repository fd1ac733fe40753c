from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kcc.accounts import roles
from kcc.audit.forms import VerwerkingZoekForm
from kcc.audit.selectors import verwerkingen_zoeken
from kcc.core.permissions import role_required

PER_PAGINA = 50


@role_required(roles.TEAMLEIDER)
def verwerkingen(request: HttpRequest) -> HttpResponse:
    """Teamleider: search the Verwerkingenlog (who read or changed which klant, when)."""
    form = VerwerkingZoekForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = verwerkingen_zoeken(
        medewerker=request.user,
        klant_id=filters.get("klant"),
        gebruiker=filters.get("gebruiker", ""),
        actie=filters.get("actie", ""),
        van=filters.get("van"),
        tot=filters.get("tot"),
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "console/regie/verwerkingen.html",
        {"form": form, "pagina": pagina, "querystring": querystring.urlencode()},
    )
