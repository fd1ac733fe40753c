"""Demo zaken: a Verhuizen life event split over three organisations, and single zaken
in different states. Idempotent: each scenario is recognised by its marker answer.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from kcc.accounts import demo as accounts_demo
from kcc.accounts.models import User
from kcc.core.demo import DemoReport
from klanten.models import Klant
from productcatalogus.models import Levensgebeurtenis, Organisatie, Product
from zaken.errors import ZaakFout
from zaken.models import Aanvraag, Zaak
from zaken.services import zaken as zaak_services
from zaken.services.aanvragen import aanvraag_indienen
from zaken.services.intake import brp_waarde, componenten, intake_vragen
from zaken.services.koppelingen import externe_koppeling_instellen

MARKER = "demo_scenario"
# Development only: fixed credentials so a local external system can be tried out.
DEMO_TOKEN = "demo-token-{code}"
DEMO_WEBHOOK_SECRET = "demo-webhookgeheim-{code}"


def _antwoorden(klant: Klant, product=None, levensgebeurtenis=None) -> dict:
    """Plausible answers for every question of the intake ('ja' to every condition)."""
    onderdelen = componenten(levensgebeurtenis) if levensgebeurtenis else []
    antwoorden: dict = {}
    over_twee_weken = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    for vraag in intake_vragen(product=product, onderdelen=onderdelen):
        if brp_waarde(klant, vraag.brp_veld) is not None:
            continue
        antwoorden[vraag.code] = {
            "ja_nee": "ja",
            "datum": over_twee_weken,
            "getal": "1",
            "keuze": vraag.keuzes[0] if vraag.keuzes else "",
        }.get(vraag.type, "Demo-antwoord")
    return antwoorden


def _medewerker(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def load(report: DemoReport, *, production: bool) -> None:
    for organisatie in Organisatie.objects.filter(
        integratie_modus=Organisatie.IntegratieModus.EXTERN, externe_koppeling__isnull=True
    ):
        if production:
            koppeling, _ = externe_koppeling_instellen(organisatie=organisatie)
        else:
            koppeling, _ = externe_koppeling_instellen(
                organisatie=organisatie,
                token=DEMO_TOKEN.format(code=organisatie.code),
                webhook_secret=DEMO_WEBHOOK_SECRET.format(code=organisatie.code),
            )
        report.counts[("externe koppelingen", "aangemaakt")] += 1
    if production:
        print("  Productie: geen demozaken.")
        return
    klanten = list(
        Klant.objects.filter(soort=Klant.Soort.PERSOON, samengevoegd_in__isnull=True).order_by(
            "id"
        )[:4]
    )
    if not klanten:
        print("  Nog geen klanten: demozaken overgeslagen.")
        return
    # Claims need the demo staff; their loader is idempotent, so running it now is safe.
    accounts_demo.load(report, production=production)
    kcc = _medewerker("kcc")
    verhuizen = Levensgebeurtenis.objects.filter(slug="verhuizen").first()
    scenarios = []
    if verhuizen is not None:
        scenarios.append(("verhuizen", klanten[0], None, verhuizen))
    for naam, index, slug in (
        ("open", 1, "verhuizing-doorgeven"),
        ("opgeschort", 2, "verhuizing-doorgeven"),
        ("afgehandeld", 3, "parkeervergunning"),
    ):
        product = Product.objects.filter(slug=slug, actief=True).first()
        if product is not None:
            scenarios.append((naam, klanten[index % len(klanten)], product, None))
    for naam, klant, product, lg in scenarios:
        if Aanvraag.objects.filter(**{f"antwoorden__{MARKER}": naam}).exists():
            report.counts[("demozaken", "ongewijzigd")] += 1
            continue
        antwoorden = _antwoorden(klant, product, lg)
        aanvraag = aanvraag_indienen(
            klant=klant,
            product=product,
            levensgebeurtenis=lg,
            antwoorden=antwoorden,
            medewerker=kcc,
            kanaal="telefoon",
        )
        aanvraag.antwoorden[MARKER] = naam
        aanvraag.save(update_fields=["antwoorden"])
        try:
            _toestand(naam, aanvraag)
        except ZaakFout as exc:
            print(f"  Demozaak {naam}: {exc.message}")
        report.counts[("demozaken", "aangemaakt")] += 1


def _toestand(naam: str, aanvraag: Aanvraag) -> None:
    """Bring a fresh demo aanvraag's zaken into the scenario's state, through the services."""
    bo = _medewerker("backoffice")
    vera = _medewerker("vergunningen")
    zaken = list(aanvraag.zaken.select_related("product", "afdeling").order_by("id"))
    enkel = next((z for z in zaken if z.soort == Zaak.Soort.ENKELVOUDIG), None)
    if naam == "verhuizen" and bo is not None:
        burgerzaken = next((z for z in zaken if z.afdeling.code == "burgerzaken"), None)
        if burgerzaken is not None:
            zaak_services.zaak_claim(zaak=burgerzaken, medewerker=bo)
            tweede = burgerzaken.product.statustypen.filter(volgnummer=2).first()
            if tweede is not None and not tweede.is_eindstatus:
                zaak_services.zaak_status_zetten(zaak=burgerzaken, statustype=tweede, medewerker=bo)
    elif naam == "opgeschort" and bo is not None and enkel is not None:
        zaak_services.zaak_claim(zaak=enkel, medewerker=bo)
        zaak_services.zaak_informatie_vragen(
            zaak=enkel,
            vraag="Wilt u een kopie van uw huurcontract sturen?",
            medewerker=bo,
        )
    elif naam == "afgehandeld" and vera is not None and enkel is not None:
        zaak_services.zaak_claim(zaak=enkel, medewerker=vera)
        zaak_services.zaak_afsluiten(
            zaak=enkel, resultaat="Vergunning verleend voor 1 jaar.", medewerker=vera
        )
