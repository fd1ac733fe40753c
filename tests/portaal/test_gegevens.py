import re

from django.core import mail

from kcc.audit.services import verwerking_vastleggen
from kcc.portaal.ratelimit import TE_VAAK
from klanten.models import DigitaalAdres, Toestemming
from klanten.validators import TELEFOON_ONGELDIG
from tests.factories import UserFactory


def test_gegevens_shows_brp_data_with_fetch_date(jan_client):
    page = jan_client.get("/mijn/gegevens/").content.decode()
    assert "Jan Willem Jansen" in page and "Dorpsstraat 12" in page
    assert "Basisregistratie Personen" in page and "Opgehaald op" in page


def test_email_verified_by_signed_link(jan_client, jan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = jan_client.post("/mijn/gegevens/email/", {"email": "Jan@Example.NL"})
    assert response.status_code == 302
    adres = DigitaalAdres.objects.get(klant=jan.klant, soort="email")
    assert adres.geverifieerd_op is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [adres.waarde]
    link = re.search(
        r"http://testserver(/mijn/gegevens/email/bevestigen/[^/\s]+/)", mail.outbox[0].body
    )[1]
    assert jan_client.get(link).status_code == 200
    jan_client.post(link)
    adres.refresh_from_db()
    assert adres.geverifieerd_op is not None


def test_verification_link_of_other_citizen_fails(
    client, jan, maria, django_capture_on_commit_callbacks
):
    c = client
    c.force_login(jan)
    with django_capture_on_commit_callbacks(execute=True):
        c.post("/mijn/gegevens/email/", {"email": "jan@example.nl"})
    link = re.search(
        r"http://testserver(/mijn/gegevens/email/bevestigen/[^/\s]+/)", mail.outbox[0].body
    )[1]
    c.force_login(maria)
    assert c.post(link).status_code == 400
    assert c.post(link[:-3] + "xx/").status_code == 400
    assert DigitaalAdres.objects.get(soort="email").geverifieerd_op is None


def test_phone_normalised_and_other_citizen_404(client, jan, maria):
    client.force_login(jan)
    response = client.post("/mijn/gegevens/telefoon/", {"telefoon": "06-1234"})
    assert TELEFOON_ONGELDIG in response.content.decode()
    client.post("/mijn/gegevens/telefoon/", {"telefoon": "06-12345678"})
    adres = DigitaalAdres.objects.get(klant=jan.klant)
    assert adres.waarde == "+31612345678"
    client.force_login(maria)
    assert client.post(f"/mijn/gegevens/adressen/{adres.pk}/verwijderen/").status_code == 404
    assert client.post(f"/mijn/gegevens/adressen/{adres.pk}/voorkeur/").status_code == 404
    assert DigitaalAdres.objects.filter(pk=adres.pk).exists()


def test_consent_given_and_withdrawn_with_history(jan_client, jan):
    for keuze in ("ja", "nee"):
        jan_client.post(
            "/mijn/gegevens/toestemming/", {"soort": "digitale_post", "verleend": keuze}
        )
    rows = list(Toestemming.objects.filter(klant=jan.klant).order_by("id"))
    assert [r.verleend for r in rows] == [True, False] and rows[0].bron == "portaal"
    page = jan_client.get("/mijn/gegevens/").content.decode()
    assert "Gegeven" in page and "Ingetrokken" in page


def test_voorkeurskanaal(jan_client, jan):
    jan_client.post("/mijn/gegevens/voorkeur/", {"voorkeurskanaal": "email"})
    jan.klant.refresh_from_db()
    assert jan.klant.voorkeurskanaal == "email"


def test_inzage_by_function_and_afdeling_never_name(
    jan_client, jan, roles_ready, afdeling_burgerzaken
):
    medewerker = UserFactory(
        username="piet",
        first_name="Piet",
        last_name="Geheim",
        functie="Klantadviseur",
        afdelingen=[afdeling_burgerzaken],
    )
    verwerking_vastleggen(
        klant_ids=[jan.klant.pk], medewerker=medewerker, actie="gelezen", scherm="console"
    )
    page = jan_client.get("/mijn/gegevens/inzage/").content.decode()
    assert "Klantadviseur" in page and "Burgerzaken" in page
    assert "Piet" not in page and "Geheim" not in page


def test_forms_rate_limited(jan_client):
    for _ in range(10):
        jan_client.post("/mijn/gegevens/voorkeur/", {"voorkeurskanaal": "email"})
    response = jan_client.post("/mijn/gegevens/voorkeur/", {"voorkeurskanaal": "post"})
    assert response.status_code == 429 and TE_VAAK in response.content.decode()


def test_csrf_enforced(jan):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(jan)
    assert client.post("/mijn/gegevens/voorkeur/", {"voorkeurskanaal": "email"}).status_code == 403
