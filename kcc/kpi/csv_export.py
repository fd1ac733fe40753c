"""CSV export of report tables: Dutch headers, ';' separated, guarded against CSV injection."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

# A spreadsheet treats a cell starting with one of these as a formula.
GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde) -> str:
    """A cell value as text; text that a spreadsheet could run as a formula gets a quote first."""
    if waarde is None:
        return ""
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    if isinstance(waarde, int):
        return str(waarde)
    tekst = str(waarde)
    if tekst.startswith(GEVAARLIJKE_BEGINTEKENS):
        return "'" + tekst
    return tekst


def csv_response(bestandsnaam: str, kop: Sequence[str], rijen: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response.write("\ufeff")  # BOM: spreadsheets then read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([veilige_cel(k) for k in kop])
    for rij in rijen:
        writer.writerow([veilige_cel(c) for c in rij])
    return response
