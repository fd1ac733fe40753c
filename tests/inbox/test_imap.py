"""IMAP poller against a small IMAP server on loopback (a real IMAP exchange)."""

from __future__ import annotations

import re
import socketserver
import threading

import pytest

from kanalen.inbox import email, imap
from kanalen.inbox.email import kopregels
from kanalen.inbox.models import InkomendBericht
from tests.inbox.mails import mail

pytestmark = pytest.mark.django_db


class _Postbus:
    def __init__(self, berichten: dict[int, bytes]):
        self.berichten = berichten
        self.gezien: set[int] = set()
        self.vlaggen: dict[int, bytes] = {}
        self.opgehaald: list[tuple[int, bytes]] = []
        self.logins: list[tuple[str, str]] = []


def _server(postbus: _Postbus):
    class Handler(socketserver.StreamRequestHandler):
        def _stuur(self, regel: bytes) -> None:
            self.wfile.write(regel + b"\r\n")

        def _fetch(self, rest: bytes) -> None:
            _, _, reeks, onderdeel = rest.split(b" ", 3)
            if b"RFC822.SIZE" in onderdeel:
                for uid in map(int, reeks.split(b",")):
                    grootte = len(postbus.berichten[uid])
                    self._stuur(b"* %d FETCH (UID %d RFC822.SIZE %d)" % (uid, uid, grootte))
                return
            uid = int(reeks)
            inhoud = postbus.berichten[uid]
            postbus.opgehaald.append((uid, onderdeel))
            naam = b"BODY[]"
            if b"HEADER" in onderdeel:
                inhoud, naam = kopregels(inhoud), b"BODY[HEADER]"
            self.wfile.write(b"* %d FETCH (UID %d %s {%d}\r\n" % (uid, uid, naam, len(inhoud)))
            self.wfile.write(inhoud + b")\r\n")

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
                    self._stuur(b"* OK [UIDVALIDITY 42] UIDs geldig")
                elif opdracht.startswith(b"UID SEARCH"):
                    ongezien = [
                        str(u).encode() for u in postbus.berichten if u not in postbus.gezien
                    ]
                    self._stuur(b"* SEARCH " + b" ".join(ongezien))
                elif opdracht.startswith(b"UID FETCH"):
                    self._fetch(rest)
                elif opdracht.startswith(b"UID STORE"):
                    _, _, uid, _, vlaggen = rest.split(b" ", 4)
                    postbus.gezien.add(int(uid))
                    postbus.vlaggen[int(uid)] = vlaggen
                    self._stuur(b"* %s FETCH (UID %s FLAGS %s)" % (uid, uid, vlaggen))
                elif opdracht.startswith(b"LOGOUT"):
                    self._stuur(b"* BYE")
                    self._stuur(tag + b" OK LOGOUT klaar")
                    return
                self._stuur(tag + b" OK klaar")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def postbus_server():
    servers = []

    def start(berichten: dict[int, bytes]) -> tuple[_Postbus, str]:
        postbus = _Postbus(berichten)
        server = _server(postbus)
        servers.append(server)
        return (
            postbus,
            f"imap://kcc%40gemeente.nl:geheim@127.0.0.1:{server.server_address[1]}/INBOX",
        )

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


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


def test_bericht_dat_steeds_mislukt_blokkeert_de_rest_niet(postbus_server, monkeypatch, caplog):
    postbus, url = postbus_server(
        {
            1: mail(message_id="<goed-1@example.nl>", onderwerp="Eerste"),
            2: mail(message_id="<gif@example.nl>", onderwerp="Gif"),
            3: mail(message_id="<goed-3@example.nl>", onderwerp="Derde"),
        }
    )
    echt = email.bericht_ontvangen_email

    def soms_kapot(*, raw_bytes, grootte=None):
        if b"<gif@example.nl>" in raw_bytes:
            raise ValueError("kan niet worden opgeslagen")
        return echt(raw_bytes=raw_bytes, grootte=grootte)

    monkeypatch.setattr(email, "bericht_ontvangen_email", soms_kapot)
    assert imap.imap_ophalen(url=url) == 2  # the broken one does not stop the others
    assert postbus.gezien == {1, 3}
    for _ in range(imap.MAX_POGINGEN - 2):
        assert imap.imap_ophalen(url=url) == 0
        assert 2 not in postbus.gezien  # still tried again on the next poll
    assert imap.imap_ophalen(url=url) == 0
    assert postbus.vlaggen[2] == b"(\\Seen \\Flagged)"
    assert f"na {imap.MAX_POGINGEN} pogingen" in caplog.text
    gif_pogingen = sum(1 for uid, deel in postbus.opgehaald if uid == 2)
    assert imap.imap_ophalen(url=url) == 0  # flagged: no longer in the poll at all
    assert sum(1 for uid, deel in postbus.opgehaald if uid == 2) == gif_pogingen
    assert set(InkomendBericht.objects.values_list("onderwerp", flat=True)) == {"Eerste", "Derde"}


def test_te_grote_mail_alleen_kopregels_opgehaald_en_bewaard(postbus_server, monkeypatch):
    monkeypatch.setattr(email, "MAX_RUW", 5_000)
    groot = mail(
        message_id="<groot@example.nl>",
        onderwerp="Veel foto's",
        bijlagen=[("foto.png", "image/png", b"\x89PNG" + b"x" * 20_000)],
    )
    postbus, url = postbus_server({1: groot, 2: mail(onderwerp="Klein")})
    assert imap.imap_ophalen(url=url) == 2
    assert postbus.gezien == {1, 2}
    assert (1, b"(BODY.PEEK[HEADER])") in postbus.opgehaald
    assert (1, b"(BODY.PEEK[])") not in postbus.opgehaald  # the body never came over
    bericht = InkomendBericht.objects.get(message_id="<groot@example.nl>")
    assert bericht.onderwerp == "Veel foto's" and bericht.afzender_email == "jan@example.nl"
    assert bericht.verwerkingsfout.startswith(email.TE_GROOT.format(mb=0)[:20])
    assert "alleen de kopregels zijn bewaard" in bericht.verwerkingsfout
    assert len(bytes(bericht.ruw)) < 2_000 and not bericht.bijlagen.exists()
    assert InkomendBericht.objects.get(onderwerp="Klein").verwerkingsfout == ""
