"""Every page describes itself for machines: its own schema.org node and where it sits."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from portal.core import jsonld
from tests.factories import StandardPageFactory
from tests.structured import structured_data

pytestmark = pytest.mark.django_db


def test_a_page_below_home_carries_its_breadcrumbs(client, home):
    parent = StandardPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    StandardPageFactory(parent=parent, title="Kế hoạch 104/KH-UBND", slug="ke-hoach")

    nodes = structured_data(client.get("/gioi-thieu/ke-hoach/").text)

    (crumbs,) = [node for node in nodes if node["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == [home.title, "Giới thiệu", "Kế hoạch 104/KH-UBND"]
    assert crumbs["itemListElement"][-1]["item"] == "http://testserver/gioi-thieu/ke-hoach/"


def test_text_cannot_close_the_script_element(client, home):
    StandardPageFactory(parent=home, title="</script><script>alert(1)</script>", slug="thu")

    html = client.get("/thu/").text

    assert "</script><script>alert(1)" not in html
    assert structured_data(html)[0]["itemListElement"][-1]["name"].startswith("</script>")


def test_empty_values_are_left_out_and_times_keep_their_offset():
    at = datetime.datetime(2026, 10, 1, 23, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

    node = jsonld.node("Event", name="Ngày hội", description="", startDate=jsonld.moment(at), about=[])

    assert node == {"@type": "Event", "name": "Ngày hội", "startDate": "2026-10-01T23:30:00+07:00"}
    assert jsonld.duration(datetime.timedelta(minutes=25)) == "PT25M"
