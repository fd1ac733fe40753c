"""``Idempotency-Key`` on the API's create endpoints: a retried POST never makes a duplicate.

One mechanism for every create of klanten and kanalen (decorate the view's ``post``):

- same key, same caller, same request: the first answer again (status and body), with
  the header ``Idempotent-Replayed: true`` and a Verwerking, since personal data is
  shown again;
- same key, same caller, another request (method, path or body): 422;
- another caller's key: unrelated, a key is scoped to who sends it.

The create and the record of its answer commit in one transaction. Two identical requests
at the same moment both run; the unique (caller, key) constraint makes the second one's
transaction roll back, after which it answers with the first one's response. So a retry
races safely without holding a lock while the first request still runs (it may wait for
the BRP). Only successful (2xx) answers are kept: a refused request may be corrected and
sent again with the same key.

A key holds for BEWAARTERMIJN: long enough for any client's retries. Expired answers
(personal data) are removed every hour by beat (``verlopen_aanroepen_opruimen``), so
none is kept more than an hour past its term; a key used again after its term replaces
its expired answer. (Removing the caller's expired answers on every call cost a
statement per create.)
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.db import IntegrityError, transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from klanten.models import IdempotenteAanroep

HEADER = "Idempotency-Key"
BEWAARTERMIJN = datetime.timedelta(hours=24)
SLEUTEL_MAX = 100
IDEMPOTENCY_TE_LANG = f"De Idempotency-Key mag hoogstens {SLEUTEL_MAX} tekens zijn."
IDEMPOTENCY_ANDER_VERZOEK = (
    "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor een nieuw "
    "verzoek een nieuwe sleutel, of stuur bij herhalen precies hetzelfde verzoek."
)
HERHAALD = "Herhaald verzoek (Idempotency-Key): eerste antwoord opnieuw gegeven"

PARAMETER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Een unieke sleutel per verzoek (bijvoorbeeld een UUID). Een herhaald "
    "verzoek met dezelfde sleutel geeft het eerste antwoord opnieuw en maakt niets dubbel.",
)

KlantIds = Callable[[dict, dict], list[int]]


def klant_in_antwoord(veld: str) -> KlantIds:
    """The klant is field ``veld`` of the answer (may be empty: an anonymous contact)."""
    return lambda body, _kwargs: [body[veld]] if body.get(veld) else []


def klant_in_pad(kwarg: str) -> KlantIds:
    """The klant is the id in the URL."""
    return lambda _body, kwargs: [kwargs[kwarg]]


def _vingerafdruk(request) -> str:
    data = request.data
    if hasattr(data, "lists"):  # a QueryDict from a form post: keep repeated fields
        data = dict(data.lists())
    inhoud = json.dumps(
        {"methode": request.method, "pad": request.path, "inhoud": data},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(inhoud.encode()).hexdigest()


def _sleutel(request) -> str | None:
    sleutel = request.headers.get(HEADER, "").strip()
    if len(sleutel) > SLEUTEL_MAX:
        raise ValidationError({HEADER: [IDEMPOTENCY_TE_LANG]})
    return sleutel or None


def _eerdere(medewerker, sleutel: str) -> IdempotenteAanroep | None:
    """The stored call with this key, expired or not (the key is unique per caller)."""
    gevonden = IdempotenteAanroep.objects.filter(medewerker=medewerker, sleutel=sleutel)
    return next(iter(gevonden.order_by()[:1]), None)


def _verlopen(aanroep: IdempotenteAanroep) -> bool:
    return aanroep.aangemaakt_op < timezone.now() - BEWAARTERMIJN


def _herhalen(request, eerder: IdempotenteAanroep, vingerafdruk: str, scherm: str) -> Response:
    if eerder.vingerafdruk != vingerafdruk:
        return Response(
            {HEADER: [IDEMPOTENCY_ANDER_VERZOEK]}, status=status.HTTP_422_UNPROCESSABLE_ENTITY
        )
    verwerking_vastleggen(
        klant_ids=eerder.klant_ids,
        medewerker=request.user,
        actie=Verwerking.Actie.GELEZEN,
        scherm=scherm,
        toelichting=HERHAALD,
    )
    return Response(
        eerder.antwoord, status=eerder.status_code, headers={"Idempotent-Replayed": "true"}
    )


def idempotent(*, scherm: str, klant_ids: KlantIds):
    """Decorate an APIView ``post``: honour the Idempotency-Key header as described above.

    ``klant_ids(body, url_kwargs)`` names the klanten whose data the answer holds.
    """

    def decorator(post):
        @wraps(post)
        def wrapped(view, request, *args, **kwargs):
            sleutel = _sleutel(request)
            if sleutel is None:
                return post(view, request, *args, **kwargs)
            vingerafdruk = _vingerafdruk(request)
            eerder = _eerdere(request.user, sleutel)
            if eerder is not None and not _verlopen(eerder):
                return _herhalen(request, eerder, vingerafdruk, scherm)
            try:
                with transaction.atomic():
                    response = post(view, request, *args, **kwargs)
                    if status.is_success(response.status_code):
                        if eerder is not None:  # this key's expired answer makes way
                            IdempotenteAanroep.objects.filter(pk=eerder.pk).delete()
                        IdempotenteAanroep.objects.create(
                            medewerker=request.user,
                            sleutel=sleutel,
                            vingerafdruk=vingerafdruk,
                            status_code=response.status_code,
                            antwoord=response.data,
                            klant_ids=klant_ids(response.data, kwargs),
                        )
            except IntegrityError:
                # A simultaneous request with this key committed first: its answer counts.
                eerder = _eerdere(request.user, sleutel)
                if eerder is None or _verlopen(eerder):
                    raise
                return _herhalen(request, eerder, vingerafdruk, scherm)
            return response

        return wrapped

    return decorator


def verlopen_aanroepen_opruimen(*, nu: datetime.datetime | None = None) -> int:
    """Remove stored answers older than BEWAARTERMIJN, of every caller (beat, hourly), so
    no answer with customer data stays more than an hour past its term."""
    grens = (nu or timezone.now()) - BEWAARTERMIJN
    verwijderd, _ = IdempotenteAanroep.objects.filter(aangemaakt_op__lt=grens).delete()
    return verwijderd
