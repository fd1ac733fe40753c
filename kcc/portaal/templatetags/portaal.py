from django import template

from kcc.portaal import sessie

register = template.Library()


@register.inclusion_tag("portaal/_sessie_melding.html")
def portaal_sessie_melding():
    """The hidden warning the session script shows 2 minutes before the idle time-out."""
    return {
        "inactief": sessie.INACTIEF_MAX_SECONDEN,
        "waarschuwing": sessie.WAARSCHUWING_SECONDEN,
    }
