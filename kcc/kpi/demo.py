"""Demo step of the KPIs: the daily tables filled for the demo contacts and zaken.

After ``demo_data`` the tables agree with the data, as the nightly job would leave them;
a second run finds nothing changed and writes nothing (``kpi_dag_aggregeren`` compares).
"""

import datetime

from django.utils import timezone

from kcc.core.demo import DemoReport
from kcc.kpi.models import KpiDag
from kcc.kpi.services import kpi_dag_aggregeren, kpi_eerste_dag

# Demo data spans weeks, not years; the bound keeps the step fast whatever is loaded.
MAX_DAGEN = 400


def load(report: DemoReport, *, production: bool) -> None:
    eerste = kpi_eerste_dag()
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    if eerste is None:
        return
    dag = max(eerste, gisteren - datetime.timedelta(days=MAX_DAGEN - 1))
    label = KpiDag._meta.verbose_name_plural
    aanwezig = set(KpiDag.objects.filter(dag__gte=dag).values_list("dag", flat=True))
    while dag <= gisteren:
        if kpi_dag_aggregeren(dag=dag):
            report.counts[(label, "bijgewerkt" if dag in aanwezig else "aangemaakt")] += 1
        else:
            report.counts[(label, "ongewijzigd")] += 1
        dag += datetime.timedelta(days=1)
