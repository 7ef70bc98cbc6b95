"""The schedule: each periodic task is due when its cron says, and runs when enqueued."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.core.scheduling import build_scheduler, schedule

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_periodic_task_and_its_next_run():
    out = io.StringIO()
    call_command("scheduler", "--list", stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == [
        "publish-scheduled-pages",
        "harvest-due-sources",
        "index-recent-downloads",
        "clean-abandoned-uploads",
        "purge-expired-registrations",
        "roll-airings-forward",
        "check-resource-links",
        "flush-usage-counts",
        "remove-abandoned-imports",
    ]
    assert all("next 20" in line for line in lines)


def test_harvests_are_started_at_half_past_one_at_night_in_vietnam():
    (harvests,) = [entry for entry in schedule() if entry.name == "harvest-due-sources"]
    evening = timezone.make_aware(datetime.datetime(2026, 11, 26, 20, 0))

    next_run = harvests.trigger().get_next_fire_time(None, evening)

    assert (next_run.day, next_run.hour, next_run.minute) == (27, 1, 30)
    assert next_run.utcoffset() == datetime.timedelta(hours=7)


def test_every_entry_enqueues_a_task_that_runs(home):
    """With the immediate backend (tests), enqueuing runs the task: none of them fails."""
    from django_tasks import TaskResultStatus

    for entry in schedule():
        result = entry.task.enqueue(*entry.args)
        assert result.status == TaskResultStatus.SUCCESSFUL, (entry.name, result.errors)
    assert len(build_scheduler().get_jobs()) == len(schedule())
