"""Registering for an event on the public site: a seat, a place in line, or a clear refusal."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.core.models import AdminUnit
from portal.events.models import EventPage
from portal.registrations import seats
from portal.registrations.contacts import PHONE_INVALID
from portal.registrations.forms import CONSENT_REQUIRED, CONTACT_REQUIRED
from portal.registrations.models import Registration
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def form_url(page) -> str:
    return page.url + "dang-ky/"


def answers(**extra) -> dict:
    return {
        "name": "Nguyễn Thị Lan",
        "phone": "0912 345 678",
        "email": "",
        "commune": "",
        "consent": "on",
        **extra,
    }


def register(client, page, **extra):
    return client.post(form_url(page), answers(**extra))


def test_the_form_asks_for_consent_with_the_notice(client, event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 60

    response = client.get(form_url(event))

    assert response.status_code == 200
    text = response.text
    assert 'name="name"' in text and 'name="phone"' in text and 'name="email"' in text
    assert 'type="checkbox" name="consent"' in text
    assert "Thư viện tỉnh Thái Nguyên" in text  # who sees the data: the organiser
    assert "60" in text  # how long it is kept
    assert "13/2023/NĐ-CP" in text
    assert 'href="/bao-ve-du-lieu-ca-nhan/"' in text


def test_registration_pages_are_never_cached_or_indexed(client, event):
    response = client.get(form_url(event))

    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    # Not "no-referrer": browsers would then send "Origin: null" and the form's CSRF check would fail.
    assert response["Referrer-Policy"] == "same-origin"


def test_registering_gives_a_seat_and_a_page_to_keep(client, event, communes):
    commune = AdminUnit.objects.valid_on().filter(level="commune").first()

    response = register(client, event, commune=commune.pk)

    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.phone == "0912345678"
    assert registration.commune == commune and registration.consent_at is not None
    assert response.status_code == 302 and registration.token in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-store"
    assert "Nguyễn Thị Lan" in page.text and event.title in page.text
    assert "0912 345 678" in page.text and commune.name in page.text
    assert f"{form_url(event)}{registration.token}/huy/" in page.text  # the cancel button


def test_an_email_gives_the_event_time_place_and_an_absolute_cancel_link(client, event):
    register(client, event, phone="", email="Lan.Nguyen@Example.VN")

    registration = Registration.objects.get()
    assert registration.email == "lan.nguyen@example.vn"
    [message] = mail.outbox
    assert message.to == ["lan.nguyen@example.vn"] and event.title in message.subject
    local_start = timezone.localtime(event.starts_at)
    assert local_start.strftime("%H:%M") in message.body and local_start.strftime("%d/%m/%Y") in message.body
    assert "Nhà văn hóa xã Đại Phúc" in message.body
    assert f"http://testserver{form_url(event)}{registration.token}/huy/" in message.body


def test_a_mail_server_that_is_down_never_undoes_the_registration(client, event, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens

    response = register(client, event, email="lan@example.vn")

    assert response.status_code == 302
    assert Registration.objects.get().email == "lan@example.vn"
    assert client.get(response["Location"]).status_code == 200


def test_the_last_seat_taken_the_next_person_joins_the_waiting_list(client, make_event):
    event = make_event(capacity=2)
    RegistrationFactory.create_batch(2, page=event)

    response = register(client, event)

    registration = Registration.objects.get(name="Nguyễn Thị Lan")
    assert registration.status == "waiting"
    page = client.get(response["Location"])
    with translation.override("vi"):
        assert gettext("You are number %(position)s on the waiting list.") % {"position": 1} in page.text
    assert registration.waiting_position() == 1
    second = register(client, event, phone="0987654321", name="Trần Văn Hùng")
    assert Registration.objects.get(name="Trần Văn Hùng").waiting_position() == 2
    assert second.status_code == 302


def test_a_full_event_without_a_waiting_list_refuses_and_saves_nothing(client, make_event, monkeypatch):
    monkeypatch.setattr(EventPage, "registration_has_waiting_list", lambda page: False)
    event = make_event(capacity=1)
    RegistrationFactory(page=event)

    response = register(client, event)

    assert response.status_code == 200
    assert str(seats.FULL) in response.text
    assert Registration.objects.count() == 1


def test_a_malformed_phone_number_is_refused_with_a_message(client, event):
    response = register(client, event, phone="0912 34", email="lan@example.vn")

    assert response.status_code == 200
    assert str(PHONE_INVALID) in response.text
    assert not Registration.objects.exists()
    assert 'value="Nguyễn Thị Lan"' in response.text  # what was typed is kept


def test_the_same_person_cannot_register_twice(client, event):
    register(client, event, phone="0912345678", email="lan@example.vn")

    by_phone = register(client, event, phone="+84 912 345 678", email="")
    by_email = register(client, event, phone="", email="LAN@example.vn")

    for response in (by_phone, by_email):
        assert response.status_code == 200
        assert str(seats.DUPLICATE) in response.text
    assert Registration.objects.count() == 1


def test_after_cancelling_the_same_person_may_register_again(client, event):
    first = RegistrationFactory(page=event, phone="0912345678")
    seats.cancel(event, first)

    register(client, event, phone="0912345678")

    assert Registration.objects.active().count() == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [({"phone": "", "email": ""}, CONTACT_REQUIRED), ({"consent": ""}, CONSENT_REQUIRED)],
)
def test_contact_and_consent_are_required(client, event, extra, message):
    response = register(client, event, **extra)

    assert response.status_code == 200 and str(message) in response.text
    assert not Registration.objects.exists()


def test_bad_input_never_breaks_the_page(client, event):
    for data in (
        {"commune": "not-a-number"},
        {"commune": "999999"},
        {"email": "không phải thư"},
        {"name": "   "},
        {"name": "x" * 500},
        {"name": "Lan\x00"},
    ):
        response = register(client, event, **data)
        assert response.status_code == 200, data
    assert client.post(form_url(event), {}).status_code == 200
    assert client.put(form_url(event)).status_code == 405
    assert not Registration.objects.exists()


def test_hostile_text_is_stored_as_typed_and_shown_escaped(client, event):
    hostile = '<script>alert("x")</script> =HYPERLINK("http://x")'

    response = register(client, event, name=hostile)

    assert Registration.objects.get().name == hostile
    page = client.get(response["Location"])
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text


def test_closed_registration_shows_a_message_and_no_form(client, make_event):
    past = make_event(starts_at=timezone.now() - datetime.timedelta(days=1))
    cancelled = make_event(status="cancelled")

    for event in (past, cancelled):
        page = client.get(form_url(event))
        assert str(seats.CLOSED) in page.text and "<form" not in page.text.split("<main")[1]
        response = register(client, event)
        assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_page_without_seats_has_no_registration(client, make_event):
    event = make_event(capacity=None)

    assert client.get(form_url(event)).status_code == 404
    assert "registrations-panel" not in client.get(event.url).text


def test_unknown_or_garbage_tokens_are_not_found(client, event):
    assert client.get(form_url(event) + "khong-co/").status_code == 404
    assert client.get(form_url(event) + "x" * 300 + "/").status_code == 404
    assert client.post(form_url(event) + "khong-co/huy/").status_code == 404


def test_an_all_day_event_is_given_by_its_days_only(client, make_event):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=5)).replace(hour=0, minute=0)
    event = make_event(all_day=True, starts_at=start, ends_at=start + datetime.timedelta(days=1))

    register(client, event, phone="", email="lan@example.vn")

    [message] = mail.outbox
    assert start.strftime("%d/%m/%Y") in message.body and "00:00" not in message.body


def test_a_confirmation_address_is_never_offered_for_sharing(client, event):
    confirmation = client.get(register(client, event)["Location"])

    assert confirmation.status_code == 200
    assert "sp.zalo.me" not in confirmation.text and 'id="share-url"' not in confirmation.text
    assert "sp.zalo.me" in client.get(event.url).text  # the event itself may be shared
