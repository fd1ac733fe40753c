"""IMAP poller against a small IMAP server on loopback (a real IMAP exchange)."""

from __future__ import annotations

import re
import socketserver
import threading

import pytest

from kanalen.inbox import imap
from kanalen.inbox.models import InkomendBericht
from tests.inbox.mails import mail

pytestmark = pytest.mark.django_db


class _Postbus:
    def __init__(self, berichten: dict[int, bytes]):
        self.berichten = berichten
        self.gezien: set[int] = set()
        self.logins: list[tuple[str, str]] = []


def _server(postbus: _Postbus):
    class Handler(socketserver.StreamRequestHandler):
        def _stuur(self, regel: bytes) -> None:
            self.wfile.write(regel + b"\r\n")

        def handle(self) -> None:
            self._stuur(b"* OK IMAP4rev1 testserver")
            for ruw in self.rfile:
                tag, _, rest = ruw.strip().partition(b" ")
                opdracht = rest.upper()
                if opdracht.startswith(b"CAPABILITY"):
                    self._stuur(b"* CAPABILITY IMAP4rev1")
                elif opdracht.startswith(b"LOGIN"):
                    delen = rest.split(b" ")
                    postbus.logins.append(
                        (delen[1].strip(b'"').decode(), delen[2].strip(b'"').decode())
                    )
                elif opdracht.startswith(b"SELECT"):
                    self._stuur(b"* %d EXISTS" % len(postbus.berichten))
                elif opdracht.startswith(b"UID SEARCH"):
                    ongezien = [
                        str(u).encode() for u in postbus.berichten if u not in postbus.gezien
                    ]
                    self._stuur(b"* SEARCH " + b" ".join(ongezien))
                elif opdracht.startswith(b"UID FETCH"):
                    uid = int(rest.split(b" ")[2])
                    inhoud = postbus.berichten[uid]
                    self.wfile.write(
                        b"* %d FETCH (UID %d BODY[] {%d}\r\n" % (uid, uid, len(inhoud))
                    )
                    self.wfile.write(inhoud + b")\r\n")
                elif opdracht.startswith(b"UID STORE"):
                    uid = int(rest.split(b" ")[2])
                    postbus.gezien.add(uid)
                    self._stuur(b"* %d FETCH (UID %d FLAGS (\\Seen))" % (uid, uid))
                elif opdracht.startswith(b"LOGOUT"):
                    self._stuur(b"* BYE")
                    self._stuur(tag + b" OK LOGOUT klaar")
                    return
                self._stuur(tag + b" OK klaar")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_imap_haalt_ongelezen_mail_op_en_markeert_gelezen():
    postbus = _Postbus(
        {
            1: mail(message_id="<imap-1@example.nl>", onderwerp="Eerste"),
            2: mail(message_id="<imap-2@example.nl>", onderwerp="Tweede"),
        }
    )
    server = _server(postbus)
    try:
        url = f"imap://kcc%40gemeente.nl:geheim@127.0.0.1:{server.server_address[1]}/INBOX"
        assert imap.imap_ophalen(url=url) == 2
        assert postbus.gezien == {1, 2}
        assert postbus.logins == [("kcc@gemeente.nl", "geheim")]
        # A second poll finds nothing new; the same mail never becomes two items.
        assert imap.imap_ophalen(url=url) == 0
    finally:
        server.shutdown()
        server.server_close()
    assert set(InkomendBericht.objects.values_list("onderwerp", flat=True)) == {"Eerste", "Tweede"}


def test_imap_zonder_url_doet_niets(settings):
    settings.KCC_IMAP_URL = ""
    assert imap.imap_ophalen() == 0


@pytest.mark.parametrize("url", ["http://x", "imaps://host", "imaps://@/INBOX"])
def test_ongeldige_imap_url(url):
    with pytest.raises(ValueError, match=re.escape(imap.ONGELDIGE_URL)):
        imap.imap_config(url)


def test_imap_config():
    config = imap.imap_config("imaps://user:p%40ss@mail.example.nl/Postvak")
    assert (config.ssl, config.host, config.port, config.wachtwoord, config.map) == (
        True,
        "mail.example.nl",
        993,
        "p@ss",
        "Postvak",
    )
