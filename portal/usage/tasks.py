"""Periodic work of the usage figures (``portal/schedule.py``, every minute)."""

from django.conf import settings
from django_tasks import task

from portal.usage import recording
from portal.usage.models import SearchCount
from portal.usage.people import month_start


def forget_rare_searches() -> int:
    """Phrases fewer people than the threshold searched in a finished month: the report never
    shows them (people are not added up across months), so their words are not kept."""
    deleted, _by_model = SearchCount.objects.filter(
        month__lt=month_start(), people__lt=settings.USAGE_SEARCH_MIN_PEOPLE
    ).delete()
    return deleted


@task()
def flush_usage_counts() -> int:
    """Counts buffered in this process go to the database; rare phrases of past months go."""
    written = recording.flush()
    forget_rare_searches()
    return written
