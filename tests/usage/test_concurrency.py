"""Several processes flushing the same month's figures at once lose nothing."""

import threading
from collections import Counter

import pytest
from django.db import connection

from portal.usage.flushing import write
from portal.usage.models import Dimension, SearchCount, UsageCount
from portal.usage.people import month_start


@pytest.mark.django_db(transaction=True)
def test_concurrent_flushes_add_up(wagtail_basics, make_resource):
    page = make_resource(title="Học liệu dùng chung")
    month = month_start()
    counts = Counter(
        {
            ("page", month, "resource", page.pk, "views"): 3,
            ("search", month, "ky nang so", "searches"): 2,
            ("wording", month, "ky nang so", "kỹ năng số"): 2,
        }
    )
    workers, start, errors = 6, threading.Barrier(6), []

    def flush():
        try:
            start.wait()
            write(counts)
        except Exception as error:  # shown by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=flush) for _worker in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    row = UsageCount.objects.get(dimension=Dimension.RESOURCE, key=str(page.pk))
    assert row.views == 3 * workers
    search = SearchCount.objects.get()
    assert search.searches == 2 * workers and search.wordings.get().count == 2 * workers
