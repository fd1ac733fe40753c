"""Language: pages are Dutch and say so, whatever the browser asks for."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept", ["en", "en-GB,en;q=0.9", "de", "nl"])
@pytest.mark.parametrize("pad", ["/", "/accounts/login/", "/prestaties/", "/bestaat/niet/"])
def test_lang_attribute_is_the_language_served(accept, pad):
    response = Client(HTTP_ACCEPT_LANGUAGE=accept).get(pad)
    inhoud = response.content.decode()
    assert '<html lang="nl"' in inhoud, (pad, accept)
    assert response["Content-Language"] == "nl"


def test_only_languages_with_a_catalogue_are_offered():
    """Dutch is the source language; any other needs its compiled catalogue."""
    for code, _naam in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        catalogus = Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.mo"
        assert catalogus.exists(), f"{code} staat in LANGUAGES zonder {catalogus}"


def test_switching_to_english_is_refused_quietly():
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="nl"' in client.get("/").content.decode()
