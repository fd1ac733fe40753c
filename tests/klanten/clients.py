"""Test clients for the personas: logged in to the pages, or with an API token."""

from django.test import Client
from rest_framework.authtoken.models import Token


def ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user) -> Client:
    token, _ = Token.objects.get_or_create(user=user)
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client
