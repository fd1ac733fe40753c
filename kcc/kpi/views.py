"""Report pages for teamleiders and the public performance page (thin views)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from kcc.accounts import roles
from kcc.core.permissions import public, role_required
from kcc.kpi import grafieken, selectors, tabellen
from kcc.kpi.csv_export import csv_response
from kcc.kpi.forms import KpiFilterForm

FOUT_ONBEKENDE_TABEL = "Onbekende tabel voor de export. Kies een tabel uit de rapportage."
# KPIs are steering information for teamleiders; KCC-medewerkers see the public page.
RAPPORTAGE_ROLLEN = (roles.TEAMLEIDER,)


def _trendgrafiek(r: selectors.Rapport) -> grafieken.Lijngrafiek:
    return grafieken.lijngrafiek(
        [w.week.strftime("%d-%m") for w in r.weken],
        [
            ("Eerste-contactoplossing", "kpi-lijn--fcr", [w.fcr.percentage for w in r.weken]),
            (
                "Binnen servicenorm",
                "kpi-lijn--servicenorm",
                [w.servicenorm.percentage for w in r.weken],
            ),
            (
                "Binnen wettelijke termijn",
                "kpi-lijn--wettelijk",
                [w.wettelijk.percentage for w in r.weken],
            ),
        ],
        maximum=100,
        doel=r.fcr.norm,
        doel_tekst=f"Doel {r.fcr.norm}%",
        eenheid="%",
    )


def _volumegrafiek(r: selectors.Rapport) -> grafieken.Lijngrafiek:
    return grafieken.lijngrafiek(
        [w.strftime("%d-%m") for w, _, _ in r.volumes.per_week],
        [("Alle kanalen", "kpi-lijn--volume", [float(t) for _, _, t in r.volumes.per_week])],
    )


@role_required(*RAPPORTAGE_ROLLEN)
def rapportages(request: HttpRequest) -> HttpResponse:
    form = KpiFilterForm(request.GET)
    if not form.is_valid():
        if request.GET.get("formaat") == "csv":
            fouten = [fout for veld in form.errors.values() for fout in veld]
            return HttpResponseBadRequest(" ".join(fouten))
        return render(request, "console/rapportages/index.html", {"form": form}, status=400)
    f = form.kpi_filter()
    rapport = selectors.kpi_rapport(f)
    alle = tabellen.alle(rapport, selectors.kpi_backlog(f))
    if request.GET.get("formaat") == "csv":
        return _csv(request, alle, f"{f.van}-{f.tot}")
    backlog = alle["werkvoorraad"]
    return render(
        request,
        "console/rapportages/index.html",
        {
            "form": form,
            "rapport": rapport,
            "tabellen": {naam.replace("-", "_"): tabel for naam, tabel in alle.items()},
            "query": _query_zonder_export(request),
            "trend": _trendgrafiek(rapport),
            "volumegrafiek": _volumegrafiek(rapport),
            "afhandelgrafiek": grafieken.staafgrafiek(
                [
                    (a.kanaal.naam, a.gemiddeld_seconden or 0, f"{a.gemiddeld_seconden:.0f} s")
                    for a in rapport.afhandeltijden
                ]
            ),
            "backloggrafiek": grafieken.staafgrafiek(
                [(r[1], r[2], f"{r[2]} open") for r in backlog.rijen]
            ),
        },
    )


def _csv(request: HttpRequest, alle: dict[str, tabellen.Tabel], periode: str) -> HttpResponse:
    """The table named in ?tabel= as a CSV download, or a 400 naming the problem."""
    tabel = alle.get(request.GET.get("tabel", ""))
    if tabel is None:
        return HttpResponseBadRequest(FOUT_ONBEKENDE_TABEL)
    return csv_response(f"kpi-{tabel.naam}-{periode}.csv", tabel.kop, tabel.rijen)


def _query_zonder_export(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("formaat", None)
    query.pop("tabel", None)
    return query.urlencode()


@public
def prestaties(request: HttpRequest) -> HttpResponse:
    rapport = selectors.publieke_prestaties()
    alle = tabellen.publiek(rapport)
    if request.GET.get("formaat") == "csv":
        return _csv(request, alle, f"{rapport.filter.van}-{rapport.filter.tot}")
    volumes = rapport.volumes
    return render(
        request,
        "portaal/prestaties.html",
        {
            "rapport": rapport,
            "tabellen": {naam.replace("-", "_"): tabel for naam, tabel in alle.items()},
            "trend": _trendgrafiek(rapport),
            "volumegrafiek": grafieken.staafgrafiek(
                [
                    (k.naam, n, f"{n}")
                    for k, n in zip(volumes.kanalen, volumes.totaal_per_kanaal, strict=True)
                ]
            ),
        },
    )
