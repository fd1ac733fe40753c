import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _cache_leeg():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
