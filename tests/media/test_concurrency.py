"""Download counts stay exact under concurrent requests against a real (threaded) server."""

import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from media.models import DownloadCounter
from tests.media import corpus

REQUESTS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_downloads_count_fifty(live_server, wagtail_basics, make_document, page_using):
    document = make_document(corpus.pdf("gold"))
    page_using(document)
    url = live_server.url + document.url
    start = threading.Barrier(REQUESTS)

    def download(_):
        start.wait(timeout=30)
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, len(response.read())

    with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
        results = list(pool.map(download, range(REQUESTS)))

    assert results == [(200, document.file.size)] * REQUESTS
    assert DownloadCounter.objects.get(document=document).count == REQUESTS
