from django.apps import AppConfig


class NormenConfig(AppConfig):
    name = "kcc.normen"
    label = "normen"
    verbose_name = "Normen en werkkalender"
