"""Fifty people pressing "Register" at once for the last ten seats: exactly ten get one.

Runs against the real database (PostgreSQL in CI) with threads, each on its own connection, so
the page-row lock in ``seats.register`` is what keeps the count exact.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from portal.registrations import seats
from portal.registrations.models import Registration
from tests.registrations.factories import RegistrationFactory

PEOPLE = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_ten_seats_confirm_exactly_ten(make_event):
    event = make_event(capacity=25)
    RegistrationFactory.create_batch(15, page=event)
    start = threading.Barrier(PEOPLE)

    def register(number: int) -> str:
        try:
            start.wait(timeout=30)
            registration = seats.register(event, name=f"Người thứ {number}", phone=f"0987{number:06d}")
            return registration.status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        statuses = list(pool.map(register, range(PEOPLE)))

    assert statuses.count("confirmed") == 10 and statuses.count("waiting") == 40
    assert Registration.objects.filter(page=event).confirmed().count() == 25
    positions = sorted(registration.waiting_position() for registration in Registration.objects.waiting())
    assert positions == list(range(1, 41))


@pytest.mark.django_db(transaction=True)
def test_the_same_person_twice_at_once_is_registered_once(make_event):
    event = make_event(capacity=5)
    start = threading.Barrier(10)

    def register(_number: int) -> str:
        try:
            start.wait(timeout=30)
            seats.register(event, name="Đặng Thu Hà", phone="0912345678")
            return "registered"
        except seats.RegistrationRefused:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(register, range(10)))

    assert outcomes.count("registered") == 1 and outcomes.count("refused") == 9
    assert Registration.objects.filter(page=event).count() == 1
