"""The benchmark's floor: the cheapest real Django view, one primary-key read.

Mounted only when KCC_BENCH is on. Every measured operation is also reported as a ratio
to this view on the same server, so figures stay comparable on a noisy machine.
"""

from django.http import Http404, JsonResponse

from kcc.core.permissions import public
from productcatalogus.models import Organisatie


@public
def floor(request, pk: int) -> JsonResponse:
    organisatie = Organisatie.objects.filter(pk=pk).values("pk", "naam").first()
    if organisatie is None:
        raise Http404
    return JsonResponse(organisatie)
