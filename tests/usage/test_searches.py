"""Searches people make: grouped without diacritics, shown only once enough people made them."""

import pytest
from django.urls import reverse

from portal.usage import recording
from portal.usage.models import SearchCount
from search.backends import get_backend
from tests.search.conftest import load
from tests.search.corpus import CORPUS
from tests.usage.conftest import GOOGLEBOT, PHONE

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(home):
    return load(get_backend("database"), CORPUS)


def search_as(client, person: int, words: str, **params):
    return client.get(
        "/tim-kiem/", {"q": words, **params}, REMOTE_ADDR=f"198.51.100.{person}", HTTP_USER_AGENT=PHONE
    )


def report(client, editor):
    client.force_login(editor)
    return client.get(reverse("usage_admin:report")).text


def test_a_phrase_shows_once_five_people_searched_it_and_one_person_counts_once(
    client, corpus, provincial_editor
):
    for person in range(3):
        search_as(client, person, "nuôi ong lấy mật")
    for _again in range(10):
        search_as(client, 9, "nuôi ong lấy mật")  # the same person ten times: four people so far
    recording.flush()
    hidden = report(client, provincial_editor)
    client.logout()
    search_as(client, 5, "nuôi ong lấy mật")
    recording.flush()
    shown = report(client, provincial_editor)

    row = SearchCount.objects.get(phrase="nuoi ong lay mat")
    assert "nuôi ong lấy mật" not in hidden
    assert "nuôi ong lấy mật" in shown
    assert (row.searches, row.people) == (14, 5)


def test_phrases_with_and_without_diacritics_group_under_the_commonest_writing(
    client, corpus, provincial_editor
):
    for person in range(3):
        search_as(client, person, "trồng chè")
    for person in range(3, 5):
        search_as(client, person, "trong  che")
    recording.flush()
    page = report(client, provincial_editor)

    assert SearchCount.objects.get().searches == 5
    assert "trồng chè" in page and "trong  che" not in page and "trong che" not in page


def test_searches_with_no_result_are_listed_for_editors(client, corpus, provincial_editor):
    for person in range(5):
        search_as(client, person, "khủng long bạo chúa")
        search_as(client, person, "trồng chè")
    recording.flush()
    client.force_login(provincial_editor)
    response = client.get(reverse("usage_admin:export", args=["csv"]))

    empty_block = response.content.decode("utf-8-sig").split("\r\n\r\n")[-1]  # the last table
    assert SearchCount.objects.get(phrase="khung long bao chua").no_results == 5
    assert SearchCount.objects.get(phrase="trong che").no_results == 0
    assert "khủng long bạo chúa,5,5,5" in empty_block and "trồng chè" not in empty_block


def test_only_new_searches_by_people_are_counted(client, corpus):
    search_as(client, 1, "trồng chè", page="2")
    search_as(client, 1, "trồng chè", subject="nong-nghiep")
    search_as(client, 1, "trồng chè", sort="newest")
    search_as(client, 1, "")
    client.get("/tim-kiem/", {"q": "trồng chè"}, HTTP_USER_AGENT=GOOGLEBOT)
    client.get(reverse("search_autocomplete"), {"q": "trồng chè"}, HTTP_USER_AGENT=PHONE)
    client.get("/api/search/", {"q": "trồng chè"}, HTTP_USER_AGENT=PHONE)

    assert recording.pending() == 0


def test_rare_phrases_of_finished_months_are_forgotten(corpus):
    import datetime

    from portal.usage.tasks import forget_rare_searches

    SearchCount.objects.create(
        month=datetime.date(2025, 1, 1), phrase="nguyen van binh", searches=3, people=2
    )
    SearchCount.objects.create(month=datetime.date(2025, 1, 1), phrase="ky nang so", searches=30, people=12)

    forget_rare_searches()

    assert list(SearchCount.objects.values_list("phrase", flat=True)) == ["ky nang so"]
