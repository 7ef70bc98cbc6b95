"""What the event page says about seats, the privacy notice, and where registrations never appear."""

import pytest

from portal.registrations import seats
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def panel(client, event) -> str:
    text = client.get(event.url).text
    start = text.index('class="registrations-panel"')
    return text[start : text.index("</section>", start)]


def test_the_event_page_shows_seats_left_and_links_the_form(client, make_event):
    event = make_event(capacity=5)
    RegistrationFactory.create_batch(2, page=event)

    shown = panel(client, event)

    assert "3" in shown and f'href="{event.url}dang-ky/"' in shown
    assert "registrations-seats--full" not in shown


def test_a_full_event_offers_the_waiting_list(client, make_event):
    event = make_event(capacity=2)
    RegistrationFactory.create_batch(2, page=event)

    shown = panel(client, event)

    assert "registrations-seats--full" in shown and f'href="{event.url}dang-ky/"' in shown


def test_a_closed_event_offers_no_form(client, make_event):
    event = make_event(status="cancelled")

    shown = panel(client, event)

    assert "dang-ky/" not in shown


def test_a_form_shows_the_seats_left_too(client, make_event):
    event = make_event(capacity=4)
    RegistrationFactory(page=event)

    assert seats.seats(event).left == 3
    assert "registrations-seats" in client.get(event.url + "dang-ky/").text


@pytest.mark.parametrize(
    ("path", "words"),
    [("/bao-ve-du-lieu-ca-nhan/", "Quyền của bạn"), ("/en/bao-ve-du-lieu-ca-nhan/", "Your rights")],
)
def test_the_privacy_notice_explains_the_rights_in_each_language(client, home, path, words):
    response = client.get(path)

    assert response.status_code == 200
    assert words in response.text and "13/2023/NĐ-CP" in response.text


def test_registrations_never_reach_sitemaps_or_calendars(client, rf, event):
    registration = RegistrationFactory(page=event, name="Dương Thị Khánh")

    sitemap_urls = [entry["location"] for entry in event.get_sitemap_urls()]
    calendar = event.ical_route(rf.get(event.url))  # the event's .ics

    assert not any("dang-ky" in url for url in sitemap_urls)
    assert calendar.status_code == 200 and registration.name not in calendar.content.decode()
    assert registration.token not in client.get(event.url).text
