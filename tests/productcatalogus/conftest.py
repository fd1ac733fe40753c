import pytest

from kcc.core.demo import DemoReport
from productcatalogus import demo


@pytest.fixture
def demo_catalogus(db):
    """The demo federation and catalogue (with the real UPL when the file is there)."""
    report = DemoReport()
    demo.load(report, production=False)
    demo.load_catalogus(report, production=False)
    return report
