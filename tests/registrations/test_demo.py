"""The demo: one upcoming event full with a waiting list, one nearly full; loading twice adds nothing."""

import pytest

from portal.registrations import seats
from portal.registrations.demo import load_registrations_demo
from portal.registrations.models import Registration

pytestmark = pytest.mark.django_db


def test_demo_registrations_fill_one_event_and_nearly_fill_another(make_event, communes):
    small = make_event(capacity=6)
    medium = make_event(capacity=10)
    make_event(capacity=None)
    log = []

    load_registrations_demo(log.append)

    assert seats.seats(small) == seats.Seats(capacity=6, confirmed=6, waiting=3)
    assert seats.seats(medium) == seats.Seats(capacity=10, confirmed=8, waiting=0)
    names = set(Registration.objects.values_list("name", flat=True))
    assert len(names) > 10 and all(len(name.split()) == 3 for name in names)
    count = Registration.objects.count()
    load_registrations_demo(log.append)
    assert Registration.objects.count() == count
