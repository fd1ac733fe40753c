"""The Jinja2 environment for list rows: escapes, refuses typos, formats as Django does."""

import datetime

import pytest
from django.template import Context, Template, engines
from jinja2 import UndefinedError

from kcc.core.jinja2 import datum, rijen


def _render(bron: str, **context) -> str:
    return engines["jinja2"].from_string(bron).render(context)


def test_escapet_zoals_django():
    assert _render("{{ x }}", x='<script>"&') == "&lt;script&gt;&#34;&amp;"


def test_rijen_zijn_veilige_html_in_een_django_pagina():
    from zaken.selectors import WerkvoorraadRegel

    regel = WerkvoorraadRegel(
        pk=1,
        identificatie="ZAAK-2026-000001",
        deelzaak=True,
        product="Paspoort",
        klant_id=3,
        klant="<b>Jan</b>",
        status="",
        opgeschort=False,
        streefdatum=datetime.date(2026, 12, 24),
        te_laat=True,
        behandelaar_id=None,
        behandelaar="",
        signaal="overschrijding",
        url="/backoffice/zaken/ZAAK-2026-000001/",
        claim_url="/backoffice/zaken/ZAAK-2026-000001/claimen/",
    )
    html = rijen("backoffice/werkvoorraad_rijen.html", zaken=[regel], user_pk=7)
    pagina = Template("<tbody>{{ r }}</tbody>").render(Context({"r": html}))
    assert pagina.count("<tr ") == 1
    assert "&lt;b&gt;Jan&lt;/b&gt;" in pagina  # the klant's name escaped once, not twice
    assert '<time datetime="2026-12-24">24-12-2026</time>' in pagina
    assert "termijn overschreden" in pagina and "Niemand" in pagina
    assert 'formaction="/backoffice/zaken/ZAAK-2026-000001/claimen/"' in pagina


def test_onbekende_naam_is_een_fout():
    with pytest.raises(UndefinedError):
        _render("{{ zaak.bestaat_niet }}", zaak=object())


@pytest.mark.parametrize(
    ("waarde", "formaat"),
    [
        (datetime.date(2026, 5, 5), "d-m-Y"),
        (datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC), "d-m-Y H:i"),  # DST
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC), "d-m-Y H:i"),
        (datetime.date(2026, 1, 2), "Y-m-d"),
        (datetime.datetime(2026, 7, 1, 9, 5, 7, tzinfo=datetime.UTC), "Y-m-d H:i:s"),
        (datetime.datetime(2026, 7, 1, 9, 5), "d-m-Y H:i"),  # naive: as it is
        (datetime.date(2026, 5, 5), "j F Y"),  # month names: Django's own filter
        (datetime.date(2026, 5, 5), "l d-m-Y"),
        (None, "d-m-Y"),
        ("", "d-m-Y"),
    ],
)
def test_datum_gelijk_aan_django(waarde, formaat):
    django = Template("{{ w|date:f }}").render(Context({"w": waarde, "f": formaat}))
    assert datum(waarde, formaat) == django
    assert _render("{{ w|datum(f) }}", w=waarde, f=formaat) == django


def test_signaal_badge_zelfde_als_de_tag():
    tag = Template('{% load normen_tags %}{% signaal "wettelijk" %}').render(Context())
    assert _render('{{ signaal("wettelijk") }}') == tag
    assert "wettelijke termijn overschreden" in tag
