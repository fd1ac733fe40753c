"""Form widgets shared by every app."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class SnelleSelect(forms.Select):
    """A ``<select>`` whose options are rendered in Python, not one template each.

    Django renders every ``<option>`` through the template engine; for the 1,000+ UPL
    products that costs hundreds of milliseconds per select on every page view. Same
    markup, same attributes; option groups are supported.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        selected = {str(v) for v in self.format_value(value)}
        return format_html(
            "<select{}>{}</select>", flatatt(final_attrs), self._options(self.choices, selected)
        )

    def _options(self, choices, selected: set[str]):
        parts = []
        for option_value, label in choices:
            if isinstance(label, list | tuple):
                inner = self._options(label, selected)
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', option_value, inner))
                continue
            text = "" if option_value is None else str(option_value)
            parts.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    text,
                    SELECTED if text in selected else "",
                    label,
                )
            )
        return mark_safe("".join(parts))  # noqa: S308 - every part comes from format_html


SELECTED = mark_safe(" selected")
