"""The portal in a real browser: a citizen logs in with the DigiD simulator, applies for
"Verhuizen" and follows it while a backoffice medewerker works on it in the backoffice
screens (a second browser). Plus: axe-core finds no violations of any impact level on any
portal page, logged out and logged in; the main pages work at 320 CSS px (400% zoom);
a core task works by keyboard only; the core flows work without JavaScript."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from kcc.accounts import roles
from tests.browser.conftest import axe_all_violations, login
from tests.factories import TEST_WACHTWOORD, UserFactory
from tests.portaal.factories import KlantFactory, maak_catalogus, maak_demoproduct
from zaken.models import Zaak

pytestmark = pytest.mark.django_db(transaction=True)

JAN = "999993008"
# After logging in: Mijn overzicht (the simulator's #digid fragment survives the redirect).
MIJN = re.compile(r"^[^?]*/mijn/(#[\w-]*)?$")


def _axe(page) -> None:
    violations = axe_all_violations(page)
    assert violations == [], [
        (page.url, v["id"], v["impact"], v["nodes"][0]["target"]) for v in violations
    ]


def _gegevens():
    """Roles, the Verhuizen catalogue, the correction product, Jan's record, a backoffice."""
    from kcc.accounts.services import roles_sync

    cache.clear()  # rate limits of an earlier test must not count here
    roles_sync()
    catalogus = maak_catalogus()
    catalogus["correctie"] = maak_demoproduct(
        "correctie-persoonsgegevens", catalogus["burgerzaken"]
    )
    KlantFactory(bsn=JAN)
    catalogus["bo"] = UserFactory(
        username="bo-p",
        first_name="Bram",
        rol=roles.BACKOFFICE_MEDEWERKER,
        afdelingen=[catalogus["parkeren"]],
    )
    return catalogus


def _inloggen(page, live_server, bsn: str = JAN) -> None:
    page.goto(f"{live_server.url}/inloggen/simulator/")
    page.get_by_label("Demopersoon").first.select_option(bsn)
    page.get_by_role("button", name="Inloggen als inwoner").click()
    page.wait_for_url(MIJN)


def _nieuwe_pagina(browser, **opties):
    page = browser.new_context(locale="nl-NL", **opties).new_page()
    page.set_default_timeout(10_000)
    return page


def _verhuizen_aanvragen(page) -> None:
    page.get_by_role("link", name="Aanvragen").first.click()
    page.get_by_role("link", name="Verhuizen").click()
    page.get_by_role("group", name="Heeft u een auto?").get_by_label("Ja").check()
    page.get_by_label("Wat is uw nieuwe adres?").fill("Kerkplein 3")
    page.get_by_label("Wanneer verhuist u?").fill("2026-04-01")
    page.get_by_label("Wat is uw kenteken?").fill("AB-123-C")
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.get_by_role("heading", name="Wij hebben uw aanvraag ontvangen").wait_for()


def test_burger_verhuizen_met_backoffice_in_tweede_browser(page, browser, live_server):
    catalogus = _gegevens()

    page.goto(f"{live_server.url}/inloggen/")
    _axe(page)
    page.get_by_role("link", name="Inloggen met de DigiD-simulator").click()
    assert page.get_by_text("Dit is een simulator — geen echte DigiD").is_visible()
    _axe(page)
    page.get_by_label("Demopersoon").first.select_option(JAN)
    page.get_by_role("button", name="Inloggen als inwoner").click()
    page.wait_for_url(MIJN)
    _verhuizen_aanvragen(page)
    _axe(page)
    deel = Zaak.objects.get(product=catalogus["parkeervergunning"])
    hoofd = deel.hoofdzaak

    # The backoffice medewerker, in a browser of their own, claims and sets a status.
    bo = _nieuwe_pagina(browser)
    login(bo, live_server, "bo-p", TEST_WACHTWOORD)
    bo.goto(f"{live_server.url}/backoffice/")
    bo.get_by_role("button", name=f"Oppakken {deel.identificatie}").click()
    bo.wait_for_url(f"**/backoffice/zaken/{deel.identificatie}/")
    assert "U heeft de zaak opgepakt." in bo.locator(".kcc-messages").inner_text()
    bo.get_by_label("Nieuwe status").select_option(label="2. Intern: controle door team")
    bo.get_by_label("Toelichting (intern)").fill("Buurman belde erover")
    bo.get_by_role("button", name="Status opslaan").click()
    assert (
        "De status is nu: Intern: controle door team." in bo.locator(".kcc-messages").inner_text()
    )

    # The citizen sees the public status text and the progress of the hoofdzaak.
    page.get_by_role("link", name="Mijn overzicht", exact=True).click()
    zaken = page.get_by_role("region", name="Mijn aanvragen")
    assert "0 van 2 onderdelen afgerond" in zaken.inner_text()
    assert zaken.get_by_text("Parkeervergunning: Wij controleren uw gegevens").is_visible()
    assert "Intern" not in page.locator("main").inner_text()
    assert "Buurman" not in page.locator("main").inner_text()
    page.get_by_role("link", name="Verhuizen").first.click()
    page.wait_for_url(f"**/mijn/zaken/{hoofd.identificatie}/")
    onderdelen = page.get_by_role("region", name="Onderdelen")
    assert "0 van 2 onderdelen zijn afgerond" in onderdelen.inner_text()
    assert "Wij controleren uw gegevens" in onderdelen.inner_text()
    _axe(page)

    # The backoffice asks for information; the citizen answers it in the portal.
    bo.get_by_label("Vraag aan de klant").fill("Stuur ons uw kentekenbewijs.")
    bo.get_by_role("button", name="Vraag versturen").click()
    assert "De vraag is naar de klant gestuurd" in bo.locator(".kcc-messages").inner_text()
    page.get_by_role("link", name="Mijn overzicht", exact=True).click()
    assert page.get_by_text("Parkeervergunning: Wij wachten op informatie van u.").is_visible()
    _axe(page)
    page.get_by_role("link", name="Beantwoord deze vraag").click()
    _axe(page)
    page.get_by_label("Uw antwoord").fill("Mijn kenteken is AB-123-C.")
    page.get_by_role("button", name="Antwoord versturen").click()
    page.get_by_text("Wij hebben uw antwoord ontvangen").wait_for()
    _axe(page)

    # The backoffice sees the answer and the clock running again.
    bo.reload()
    assert "Mijn kenteken is AB-123-C." in bo.locator("main").inner_text()
    deel.refresh_from_db()
    assert deel.opgeschort_sinds is None
    bo.context.close()


def _slot():
    from kanalen.inbox.models import BalieLocatie, Tijdslot

    locatie = BalieLocatie.objects.create(naam="Stadskantoor", adres="Markt 1")
    return Tijdslot.objects.create(
        locatie=locatie, begint_op=timezone.now() + datetime.timedelta(days=2), capaciteit=5
    )


def _publieke_paginas(page, live_server) -> None:
    """Every public portal page and the pages its forms lead to, axe-checked."""
    for pad in ("/", "/inloggen/", "/inloggen/simulator/", "/uitloggen/", "/vraag/chat/"):
        page.goto(live_server.url + pad)
        _axe(page)
    page.goto(f"{live_server.url}/vraag/")
    _axe(page)
    page.get_by_label("Uw e-mailadres").fill("ans@example.nl")
    page.get_by_label("Onderwerp").fill("Afval")
    page.get_by_label("Uw vraag").fill("Wanneer komt de vuilniswagen?")
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/vraag/ontvangen/")
    _axe(page)

    page.goto(f"{live_server.url}/vraag/afspraak/")
    _axe(page)
    product = page.get_by_label("Waarvoor komt u?")
    if product.count():  # asked only when the catalogue has products for the desk
        product.select_option(index=1)
    page.locator("input[name=tijdslot]").first.check()
    page.get_by_label("Uw naam").fill("Ans")
    page.get_by_label("Uw e-mailadres").fill("ans@example.nl")
    page.get_by_role("button", name="Afspraak maken").click()
    page.wait_for_url("**/vraag/afspraak/bevestigd/")
    _axe(page)
    from kanalen.inbox.models import Afspraak

    afspraak = Afspraak.objects.order_by("-id").first()
    page.goto(f"{live_server.url}/vraag/afspraak/annuleren/{afspraak.code}/")
    _axe(page)
    page.get_by_role("button", name="Ja, annuleer mijn afspraak").click()
    page.wait_for_load_state()
    _axe(page)


def test_publieke_paginas_zonder_en_met_inlog(page, live_server):
    _gegevens()
    _slot()
    _publieke_paginas(page, live_server)
    _inloggen(page, live_server)
    _publieke_paginas(page, live_server)


def _mijn_omgeving_vullen(catalogus, bsn: str = JAN):
    """Zaken with progress and a question, contacts, a message with its answer, consents."""
    from kanalen.inbox import webformulier
    from kanalen.inbox.services import antwoord_versturen, bericht_claimen
    from kcc.audit.services import verwerking_vastleggen
    from klanten.models import Klant
    from klanten.services import digitaal_adres_toevoegen, toestemming_vastleggen
    from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
    from tests.portaal.factories import verhuizen_aanvragen
    from zaken.services.zaken import zaak_claim, zaak_informatie_vragen

    klant = Klant.objects.get(bsn=bsn)
    kim = UserFactory(username="kim-b", rol=roles.KCC_MEDEWERKER, functie="Klantadviseur")
    aanvraag = verhuizen_aanvragen(klant, catalogus)
    deel = Zaak.objects.get(aanvraag=aanvraag, product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=catalogus["bo"])
    zaak_informatie_vragen(zaak=deel, vraag="Stuur uw kentekenbewijs.", medewerker=catalogus["bo"])
    ContactmomentFactory(klant=klant)
    ContactverzoekFactory(contactmoment__klant=klant, afdeling=catalogus["parkeren"])
    bericht = webformulier.vraag_stellen(
        naam="Jan", email="jan@example.nl", onderwerp="Afval", vraag="Wanneer?", klant=klant
    )
    bericht_claimen(bericht=bericht, medewerker=kim)
    antwoord_versturen(bericht=bericht, medewerker=kim, tekst="Maandag.", kanaal_code="post")
    email = digitaal_adres_toevoegen(
        klant=klant, soort="email", waarde="jan@example.nl", medewerker=None
    )
    digitaal_adres_toevoegen(klant=klant, soort="telefoon", waarde="0612345678", medewerker=None)
    for verleend in (True, False):
        toestemming_vastleggen(
            klant=klant, soort="digitale_post", verleend=verleend, medewerker=None, bron="portaal"
        )
    verwerking_vastleggen(klant_ids=[klant.pk], medewerker=kim, actie="gelezen", scherm="console")
    return {"aanvraag": aanvraag, "deel": deel, "email": email}


def test_mijn_omgeving_alle_paginas(page, live_server):
    from kcc.portaal.models import PortaalIdentiteit
    from kcc.portaal.services.gegevens import email_verificatie_token

    catalogus = _gegevens()
    data = _mijn_omgeving_vullen(catalogus)
    _inloggen(page, live_server)
    hoofd, deel = data["aanvraag"].nieuwe_zaken[0], data["deel"]
    verzoek = deel.informatieverzoeken.get()
    for pad in (
        "/mijn/",
        "/mijn/berichten/",
        f"/mijn/zaken/{hoofd.identificatie}/",
        f"/mijn/zaken/{deel.identificatie}/",
        f"/mijn/informatieverzoeken/{verzoek.pk}/",
        "/mijn/aanvragen/",
        f"/mijn/aanvragen/{data['aanvraag'].pk}/ontvangen/",
        "/mijn/gegevens/",
        "/mijn/gegevens/inzage/",
        "/mijn/gegevens/email/bevestigen/ongeldig/",
    ):
        page.goto(live_server.url + pad)
        _axe(page)
    user = PortaalIdentiteit.objects.get(bsn=JAN).user
    token = email_verificatie_token(user=user, adres=data["email"])
    page.goto(f"{live_server.url}/mijn/gegevens/email/bevestigen/{token}/")
    assert page.get_by_role("button", name="Ja, bevestig dit e-mailadres").is_visible()
    _axe(page)

    # Forms with errors, and a concept with a kept upload.
    page.goto(f"{live_server.url}/mijn/gegevens/")
    page.get_by_role("button", name="Correctie aanvragen").click()
    page.get_by_text("Dit antwoord is verplicht.").first.wait_for()
    _axe(page)
    page.goto(f"{live_server.url}/mijn/aanvragen/product/verhuizing-doorgeven/")
    _axe(page)
    page.get_by_label("Bijlagen").set_input_files(
        [{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.get_by_text("Dit antwoord is verplicht.").first.wait_for()
    _axe(page)
    page.get_by_label("Bijlagen").set_input_files(
        [{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    page.get_by_role("button", name="Bewaren en later verder gaan").click()
    page.get_by_role("link", name="Ga verder met Verhuizing doorgeven").click()
    assert page.get_by_label("huurcontract.pdf weghalen").is_visible()
    _axe(page)


SMALLE_PAGINAS = (
    "/",
    "/vraag/",
    "/mijn/",
    "/mijn/berichten/",
    "/mijn/aanvragen/",
    "/mijn/aanvragen/levensgebeurtenis/verhuizen/",
    "/mijn/gegevens/",
    "/mijn/gegevens/inzage/",
)


def test_400_procent_zoom_geen_horizontaal_scrollen(browser, live_server):
    """WCAG 1.4.10 (reflow): 1280 px at 400% is 320 CSS px; nothing may scroll sideways."""
    catalogus = _gegevens()
    data = _mijn_omgeving_vullen(catalogus)
    page = _nieuwe_pagina(browser, viewport={"width": 320, "height": 640})
    _inloggen(page, live_server)
    hoofd = data["aanvraag"].nieuwe_zaken[0]
    for pad in (*SMALLE_PAGINAS, f"/mijn/zaken/{hoofd.identificatie}/"):
        page.goto(live_server.url + pad)
        breedte = page.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 320, (pad, breedte)
    page.context.close()


_FOCUS = """() => {
  const el = document.activeElement;
  const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
  const stijl = getComputedStyle(el);
  return {
    naam: (label || el.getAttribute("aria-label") || el.textContent || "").trim(),
    tag: el.tagName.toLowerCase(),
    zichtbaar: stijl.outlineStyle !== "none" || stijl.boxShadow !== "none",
  };
}"""


def _tab_naar(page, naam: str, *, max_stappen: int = 80) -> None:
    """Press Tab until the element named ``naam`` has focus; it must show that it has."""
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus["naam"].startswith(naam):
            assert focus["zichtbaar"], f"geen zichtbare focus op {naam}"
            return
    raise AssertionError(f"{naam} niet bereikt met Tab op {page.url}")


def test_correctie_aanvragen_alleen_met_toetsenbord(page, live_server):
    catalogus = _gegevens()
    page.goto(f"{live_server.url}/inloggen/")
    _tab_naar(page, "Inloggen met de DigiD-simulator")
    page.keyboard.press("Enter")
    page.wait_for_url("**/inloggen/simulator/**")
    _tab_naar(page, "Of vul een BSN in")
    page.keyboard.type(JAN)
    page.keyboard.press("Enter")
    page.wait_for_url(MIJN)
    _tab_naar(page, "Mijn gegevens")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mijn/gegevens/")
    _tab_naar(page, "Vraag een correctie aan")
    page.keyboard.press("Enter")
    _tab_naar(page, "Naam")  # the first choice of "Welk gegeven klopt niet?"
    page.keyboard.press("Space")
    _tab_naar(page, "Wat staat er nu?")
    page.keyboard.type("Jan Willem Jansen")
    _tab_naar(page, "Wat moet het zijn?")
    page.keyboard.type("Jan-Willem Jansen")
    _tab_naar(page, "Correctie aanvragen")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Wij hebben uw aanvraag ontvangen").wait_for()
    zaak = Zaak.objects.get(product=catalogus["correctie"])
    assert zaak.aanvraag.antwoorden["gegeven"] == "Naam"
    assert zaak.aanvraag.antwoorden["juist"] == "Jan-Willem Jansen"


def test_kernflows_zonder_javascript(browser, live_server):
    """Aanvraag, vraag stellen and a correction of my data, with JavaScript switched off."""
    catalogus = _gegevens()
    page = _nieuwe_pagina(browser, java_script_enabled=False)
    _inloggen(page, live_server)
    _verhuizen_aanvragen(page)
    assert Zaak.objects.filter(product=catalogus["parkeervergunning"]).exists()

    page.goto(f"{live_server.url}/vraag/")
    page.get_by_label("Onderwerp").fill("Afval")
    page.get_by_label("Uw e-mailadres").fill("jan@example.nl")
    page.get_by_label("Uw vraag").fill("Wanneer komt de vuilniswagen?")
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/vraag/ontvangen/")
    page.goto(f"{live_server.url}/mijn/berichten/")
    assert "Wanneer komt de vuilniswagen?" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/mijn/gegevens/")
    page.get_by_role("group", name="Welk gegeven klopt niet?").get_by_label("Adres").check()
    page.get_by_label("Wat moet het zijn?").fill("Dorpsstraat 12A")
    page.get_by_role("button", name="Correctie aanvragen").click()
    page.get_by_role("heading", name="Wij hebben uw aanvraag ontvangen").wait_for()
    assert Zaak.objects.filter(product=catalogus["correctie"]).exists()
    page.context.close()
