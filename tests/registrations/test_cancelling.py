"""Cancelling: asked first, then done; a freed seat goes to the first person waiting, who is told."""

import pytest
from django.core import mail

from portal.registrations import seats
from portal.registrations.models import Registration
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def cancel_url(registration) -> str:
    return f"{registration.page.url}dang-ky/{registration.token}/huy/"


def detail_url(registration) -> str:
    return f"{registration.page.url}dang-ky/{registration.token}/"


@pytest.fixture
def full_event(make_event):
    """Two seats, both taken, and two people waiting (the first with an e-mail address)."""
    event = make_event(capacity=2)
    RegistrationFactory(page=event, name="Hà Văn Sơn")
    RegistrationFactory(page=event, name="Ma Thị Yến")
    RegistrationFactory(page=event, name="Lương Văn Nam", status="waiting", email="nam@example.vn")
    RegistrationFactory(page=event, name="Nông Thị Hoa", status="waiting")
    return event


def test_following_the_cancel_link_only_asks(client, event):
    registration = RegistrationFactory(page=event)

    response = client.get(cancel_url(registration))

    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert '<form method="post"' in response.text
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_confirming_cancels_and_the_page_says_so(client, event):
    registration = RegistrationFactory(page=event)

    response = client.post(cancel_url(registration))

    assert response.status_code == 302 and response["Location"].endswith(detail_url(registration))
    registration.refresh_from_db()
    assert registration.status == "cancelled" and registration.cancelled_at is not None
    page = client.get(detail_url(registration))
    assert "registrations-status--cancelled" in page.text and "registrations-cancel" not in page.text
    assert client.post(cancel_url(registration)).status_code == 302  # twice is harmless


def test_a_freed_seat_goes_to_the_first_waiting_who_gets_an_email(client, full_event):
    first = Registration.objects.get(name="Hà Văn Sơn")

    client.post(cancel_url(first))

    promoted = Registration.objects.get(name="Lương Văn Nam")
    assert promoted.status == "confirmed" and promoted.promoted_at is not None
    assert Registration.objects.get(name="Nông Thị Hoa").waiting_position() == 1
    [message] = mail.outbox
    assert message.to == ["nam@example.vn"] and full_event.title in message.subject
    assert f"http://testserver{cancel_url(promoted)}" in message.body
    page = client.get(detail_url(promoted))
    assert "registrations-status--confirmed" in page.text


def test_someone_promoted_without_email_sees_it_on_their_page(client, full_event):
    Registration.objects.filter(name="Lương Văn Nam").update(status="cancelled")
    client.post(cancel_url(Registration.objects.get(name="Ma Thị Yến")))

    promoted = Registration.objects.get(name="Nông Thị Hoa")
    assert promoted.status == "confirmed" and not mail.outbox
    page = client.get(detail_url(promoted))
    assert "registrations-status--confirmed" in page.text and promoted.promoted_at is not None


def test_leaving_the_waiting_list_frees_no_seat(full_event):
    waiting = Registration.objects.get(name="Lương Văn Nam")

    assert seats.cancel(full_event, waiting) == []
    assert seats.seats(full_event) == seats.Seats(capacity=2, confirmed=2, waiting=1)
