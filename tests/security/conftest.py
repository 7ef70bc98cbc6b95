"""Counters of the request limits live in the cache: each test starts from none."""

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import caches

    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def limits(settings):
    """Set small limits for one test: ``limits(search_api="3/m")``."""

    def set_limits(**buckets):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **buckets}

    return set_limits
