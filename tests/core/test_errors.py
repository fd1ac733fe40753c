import pytest
from django.test import Client


@pytest.mark.django_db
def test_unknown_url_gives_dutch_404(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Pagina niet gevonden" in content
    assert 'lang="nl"' in content


@pytest.mark.django_db
def test_500_page_is_dutch_and_standalone(settings):
    from kcc.core.errors import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.django_db
def test_403_page_for_wrong_role(bo_burgerzaken):
    client = Client()
    client.force_login(bo_burgerzaken)
    response = client.get("/console/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.django_db
def test_refused_form_post_gives_dutch_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "kim", "password": "x"})
    assert response.status_code == 403
    content = response.content.decode()
    assert "Formulier verlopen" in content
    assert 'lang="nl"' in content


@pytest.mark.django_db
def test_bad_request_gives_dutch_400(settings):
    settings.ALLOWED_HOSTS = ["kcc.example.nl"]
    response = Client().get("/", HTTP_HOST="ander.example.nl")
    assert response.status_code == 400
    content = response.content.decode()
    assert "Verzoek niet begrepen" in content
    assert 'lang="nl"' in content
