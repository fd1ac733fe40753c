from django.apps import AppConfig


class KpiConfig(AppConfig):
    name = "kcc.kpi"
    label = "kpi"
    verbose_name = "Prestaties en rapportages"
