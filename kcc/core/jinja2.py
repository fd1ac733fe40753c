"""Jinja2 for the rows of long lists; every page itself is a Django template.

Django's template engine cost about 280 µs per row of the werkvoorraad (50 rows: 14 ms
of a page that must answer in 30); the same rows in Jinja2, which compiles a template
to Python code, take 1.3 ms. A list page renders its rows with ``rijen()`` and puts the
result in its Django template as ``{{ rijen }}``. These templates live in
``templates/jinja2/`` and are only rendered with ``using="jinja2"``.

The environment escapes everything (as Django templates do), refuses undefined names
(a typo fails loudly instead of printing nothing) and formats dates with Django's own
``date`` filter, in the current time zone, so a row reads exactly as the page around it.
"""

from __future__ import annotations

import datetime
from functools import cache

from django.template import engines
from django.template.defaultfilters import date as django_date
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, StrictUndefined

from kcc.normen.templatetags.normen_tags import signaal

# Django date format characters that are plain numbers, as strftime writes them.
_NUMERIEK = {"d": "%d", "m": "%m", "Y": "%Y", "H": "%H", "i": "%M", "s": "%S"}
_SCHEIDING = set(" -:/.,T")


@cache
def _strftime_formaat(formaat: str) -> str | None:
    """The strftime equivalent of a numbers-only Django date format, else None."""
    if not all(c in _NUMERIEK or c in _SCHEIDING for c in formaat):
        return None
    return "".join(_NUMERIEK.get(c, c) for c in formaat)


def datum(waarde, formaat: str = "d-m-Y") -> str:
    """Django's ``|date:formaat``: aware datetimes in the current time zone first.

    A numbers-only format (the lists' d-m-Y, Y-m-d, H:i) is written by strftime: Django's
    filter, which also knows month names, cost 30 µs a call, a tenth of a list's rows.
    """
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, datetime.datetime) and timezone.is_aware(waarde):
        waarde = timezone.localtime(waarde)
    snel = _strftime_formaat(formaat)
    if snel is not None and isinstance(waarde, datetime.date):
        return waarde.strftime(snel)
    return django_date(waarde, formaat)


def _regelovergangen(waarde) -> SafeString:
    """Django's ``|linebreaksbr``: the text escaped, each line break a ``<br>``."""
    return linebreaksbr(waarde, autoescape=True)


def omgeving(**options) -> Environment:
    options["undefined"] = StrictUndefined
    env = Environment(**options)  # noqa: S701 - Django's backend passes autoescape=True
    env.filters["datum"] = datum
    env.filters["linebreaksbr"] = _regelovergangen
    env.globals["signaal"] = signaal
    return env


def rijen(template: str, **context) -> SafeString:
    """Render the rows template ``template`` (under templates/jinja2/) to safe HTML."""
    return mark_safe(engines["jinja2"].get_template(template).render(context))  # noqa: S308 - escaped by Jinja2
