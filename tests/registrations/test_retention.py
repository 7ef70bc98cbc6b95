"""Registrants' details are deleted REGISTRATION_RETENTION_DAYS after their event ends, not before."""

import datetime

import pytest
from django.utils import timezone

from portal.registrations.models import Registration
from portal.registrations.tasks import purge_expired_registrations
from portal.schedule import SCHEDULE
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registrations_go_after_the_retention_period_and_not_before(make_event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    now = timezone.now()
    long_over = make_event(
        starts_at=now - datetime.timedelta(days=40), ends_at=now - datetime.timedelta(days=31)
    )
    lately_over = make_event(
        starts_at=now - datetime.timedelta(days=30), ends_at=now - datetime.timedelta(days=29)
    )
    upcoming = make_event()
    for event in (long_over, lately_over, upcoming):
        RegistrationFactory.create_batch(2, page=event)

    result = purge_expired_registrations.enqueue()

    assert result.return_value == 2
    assert not Registration.objects.filter(page=long_over).exists()
    assert Registration.objects.filter(page=lately_over).count() == 2
    assert Registration.objects.filter(page=upcoming).count() == 2


def test_the_purge_runs_every_day():
    [entry] = [entry for entry in SCHEDULE if entry.task is purge_expired_registrations]
    assert entry.cron.split()[2:] == ["*", "*", "*"]
