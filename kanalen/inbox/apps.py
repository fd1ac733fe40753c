from django.apps import AppConfig


class InboxConfig(AppConfig):
    """The KCC inbox: every inbound written channel in one queue (issue 7)."""

    name = "kanalen.inbox"
    label = "inbox"
    verbose_name = "KCC-inbox"
    default_auto_field = "django.db.models.BigAutoField"
