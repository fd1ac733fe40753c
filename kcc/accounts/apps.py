from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "kcc.accounts"
    label = "accounts"
    verbose_name = "Accounts en rollen"

    def ready(self) -> None:
        # Roles are configuration the code depends on: keep the groups and their
        # permissions in step with kcc/accounts/roles.py after every migrate.
        post_migrate.connect(_sync_roles, sender=self)


def _sync_roles(**kwargs) -> None:
    from kcc.accounts.services import roles_sync

    roles_sync(using=kwargs.get("using", "default"))
