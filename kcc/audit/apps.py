from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kcc.audit"
    label = "audit"
    verbose_name = "Verwerkingenlog"
