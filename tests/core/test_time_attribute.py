"""``<time datetime>`` values are valid HTML: local time with its offset, whole seconds."""

import datetime

from django.template import Context, Template
from django.utils import timezone


def render(value) -> str:
    return Template("{% load portal_html %}{{ value|datetime_attribute }}").render(Context({"value": value}))


def test_a_time_stamped_now_loses_its_microseconds_and_shows_vietnam_time():
    stamped = datetime.datetime(2026, 4, 21, 1, 30, 5, 123456, tzinfo=datetime.UTC)

    with timezone.override("Asia/Ho_Chi_Minh"):
        assert render(stamped) == "2026-04-21T08:30:05+07:00"


def test_a_day_is_written_as_a_day():
    assert render(datetime.date(2026, 4, 21)) == "2026-04-21"
    assert render(None) == ""
