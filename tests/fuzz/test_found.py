"""Requests the fuzz and outage tests found answered with a 500 (or without saying why), kept as
plain examples that need no server."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from search import query
from tests.media import corpus
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["csv", "", "²", "1 OR 1=1"])
def test_api_find_with_an_id_that_is_not_a_number_is_a_bad_request(client, portal, value):
    for endpoint in ("pages", "documents", "images"):
        response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})

        assert response.status_code == 400, endpoint
        assert "whole number" in response.json()["message"]


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v2/pages/", "search=%00"),
        ("/api/v2/pages/", "type=resources.LearningResourcePage&slug=a%00b"),
        ("/api/v2/pages/find/", "html_path=/hoc-lieu/%00/"),
        ("/api/v2/documents/", "title=%00"),
    ],
)
def test_api_parameters_with_a_nul_character_are_a_bad_request(client, portal, path, query):
    response = client.get(path, QUERY_STRING=query)

    assert response.status_code == 400
    assert "NUL" in response.json()["message"]


@pytest.mark.parametrize("operator", [" ", "xor", "AND"])
def test_api_search_with_an_unknown_operator_is_a_bad_request(client, portal, operator):
    response = client.get(
        f"/api/v2/pages/{portal.resource.pk}/", {"search": " ", "search_operator": operator}
    )
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]
    assert client.get("/api/v2/pages/", {"search": "chè", "search_operator": "or"}).status_code == 200


def test_api_find_by_id_still_leads_to_the_page(client, portal):
    response = client.get("/api/v2/pages/find/", {"id": str(portal.resource.pk)})

    assert response.status_code == 302
    assert f"/api/v2/pages/{portal.resource.pk}/" in response["Location"]


def test_a_page_whose_social_picture_cannot_be_read_still_answers(client, home, media_root):
    picture = get_image_model().objects.create(
        title="Lớp học cộng đồng",
        file=SimpleUploadedFile("lop-hoc.png", corpus.image(size=(700, 500))),
        collection=Collection.get_first_root_node(),
    )
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    page = LearningResourcePageFactory(parent=section, title="Đọc sách cùng con", thumbnail=picture)
    picture.file.storage.delete(picture.file.name)  # as when the file store does not answer

    response = client.get(page.url)

    assert response.status_code == 200
    assert "Đọc sách cùng con" in response.text and 'property="og:image"' not in response.text


def test_every_search_says_so_while_elasticsearch_is_away(client, portal, settings, caplog):
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = "http://127.0.0.1:9", "elasticsearch"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    query.reset_availability()
    try:
        with caplog.at_level(logging.WARNING, logger="search"):
            pages = [
                client.get("/tim-kiem/", {"q": words}) for words in ("dien thoai", "trồng chè", "ky nang")
            ]
    finally:
        query.reset_availability()

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert all('class="search-notice"' in page.text for page in pages)  # not only the first one
    assert caplog.text.count("Elasticsearch unavailable") == 1  # then it waits before trying again
