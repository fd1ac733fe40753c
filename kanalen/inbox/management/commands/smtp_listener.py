"""Receive mail for the KCC inbox over SMTP: python manage.py smtp_listener --port 2525."""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand

from kanalen.inbox.smtp import smtp_controller


class Command(BaseCommand):
    help = "Start een SMTP-server die inkomende mail in de KCC-inbox zet."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)

    def handle(self, *args, host: str, port: int, **options) -> None:
        controller = smtp_controller(host=host, port=port)
        controller.start()
        self.stdout.write(f"SMTP-listener luistert op {host}:{port} (Ctrl-C om te stoppen)")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
            self.stdout.write("SMTP-listener gestopt")
