"""The contactmoment create's input and answer in plain Python.

``POST /api/v1/contactmomenten/`` is the API's busiest write (every contact of every
channel). Its DRF serializers stay the definition (they document the endpoint in the
OpenAPI schema and word every error), but building them cost more per request than the
contact's INSERTs: each instance deep-copies its declared fields, and a ModelSerializer
reads the model's fields again. So:

- ``invoer`` accepts only what the InputSerializer accepts unchanged (JSON with the
  expected types) and gives the same validated data; anything else, valid or not, is
  left to the serializer (``None``), which converts it or words the error;
- ``antwoord`` gives what ContactmomentOutputSerializer gives for a contact.

Tests hold both to their serializer (tests/kanalen/test_api_snel.py).
"""

from __future__ import annotations

import re

from rest_framework import serializers

from kanalen.models import VRAAG_MAX, Contactmoment
from klanten.validators import ID_MAX

# DRF's CharField refuses NUL characters and surrogates; such input goes to the serializer.
_VERBODEN_TEKENS = re.compile("[\x00\ud800-\udfff]")
# Optional id fields: input name -> validated name.
_ID_VELDEN = {
    naam: naam
    for naam in (
        "klant",
        "vorig_contactmoment",
        "doorverwezen_naar",
        "afdeling",
        "behandelaar",
        "aanvraag",
    )
}
_VRAAG_ID_VELDEN = {"product": "product_id", "vac": "vac_id"}
_TEKST_VELDEN = (
    "terugbel_telefoon",
    "terugbel_email",
    "bereikbaar",
    "anoniem_naam",
    "anoniem_telefoon",
    "anoniem_email",
)
# One shared field: converting a date-time keeps no state on the field.
_DATUMTIJD = serializers.DateTimeField()


class _Anders(Exception):
    """The input is not plainly valid: the serializer decides."""


def _id(waarde):
    if waarde is None:
        return None
    if type(waarde) is not int or not 1 <= waarde <= ID_MAX:
        raise _Anders
    return waarde


def _tekst(waarde, *, leeg_mag: bool, max_lengte: int | None = None) -> str:
    if type(waarde) is not str or _VERBODEN_TEKENS.search(waarde):
        raise _Anders
    tekst = waarde.strip()
    if (not tekst and not leeg_mag) or (max_lengte is not None and len(tekst) > max_lengte):
        raise _Anders
    return tekst


def _keuze(waarde, keuzes: list[str]) -> str:
    if type(waarde) is not str or waarde not in keuzes:
        raise _Anders
    return waarde


def _ids(bron: dict, namen: dict[str, str], doel: dict) -> None:
    """The optional id fields ``namen`` (input name -> validated name) that ``bron`` has."""
    for naam, doelnaam in namen.items():
        if naam in bron:
            doel[doelnaam] = _id(bron[naam])


def _vraag(bron) -> dict:
    if type(bron) is not dict:
        raise _Anders
    vraag = {
        "vraag": _tekst(bron.get("vraag"), leeg_mag=False, max_lengte=VRAAG_MAX),
        "antwoord": _tekst(bron.get("antwoord", ""), leeg_mag=True),
    }
    _ids(bron, _VRAAG_ID_VELDEN, vraag)
    return vraag


def invoer(data) -> dict | None:
    """``data`` validated as ``ContactmomentCreateView.InputSerializer`` would, or None
    when the serializer must decide (other types, an error, a field to convert)."""
    if type(data) is not dict:  # a form post (QueryDict) or a JSON list or scalar
        return None
    try:
        vragen = data.get("vragen")
        if type(vragen) is not list or not vragen:
            raise _Anders
        gevalideerd = {
            "kanaal": _tekst(data.get("kanaal"), leeg_mag=False),
            "richting": _keuze(
                data.get("richting", Contactmoment.Richting.INKOMEND.value),
                Contactmoment.Richting.values,
            ),
            "resultaat": _keuze(data.get("resultaat"), Contactmoment.Resultaat.values),
            "vragen": [_vraag(vraag) for vraag in vragen],
        }
        _ids(data, _ID_VELDEN, gevalideerd)
        for naam in _TEKST_VELDEN:
            gevalideerd[naam] = _tekst(data.get(naam, ""), leeg_mag=True)
        if "gestart_op" in data:
            try:
                gevalideerd["gestart_op"] = _DATUMTIJD.run_validation(data["gestart_op"])
            except serializers.ValidationError:
                raise _Anders from None
    except _Anders:
        return None
    return gevalideerd


def _datumtijd(waarde) -> str | None:
    return _DATUMTIJD.to_representation(waarde) if waarde is not None else None


def antwoord(cm: Contactmoment) -> dict:
    """``ContactmomentOutputSerializer(cm).data`` of a contact the service just saved
    (its kanaal, medewerker and questions are on it: nothing is read)."""
    medewerker = cm.medewerker
    return {
        "id": cm.pk,
        "klant": cm.klant_id,
        "kanaal": cm.kanaal.code,
        "richting": cm.richting,
        "medewerker": (medewerker.get_full_name() or medewerker.username) if medewerker else "",
        "gestart_op": _datumtijd(cm.gestart_op),
        "beeindigd_op": _datumtijd(cm.beeindigd_op),
        "duur_seconden": cm.duur_seconden,
        "resultaat": cm.resultaat,
        "vorig_contactmoment": cm.vorig_contactmoment_id,
        "doorverwezen_naar": cm.doorverwezen_naar_id,
        "aanvraag": cm.aanvraag_id,
        "vragen": [
            {
                "vraag": vraag.vraag,
                "antwoord": vraag.antwoord,
                "product": vraag.product_id,
                "vac": vraag.vac_id,
            }
            for vraag in cm.vragen.all()
        ],
    }
