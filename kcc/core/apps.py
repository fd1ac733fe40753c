from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kcc.core"
    label = "core"
    verbose_name = "KCC kern"
