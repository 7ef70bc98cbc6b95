"""The news tree most tests need: home → news index."""

import pytest

from tests.news.factories import NewsIndexPageFactory


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)
