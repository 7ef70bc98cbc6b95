"""Library listings: filters without JavaScript, pagination, sorting, and no error on bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
from portal.resources.listing import PAGE_SIZE
from search.indexing import update_pages
from tests.resources.factories import (
    DocumentFactory,
    LearningResourcePageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(vocabularies, library, section):
    """Three resources differing in every filterable respect."""
    other = OrganisationSectionPageFactory(
        parent=library, organisation__name="Thư viện tỉnh Thái Nguyên", organisation__slug="thu-vien-tinh"
    )
    tea = LearningResourcePageFactory(
        parent=section,
        title="Kỹ thuật trồng chè VietGAP",
        resource_type="video",
        subjects=[Subject.objects.get(slug="nong-nghiep")],
        audiences=[Audience.objects.get(slug="nong-dan")],
        languages=[Language.objects.get(slug="vi")],
        level=EducationLevel.objects.get(slug="moi-trinh-do"),
        licence=Licence.objects.get(code="CC-BY-4.0"),
    )
    song = LearningResourcePageFactory(
        parent=other,
        title="Hát then Tày",
        resource_type="audio",
        subjects=[Subject.objects.get(slug="van-hoa-doc")],
        languages=[Language.objects.get(slug="tyz")],
        licence=Licence.objects.get(code="CC-BY-NC-SA-4.0"),
    )
    law = LearningResourcePageFactory(
        parent=section,
        title="Hỏi đáp Luật Đất đai",
        subjects=[Subject.objects.get(slug="phap-luat")],
        languages=[Language.objects.get(slug="vi")],
        licence=Licence.objects.get(code="CC0-1.0"),
    )
    return {"tea": tea, "song": song, "law": law}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"subject": "nong-nghiep"}, {"tea"}),
        ({"type": "audio"}, {"song"}),
        ({"level": "moi-trinh-do"}, {"tea"}),
        ({"audience": "nong-dan"}, {"tea"}),
        ({"language": "tyz"}, {"song"}),
        ({"licence": "cc0-1-0"}, {"law"}),
        ({"organisation": "thu-vien-tinh"}, {"song"}),
        ({"language": "vi", "subject": "phap-luat"}, {"law"}),
        ({}, {"tea", "song", "law"}),
    ],
)
@pytest.mark.parametrize("indexed", [True, False], ids=["counted", "index empty"])
def test_filters_narrow_the_library(client, catalogue, params, expected, indexed):
    if indexed:
        update_pages([page.pk for page in catalogue.values()])
    response = client.get("/hoc-lieu/", params)

    assert response.status_code == 200
    shown = {key for key, page in catalogue.items() if page.title in response.text}
    assert shown == expected


def test_filter_options_are_the_search_facets_with_their_counts(client, catalogue):
    update_pages([page.pk for page in catalogue.values()])

    library = client.get("/hoc-lieu/", {"language": "vi"}).text
    search = client.get("/api/search/", {"language": "vi"}).json()["facets"]

    subjects = {count["label"]: count["count"] for count in search["subject"]}
    assert subjects == {"Pháp luật": 1, "Nông nghiệp và chuyển giao công nghệ": 1}
    for label, count in subjects.items():
        assert f">{label} ({count})</option>" in library
    assert "Văn hóa và văn hóa đọc (" not in library  # no resource in Vietnamese: not offered


def test_filter_form_is_a_plain_get_form(client, catalogue):
    html = client.get("/hoc-lieu/").text

    assert '<form class="filters" method="get"' in html
    for name in ("subject", "type", "level", "audience", "language", "licence", "organisation", "sort"):
        assert f'name="{name}"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"subject": "khong-ton-tai"},
        {"subject": "\x00"},
        {"licence": "x" * 5000},
        {"type": "virus"},
        {"language": "vi'; DROP TABLE"},
        {"sort": "-id"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "9" * 400},
        {"organisation": "%00"},
    ],
)
def test_malformed_parameters_never_fail(client, catalogue, params):
    response = client.get("/hoc-lieu/", params)

    assert response.status_code == 200
    assert "Kỹ thuật trồng chè VietGAP" in response.text


def test_a_filter_not_understood_is_reported_and_left_out(client, catalogue):
    response = client.get("/hoc-lieu/", {"subject": "khong-ton-tai", "type": "audio"})

    assert 'role="status"' in response.text
    assert "Hát then Tày" in response.text
    assert "Kỹ thuật trồng chè VietGAP" not in response.text


def test_pagination_keeps_filters(client, vocabularies, section):
    health = Subject.objects.get(slug="suc-khoe")
    for number in range(PAGE_SIZE + 3):
        LearningResourcePageFactory(parent=section, title=f"Sức khỏe bài {number:02d}", subjects=[health])

    first = client.get("/hoc-lieu/", {"subject": "suc-khoe"})
    second = client.get("/hoc-lieu/", {"subject": "suc-khoe", "page": "2"})

    assert first.status_code == second.status_code == 200
    assert 'href="?subject=suc-khoe&amp;page=2"' in first.text
    assert "Sức khỏe bài 00" in second.text  # newest first: the oldest are on the last page
    assert "Sức khỏe bài 22" in first.text


def test_most_downloaded_sort_sums_the_counts_of_all_files(client, section):
    from media.models import DownloadCounter

    quiet = LearningResourcePageFactory(parent=section, title="Ít người tải")
    popular = LearningResourcePageFactory(parent=section, title="Nhiều người tải")
    for resource, counts in ((quiet, [5]), (popular, [4, 3])):
        for count in counts:
            document = DocumentFactory()
            ResourceFileFactory(page=resource, document=document)
            DownloadCounter.objects.create(document=document, count=count)
    LearningResourcePageFactory(parent=section, title="Chưa ai tải")

    html = client.get("/hoc-lieu/", {"sort": "downloads"}).text

    assert html.index("Nhiều người tải") < html.index("Ít người tải") < html.index("Chưa ai tải")
    assert "7 downloads" in html or "7 lượt tải" in html


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_resources(section, subjects, languages, count):
    added = []
    for _number in range(count):
        resource = LearningResourcePageFactory(parent=section, subjects=subjects, languages=languages)
        ResourceFileFactory(page=resource)
        added.append(resource.pk)
    update_pages(added)  # as publishing does: the filters' counts come from the search index


def test_library_and_resource_page_run_a_constant_number_of_queries(client, vocabularies, section):
    subjects = list(Subject.objects.all()[:3])
    languages = list(Language.objects.all()[:2])
    _add_resources(section, subjects, languages, 10)
    resource = LearningResourcePageFactory(parent=section, subjects=subjects, languages=languages)
    ResourceFileFactory(page=resource)
    ResourceFileFactory(page=resource)
    client.get("/hoc-lieu/")  # warm the site-root cache
    library_with_10 = _count_queries(client, "/hoc-lieu/?sort=downloads")
    resource_with_10 = _count_queries(client, resource.url)

    _add_resources(section, subjects, languages, 90)
    library_with_100 = _count_queries(client, "/hoc-lieu/?sort=downloads")
    resource_with_100 = _count_queries(client, resource.url)
    section_with_100 = _count_queries(client, section.url)

    assert library_with_10 == library_with_100
    assert resource_with_10 == resource_with_100
    assert max(library_with_100, resource_with_100, section_with_100) <= 30
