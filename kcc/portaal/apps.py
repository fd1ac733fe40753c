from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "kcc.portaal"
    # "portaal" is the URL namespace of the public site; the app label differs on purpose.
    label = "portaal_app"
    verbose_name = "Portaal voor burgers en ondernemers"
