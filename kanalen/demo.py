"""Demo channels (all seven, with their reactienorm) and a few contactmomenten."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kanalen.codes import KanaalCode
from kanalen.models import Contactmoment, ContactmomentVraag, Kanaal
from kcc.core.demo import DemoReport

# code, naam, reactienorm (waarde, eenheid), volgorde
KANALEN = [
    (KanaalCode.TELEFOON, "Telefoon", 2, Kanaal.Eenheid.MINUTEN),
    (KanaalCode.BALIE, "Balie", 10, Kanaal.Eenheid.MINUTEN),
    (KanaalCode.EMAIL, "E-mail", 2, Kanaal.Eenheid.WERKDAGEN),
    (KanaalCode.WEBFORMULIER, "Webformulier", 2, Kanaal.Eenheid.WERKDAGEN),
    (KanaalCode.CHAT, "Chat", 1, Kanaal.Eenheid.MINUTEN),
    (KanaalCode.POST, "Post", 5, Kanaal.Eenheid.WERKDAGEN),
    (KanaalCode.SOCIALE_MEDIA, "Sociale media", 1, Kanaal.Eenheid.WERKDAGEN),
]


def load_kanalen(report: DemoReport) -> dict[str, Kanaal]:
    kanalen = {}
    for volgorde, (code, naam, waarde, eenheid) in enumerate(KANALEN, start=1):
        kanalen[code] = report.upsert(
            Kanaal,
            {"code": code},
            {
                "naam": naam,
                "reactienorm_waarde": waarde,
                "reactienorm_eenheid": eenheid,
                "volgorde": volgorde,
            },
        )
    return kanalen


# (demo key, bsn of the klant, kanaal, days ago, duration s, resultaat, vraag, antwoord)
CONTACTMOMENTEN = [
    (
        "demo-cm-1",
        "999993008",
        KanaalCode.TELEFOON,
        12,
        240,
        "beantwoord",
        "Hoe lang duurt het aanvragen van een paspoort?",
        "U kunt uw paspoort na ongeveer 5 werkdagen ophalen bij de balie.",
    ),
    (
        "demo-cm-2",
        "999993008",
        KanaalCode.EMAIL,
        3,
        0,
        "beantwoord",
        "Wanneer wordt het grofvuil bij mij opgehaald?",
        "U maakt een afspraak via de website; wij halen het binnen 2 weken op.",
    ),
    (
        "demo-cm-3",
        "999993021",
        KanaalCode.BALIE,
        5,
        420,
        "aanvraag_gestart",
        "Ik wil mijn verhuizing doorgeven.",
        "Verhuizing samen met de klant ingediend.",
    ),
    (
        "demo-cm-4",
        "999993045",
        KanaalCode.CHAT,
        1,
        300,
        "doorverbonden",
        "Vraag over mijn aanslag gemeentelijke belastingen.",
        "Doorverbonden met Belastingen.",
    ),
    (
        "demo-cm-5",
        "999993057",
        KanaalCode.WEBFORMULIER,
        8,
        0,
        "beantwoord",
        "Kan ik een parkeervergunning voor bezoek krijgen?",
        "Ja, u vraagt een bezoekersvergunning aan via Mijn Voorbeeldstad.",
    ),
    (
        "demo-cm-6",
        "999993069",
        KanaalCode.TELEFOON,
        2,
        180,
        "beantwoord",
        "Is het stadskantoor open op zaterdag?",
        "Nee, op zaterdag is het stadskantoor gesloten.",
    ),
]


def load_contactmomenten(report: DemoReport, kanalen: dict[str, Kanaal]) -> None:
    from klanten.models import Klant

    klanten = dict(
        Klant.objects.filter(bsn__in={c[1] for c in CONTACTMOMENTEN}).values_list("bsn", "pk")
    )
    for sleutel, bsn, kanaal, dagen, duur, resultaat, vraag, antwoord in CONTACTMOMENTEN:
        if Contactmoment.objects.filter(idempotency_key=sleutel).exists():
            # Created on an earlier run; times are relative to that run: leave them.
            report.upsert(Contactmoment, {"idempotency_key": sleutel}, {})
            continue
        eind = timezone.now().replace(
            hour=10, minute=0, second=0, microsecond=0
        ) - datetime.timedelta(days=dagen)
        cm = report.upsert(
            Contactmoment,
            {"idempotency_key": sleutel},
            {
                "klant_id": klanten.get(bsn),
                "kanaal": kanalen[kanaal],
                "richting": Contactmoment.Richting.INKOMEND,
                "gestart_op": eind - datetime.timedelta(seconds=duur),
                "beeindigd_op": eind,
                "duur_seconden": duur,
                "resultaat": resultaat,
            },
        )
        report.upsert(
            ContactmomentVraag,
            {"contactmoment": cm, "volgnummer": 1},
            {"vraag": vraag, "antwoord": antwoord},
        )
