"""url_sjabloon gives exactly what reverse() gives."""

import pytest
from django.urls import reverse

from kcc.core.links import url_sjabloon


@pytest.mark.parametrize(
    ("naam", "waarde"),
    [
        ("backoffice:zaken:detail", "ZAAK-2026-000123"),
        ("backoffice:zaken:claimen", "ZAAK-2026-000123"),
        ("backoffice:zaken:detail", "a b?c&d=é"),
        ("console:inbox:detail", 42),
        ("console:inbox:claimen", 7),
    ],
)
def test_zelfde_als_reverse(naam, waarde):
    assert url_sjabloon(naam)(waarde) == reverse(naam, args=[waarde])
