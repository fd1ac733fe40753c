"""Formatting of report cells: Dutch decimal comma, dates, a dash for 'no data'."""

import datetime

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def kpi_cel(waarde) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    if isinstance(waarde, datetime.date):
        return formats.date_format(waarde, "j M Y")
    return str(waarde)


@register.filter
def kpi_procent(waarde) -> str:
    return "geen gegevens" if waarde is None else f"{kpi_cel(float(waarde))}%"
