"""Periodic work, enqueued as tasks on cron schedules by ``manage.py scheduler`` (APScheduler).

The entries live in one module, ``settings.SCHEDULE_MODULE`` (``portal/schedule.py``); the
scheduler only enqueues, the worker does the work, so a slow harvest never delays the next
``publish_scheduled``. Nothing relies on a host crontab.
"""

import logging
from dataclasses import dataclass, field

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management import call_command
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def run_command(name: str, *args: str) -> None:
    """A management command as a task, for periodic work that already has a command."""
    call_command(name, *args)


@dataclass(frozen=True)
class Periodic:
    name: str
    cron: str  # minute hour day month weekday, in the portal's time zone
    task: object
    args: tuple = field(default=())

    def trigger(self) -> CronTrigger:
        return CronTrigger.from_crontab(self.cron, timezone=settings.TIME_ZONE)

    def enqueue(self) -> None:
        result = self.task.enqueue(*self.args)
        logger.info("enqueued %s (%s)", self.name, result.id)


def schedule() -> list[Periodic]:
    return import_string(f"{settings.SCHEDULE_MODULE}.SCHEDULE")


def build_scheduler() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
    for entry in schedule():
        scheduler.add_job(
            entry.enqueue,
            entry.trigger(),
            id=entry.name,
            name=entry.name,
            coalesce=True,
            misfire_grace_time=600,
        )
    return scheduler
