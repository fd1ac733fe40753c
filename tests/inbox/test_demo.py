import pytest

from kanalen.inbox import demo
from kanalen.inbox.models import InkomendBericht
from kcc.core.demo import DemoReport

pytestmark = pytest.mark.django_db


def test_demo_inbox_idempotent():
    demo.load(DemoReport(), production=False)
    demo.load(DemoReport(), production=False)
    assert InkomendBericht.objects.count() == len(demo.MAILS)


def test_geen_demo_mail_in_productie():
    demo.load(DemoReport(), production=True)
    assert not InkomendBericht.objects.exists()
