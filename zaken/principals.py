"""The caller of the API when it is an external organisation's system, not a person."""

from __future__ import annotations

from zaken.models import ExterneKoppeling


class ExternSysteem:
    """``request.user`` for a call with an external organisation's token.

    Not a medewerker and without roles: selectors give it only its organisation's zaken.
    """

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_medewerker = False
    is_staff = False
    is_superuser = False
    pk = None
    id = None

    def __init__(self, koppeling: ExterneKoppeling) -> None:
        self.koppeling = koppeling
        self.organisatie = koppeling.organisatie

    def has_role(self, *names: str) -> bool:
        return False

    def get_username(self) -> str:
        return f"extern:{self.organisatie.code}"

    def __str__(self) -> str:
        return f"{self.organisatie.naam} (extern systeem)"
