"""Fuzz of every HTML form of the console, backoffice, portal and public site.

The forms are discovered, not listed: every page of the authorisation matrix is opened
as a persona that may open it (with the same real objects), every ``<form method=post>``
on it is collected, and each is posted with hostile values in every field: very long
text, RTL/emoji/combining unicode, HTML and script, SQL metacharacters, a NUL byte,
huge integers and unicode digits. Each answer must be a clear refusal or a success,
never a 500, and no page may show the script payload unescaped. Bounded: one post per
form and payload (a few hundred requests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

from tests.core.test_authorisation_matrix import (  # noqa: F401 - fixtures
    PERSONA_ROLE,
    SAMPLES,
    _concrete,
    _pad,
    _routes,
    _verwacht,
    alle_personas,
    burger,
    ondernemer,
    wereld,
)

SCRIPT = "<script>alert('kcc-fuzz')</script>"
PAYLOADS = {
    "lang": "Lange tekst " * 2000,
    "unicode": "\u202eטקסט\u202c مرحبا 👩\u200d👩\u200d👧 e\u0301\u0301 \ufeff",
    "html": f'{SCRIPT}<img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a>',
    "sql": "'; DROP TABLE klanten_klant; -- \" OR 1=1 %_\\",
    "nul": "tekst\x00met een nulbyte",
    "groot_getal": "9" * 40,
    "unicode_cijfer": "²",
    "arabische_cijfers": "١٢٣",
}
# Forms that end the session or change the language: posting them is not a fuzz target.
OVERGESLAGEN_ACTIES = ("/accounts/", "/i18n/", "/uitloggen/")
# Which persona opens and posts the forms of each part of the site.
PERSONA_VOOR = (
    ("console/regie/", "teamleider"),
    ("console/", "kcc_medewerker"),
    ("backoffice/", "backoffice_medewerker"),
    ("mijn/", "burger"),
)


# Plausible values for empty fields, so that one hostile field at a time gets past the
# other fields' validation and reaches the code behind the form.
GEWOON = {"email": "jan@example.nl", "number": "1", "date": "2026-03-02", "tel": "0612345678"}


@dataclass
class Formulier:
    actie: str
    velden: dict[str, str] = field(default_factory=dict)  # name -> a plausible value
    bestanden: set[str] = field(default_factory=set)


class _FormParser(HTMLParser):
    def __init__(self, pagina: str):
        super().__init__()
        self.pagina = pagina
        self.formulieren: list[Formulier] = []
        self._huidig: Formulier | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            actie = urljoin(self.pagina, a.get("action") or self.pagina)
            self._huidig = Formulier(actie=actie)
            self.formulieren.append(self._huidig)
        if self._huidig is None or not a.get("name"):
            return
        naam = a["name"]
        if tag == "input":
            soort = (a.get("type") or "text").lower()
            if soort == "file":
                self._huidig.bestanden.add(naam)
            elif soort in ("checkbox", "radio"):
                self._huidig.velden.setdefault(naam, a.get("value") or "on")
            elif soort not in ("submit", "button", "reset", "image"):
                gewoon = GEWOON.get(soort, "Een gewone waarde")
                self._huidig.velden.setdefault(naam, a.get("value") or gewoon)
        elif tag == "textarea":
            self._huidig.velden.setdefault(naam, "Een gewone vraag van een burger.")
        elif tag == "select":
            self._select = naam
            self._huidig.velden.setdefault(naam, "")
        elif tag == "option" and self._select and a.get("value"):
            if not self._huidig.velden.get(self._select):
                self._huidig.velden[self._select] = a["value"]
        elif tag == "button" and a.get("value"):
            self._huidig.velden.setdefault(naam, a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._huidig = None
        elif tag == "select":
            self._select = None


def _persona_voor(route: str, rule) -> str | None:
    if rule[0] == "public":
        return None
    for prefix, persona in PERSONA_VOOR:
        if route.startswith(prefix) and PERSONA_ROLE[persona] in rule[1]:
            return persona
    return None


def _formulieren(clients, w) -> dict[tuple[str, str | None], Formulier]:
    """Every post form on every page a persona may open, by (action path, persona)."""
    gevonden: dict[tuple[str, str | None], Formulier] = {}
    for route, rule in _routes():
        if route.startswith(("api/", "demo-", "health/")):
            continue
        persona = _persona_voor(route, rule)
        if rule[0] != "public" and (persona is None or _verwacht(route, rule, persona) != "ok"):
            continue
        pad = _pad(route, SAMPLES[route](w)) if route in SAMPLES else _concrete(route)
        response = clients[persona].get(pad)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _FormParser(pad)
        parser.feed(response.content.decode())
        for formulier in parser.formulieren:
            actie = urlsplit(formulier.actie)
            sleutel = (actie.path + (f"?{actie.query}" if actie.query else ""), persona)
            if actie.path.startswith(OVERGESLAGEN_ACTIES) or sleutel in gevonden:
                continue
            gevonden[sleutel] = formulier
    return gevonden


def _clients(personas: dict) -> dict:
    clients = {None: Client()}
    for naam, user in personas.items():
        clients[naam] = Client()
        clients[naam].force_login(user)
    return clients


@pytest.mark.django_db
def test_every_form_survives_hostile_input(alle_personas, wereld):  # noqa: F811
    from zaken.models import Zaak
    from zaken.services.zaken import zaak_claim

    clients = _clients(alle_personas)
    formulieren = _formulieren(clients, wereld)
    # A claimed zaak shows the backoffice's other forms (status, informatie, afsluiten, ...).
    zaak_claim(
        zaak=Zaak.objects.get(identificatie=wereld.zaak),
        medewerker=alle_personas["backoffice_medewerker"],
    )
    formulieren = {**_formulieren(clients, wereld), **formulieren}
    # The discovery must find the forms of each part of the site, or the fuzz tests nothing.
    delen = {pad.split("/")[1] for pad, _persona in formulieren}
    assert {"console", "backoffice", "mijn", "vraag"} <= delen, delen
    fouten = []
    statussen: dict[int, int] = {}
    for f, ((pad, persona), formulier) in enumerate(sorted(formulieren.items())):
        client = clients[persona]
        # Every field gets the payload (hidden ones too: ids and choices are input too),
        # then each field alone with the others plausible, cycling through the payloads.
        pogingen = [(soort, dict.fromkeys(formulier.velden, w)) for soort, w in PAYLOADS.items()]
        soorten = list(PAYLOADS)
        for i, naam in enumerate(formulier.velden):
            soort = soorten[(i + f) % len(soorten)]
            pogingen.append((f"{soort}:{naam}", {**formulier.velden, naam: PAYLOADS[soort]}))
        for soort, data in pogingen:
            cache.clear()  # the rate limits would otherwise answer most posts with a 429
            response = client.post(pad, data)
            statussen[response.status_code] = statussen.get(response.status_code, 0) + 1
            body = response.content.decode(errors="replace")
            if response.status_code >= 500:
                fouten.append((pad, persona, soort, response.status_code))
            elif SCRIPT in body or 'onerror="alert(1)"' in body:
                fouten.append((pad, persona, soort, "onveilig getoond"))
            if response.status_code in (301, 302, 303) and response.get("Location"):
                volgende = client.get(response["Location"])
                if volgende.status_code >= 500 or (
                    not volgende.streaming and SCRIPT in volgende.content.decode(errors="replace")
                ):
                    fouten.append((response["Location"], persona, soort, "na doorsturen"))
            if persona is not None:
                # A post may end the session or the object's state; keep going as the persona.
                client.force_login(alle_personas[persona])
    # Some posts were accepted (stored): every page that shows data must still escape it.
    assert statussen.get(302, 0) + statussen.get(200, 0) > 0, statussen
    for route, rule in _routes():
        if route.startswith(("api/", "demo-", "health/")):
            continue
        persona = _persona_voor(route, rule)
        if rule[0] != "public" and persona is None:
            continue
        pad = _pad(route, SAMPLES[route](wereld)) if route in SAMPLES else _concrete(route)
        response = clients[persona].get(pad)
        if response.status_code >= 500 or (
            not response.streaming and SCRIPT in response.content.decode(errors="replace")
        ):
            fouten.append((pad, persona, "pagina na de fuzz", response.status_code))
    assert not fouten, "\n".join(map(str, fouten))
