"""The bench's load driver: every request counted once, across client processes."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from kcc.bench.load import RequestSpec, run


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        status = 200 if self.path.startswith("/ok") else 500
        body = b"fout" if status == 500 else b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Server-Timing", "app;dur=1.50")
        self.send_header("X-KCC-Queries", "3")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_alle_verzoeken_precies_een_keer_over_de_clients(server):
    specs = [RequestSpec("GET", f"/ok/{i}") for i in range(7)]
    result = run(
        name="ok",
        base_url=server,
        specs=specs,
        concurrency=3,
        total=50,
        session_factory=requests.Session,
    )
    summary = result.summary()
    assert result.requests == 50 and result.errors == 0
    assert result.status_counts == {200: 50}
    assert len(result.latencies_ms) == len(result.server_ms) == len(result.queries) == 50
    assert summary["server_p95_ms"] == 1.5 and summary["queries_per_request_max"] == 3


def test_een_onverwachte_status_is_een_fout_met_de_eerste_melding(server):
    specs = [RequestSpec("GET", "/ok"), RequestSpec("GET", "/stuk")]
    result = run(
        name="half",
        base_url=server,
        specs=specs,
        concurrency=2,
        total=10,
        session_factory=requests.Session,
    )
    assert result.requests == 10
    assert result.errors == 5
    assert result.first_error == "GET /stuk -> 500: fout"


def test_een_onbereikbare_server_is_een_fout_geen_hang():
    result = run(
        name="weg",
        base_url="http://127.0.0.1:9",
        specs=[RequestSpec("GET", "/")],
        concurrency=2,
        total=4,
        session_factory=requests.Session,
        timeout=2,
    )
    assert result.requests == 0 and result.errors == 4
    assert result.first_error.startswith("GET / -> ConnectionError")
