"""Beat task: keep the daily KPI tables up to date (thin: calls the service)."""

from celery import shared_task

from kcc.kpi.services import kpi_nachtelijk_aggregeren


@shared_task(name="kcc.kpi.tasks.kpi_dagcijfers_bijwerken")
def kpi_dagcijfers_bijwerken() -> int:
    return kpi_nachtelijk_aggregeren()
