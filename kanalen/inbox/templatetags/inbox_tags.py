from django import template

from kanalen.inbox.services import INBOX_ROLLEN

register = template.Library()


@register.filter
def werkt_in_kcc(user) -> bool:
    """True for the roles that take calls and work the inbox (the telephony panel)."""
    return bool(user and user.is_authenticated and user.has_role(*INBOX_ROLLEN))
