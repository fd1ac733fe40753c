"""The badge of a norm signal, the same on every page that shows one."""

from django import template
from django.utils.html import format_html

from kcc.normen.models import Signalering

register = template.Library()

# soort -> (text, CSS modifier of kcc-label)
_BADGES = {
    Signalering.Soort.OVERSCHRIJDING_WETTELIJK: ("wettelijke termijn overschreden", "te-laat"),
    Signalering.Soort.OVERSCHRIJDING: ("termijn overschreden", "te-laat"),
    Signalering.Soort.WAARSCHUWING: ("waarschuwing", "wacht"),
}


# Built once: a werkvoorraad of 50 signalled zaken formatted the same three badges 50 times.
_HTML = {
    soort: format_html('<span class="kcc-label kcc-label--{}">{}</span>', modifier, tekst)
    for soort, (tekst, modifier) in _BADGES.items()
}


@register.simple_tag
def signaal(soort: str):
    """``{% signaal soort %}``: the badge of one Signalering.soort (a tag, not an include:
    a werkvoorraad of 50 late zaken rendered 50 includes, a tenth of its time)."""
    return _HTML.get(soort, _HTML[Signalering.Soort.WAARSCHUWING])
