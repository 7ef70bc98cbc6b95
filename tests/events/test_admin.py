"""Editors adding an event in the admin get a clear message for impossible times, and nothing saved."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.events.models import EventPage
from portal.events.models.events import END_BEFORE_START

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-dai-123")
    client.force_login(user)
    return client


def event_form(**overrides) -> dict:
    data = {
        "title": "Ngày hội đọc sách",
        "slug": "ngay-hoi-doc-sach",
        "summary": "",
        "starts_at": "2030-04-21 10:00",
        "ends_at": "2030-04-21 09:00",
        "status": "scheduled",
        "online_url": "",
        "venue": "",
        "address": "",
        "body": streamfield([]),
        "related_resources": inline_formset([]),
        "is_free": "on",
        "cost": "",
        "capacity": "",
        "accessibility": "",
        "comments": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def test_an_event_ending_before_it_starts_gets_the_message_and_is_not_created(editor_client, index):
    response = editor_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form())

    assert response.status_code == 200  # the form again, not a redirect
    assert str(END_BEFORE_START) in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_sound_event_is_created(editor_client, index):
    response = editor_client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(ends_at="2030-04-21 11:30")
    )

    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.start_day.isoformat() == "2030-04-21"
    assert event.starts_at.hour == 3  # 10:00 in Vietnam, stored in UTC
