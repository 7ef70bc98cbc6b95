"""The centres index and a centre's page, as a visitor sees them."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.centres.factories import CentreClassFactory, CentreFactory, CommuneFactory
from tests.factories import AdminUnitFactory

pytestmark = pytest.mark.django_db

TITLES = re.compile(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>')


def listed(html: str) -> list[str]:
    return TITLES.findall(html)


@pytest.fixture
def tan_cuong(centre_index):
    old = AdminUnitFactory(
        name="Phúc Trìu",
        slug="xa-phuc-triu",
        valid_from=datetime.date(2000, 1, 1),
        valid_until=datetime.date(2025, 6, 30),
    )
    commune = CommuneFactory(name="Tân Cương", slug="2025-xa-tan-cuong")
    old.successors.add(commune)
    centre = CentreFactory(
        parent=centre_index,
        title="Trung tâm học tập cộng đồng xã Tân Cương",
        commune=commune,
        latitude="21.567000",
        longitude="105.760000",
        uses_it=True,
        has_internet=True,
    )
    CentreClassFactory(
        page=centre,
        title="Chuyển giao kỹ thuật trồng chè",
        kind="technology-transfer",
        seats=0,
        starts=datetime.date(2026, 9, 7),
        ends=datetime.date(2026, 12, 1),
    )
    CentreClassFactory(page=centre, title="Kỹ năng số cơ bản", kind="digital-skills", seats=5)
    return centre


@pytest.fixture
def dai_tu(centre_index):
    centre = CentreFactory(
        parent=centre_index,
        title="Trung tâm học tập cộng đồng xã Đại Từ",
        commune=CommuneFactory(name="Đại Từ"),
    )
    CentreClassFactory(page=centre, title="Lớp xóa mù chữ mức độ 2", kind="literacy", seats=0)
    return centre


def test_centre_page_shows_commune_history_map_link_facilities_and_classes(client, tan_cuong):
    html = client.get(tan_cuong.url).text

    assert "Xã Tân Cương" in html and "Phúc Trìu" in html and "1/7/2025" in html
    assert "https://www.openstreetmap.org/?mlat=21.567000&amp;mlon=105.760000" in html
    assert "<iframe" not in html and "<img" not in html  # nothing loads before the link is followed
    assert "Chuyển giao kỹ thuật trồng chè" in html and '<time datetime="2026-09-07">' in html
    assert "Kỹ năng số cơ bản" in html


def test_centre_structured_data_is_an_educational_organisation_with_its_classes(client, tan_cuong):
    html = client.get(tan_cuong.url).text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1))
    centre = next(item for item in data["@graph"] if item["@type"] == "EducationalOrganization")

    assert centre["geo"] == {"@type": "GeoCoordinates", "latitude": 21.567, "longitude": 105.76}
    assert centre["address"]["addressLocality"] == "Xã Tân Cương"
    courses = [offer["itemOffered"] for offer in centre["hasOfferCatalog"]["itemListElement"]]
    assert courses[0]["name"] == "Chuyển giao kỹ thuật trồng chè"
    assert courses[0]["hasCourseInstance"]["startDate"] == "2026-09-07"


def test_index_lists_centres_by_commune_and_filters_without_javascript(client, tan_cuong, dai_tu):
    path = "/trung-tam-hoc-tap-cong-dong/"

    assert listed(client.get(path).text) == [dai_tu.title, tan_cuong.title]
    assert listed(client.get(path + "?q=tan+cuong").text) == [tan_cuong.title]
    assert listed(client.get(path + "?q=PHÚC").text) == []
    assert listed(client.get(path + "?kind=literacy").text) == [dai_tu.title]
    assert listed(client.get(path + "?free=1").text) == [tan_cuong.title]
    assert listed(client.get(path + "?free=1&kind=technology-transfer").text) == []
    assert listed(client.get(path + f"?commune={dai_tu.commune.slug}").text) == [dai_tu.title]


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=-3",
        "?page=999999999999",
        "?commune=%3Cscript%3E",
        "?kind=x&free=yes",
        "?q=" + "a" * 500,
    ],
)
def test_strange_filters_never_fail(client, tan_cuong, query):
    response = client.get("/trung-tam-hoc-tap-cong-dong/" + query)

    assert response.status_code == 200 and "<script>" not in response.text.split("</header>", 1)[-1]


def test_index_paginates_and_keeps_filters_in_page_links(client, centre_index):
    commune = CommuneFactory(name="Phổ Yên")
    for number in range(14):
        CentreFactory(parent=centre_index, title=f"Trung tâm điểm {number:02d}", commune=commune)

    first = client.get(f"/trung-tam-hoc-tap-cong-dong/?commune={commune.slug}")
    second = client.get(f"/trung-tam-hoc-tap-cong-dong/?commune={commune.slug}&page=2")

    assert len(listed(first.text)) == 12 and len(listed(second.text)) == 2
    assert f"commune={commune.slug}&amp;page=2" in first.text


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/trung-tam-hoc-tap-cong-dong/").status_code == 200
    return len(queries)


def test_index_runs_the_same_queries_for_5_or_30_centres(client, centre_index):
    def add(count):
        for _ in range(count):
            centre = CentreFactory(parent=centre_index, commune=CommuneFactory())
            CentreClassFactory(page=centre)

    add(5)
    _queries(client)  # the first request fills the site and locale caches
    _queries(client)  # and stores the site's settings, itself a change
    few = _queries(client)
    add(25)
    _queries(client)  # what pages keep until a change is read again after one

    assert _queries(client) == few


def test_a_class_opening_as_an_event_takes_registrations_online(client, home, dai_tu):
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    opening = EventPageFactory(
        parent=EventIndexPageFactory(parent=home), title="Khai giảng lớp xóa mù chữ", capacity=20
    )
    literacy = dai_tu.classes.get()
    literacy.registration_event = opening
    literacy.save()
    html = client.get(dai_tu.url).text
    assert f'href="{opening.url}dang-ky/">Đăng ký trực tuyến</a>' in html
    assert client.get(f"{opening.url}dang-ky/").status_code == 200
    opening.unpublish()
    assert "Đăng ký trực tuyến" not in client.get(dai_tu.url).text
