"""The local BRP/KVK providers behind the `responses` library, for tests.

Our clients make real HTTP calls with `requests`; `responses` intercepts them at the
HTTP boundary and hands the request to the provider views through Django's test client.
So the client code and the provider are both exercised, with no network.
"""

from __future__ import annotations

import re

import responses
from django.conf import settings
from django.test import Client


def _doorgeven(method: str, pad_van):
    def callback(request):
        client = Client()
        headers = {k: v for k, v in request.headers.items() if k.lower() in ("x-api-key", "apikey")}
        pad = pad_van(request.url)
        if method == "POST":
            response = client.post(
                pad, data=request.body, content_type="application/json", headers=headers
            )
        else:
            response = client.get(pad, headers=headers)
        return response.status_code, {"Content-Type": response["Content-Type"]}, response.content

    return callback


def registreer_providers(rsps: responses.RequestsMock) -> None:
    brp_url = settings.BRP_API_URL.rstrip("/") + "/personen"
    rsps.add_callback(
        responses.POST,
        brp_url,
        callback=_doorgeven("POST", lambda _url: "/demo-brp/haalcentraal/api/brp/personen"),
    )
    kvk_basis = settings.KVK_API_URL.rstrip("/")
    rsps.add_callback(
        responses.GET,
        re.compile(re.escape(kvk_basis) + r"/v\d/.*"),
        callback=_doorgeven("GET", lambda url: "/demo-kvk/api" + url[len(kvk_basis) :]),
    )
