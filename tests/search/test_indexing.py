"""Pages reach the search indexes when published, and leave them when unpublished, moved away or deleted."""

import logging

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from search.models import IndexEntry
from search.query import SearchQuery, search
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish through a revision, as the admin does, and run the queued indexing."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


def found(text: str) -> list[str]:
    return [hit.title for hit in search(SearchQuery(text=text, locale="vi")).hits]


def test_published_page_is_found_without_diacritics(home, publish):
    page = publish(
        StandardPageFactory(parent=home, title="Giới thiệu xã hội học tập", introduction="Kế hoạch 104")
    )

    assert found("gioi thieu xa hoi hoc tap") == ["Giới thiệu xã hội học tập"]
    entry = IndexEntry.objects.get(doc_id=str(page.pk))
    assert entry.family == "pages" and entry.document["url"] == page.url


def test_body_text_is_searchable(home, publish):
    page = StandardPageFactory(parent=home, title="Trợ giúp")
    page.body = [("paragraph", "<p>Liên hệ <b>trung tâm</b> khi quên mật khẩu</p>")]
    publish(page)

    assert found("quen mat khau") == ["Trợ giúp"]


def test_unpublished_and_deleted_pages_leave_the_index(home, publish, django_capture_on_commit_callbacks):
    first = publish(StandardPageFactory(parent=home, title="Trang thứ nhất"))
    second = publish(StandardPageFactory(parent=home, title="Trang thứ hai"))

    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()

    assert found("trang") == []
    assert not IndexEntry.objects.exists()


def test_moved_page_is_indexed_with_its_new_address(home, publish, django_capture_on_commit_callbacks):
    parent = publish(StandardPageFactory(parent=home, title="Mục A", slug="muc-a"))
    page = publish(StandardPageFactory(parent=home, title="Hướng dẫn", slug="huong-dan"))

    with django_capture_on_commit_callbacks(execute=True):
        page.move(parent, pos="last-child")

    assert IndexEntry.objects.get(doc_id=str(page.pk)).document["url"] == "/muc-a/huong-dan/"


def test_restricted_pages_stay_out(home, publish):
    private = StandardPageFactory(parent=home, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    publish(StandardPageFactory(parent=private, title="Tài liệu nội bộ"))

    assert found("noi bo") == []


def test_elasticsearch_down_never_blocks_publishing(home, publish, settings, caplog):
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = "http://127.0.0.1:9", "elasticsearch"
    settings.ELASTICSEARCH_TIMEOUT = 0.5

    with caplog.at_level(logging.WARNING, logger="search"):
        page = publish(StandardPageFactory(parent=home, title="Lịch học hè"))

    assert page.live and IndexEntry.objects.filter(doc_id=str(page.pk)).exists()
    assert "elasticsearch index not updated" in caplog.text


def test_check_reports_drift_and_rebuild_repairs_it(home, publish, capsys):
    publish(StandardPageFactory(parent=home, title="Đã lập chỉ mục"))
    StandardPageFactory(parent=home, title="Chưa lập chỉ mục")  # created live without a publish signal

    with pytest.raises(CommandError):
        call_command("search_index", "--check")
    assert "database/pages: 1 missing, 0 stale, 0 orphaned" in capsys.readouterr().out

    call_command("search_index", "--rebuild")
    assert "database/pages: 2 documents" in capsys.readouterr().out
    call_command("search_index", "--check")
    assert sorted(found("lap chi muc")) == ["Chưa lập chỉ mục", "Đã lập chỉ mục"]


def test_rebuild_fills_elasticsearch_too(home, publish, settings, elasticsearch_url, es_prefix, capsys):
    from search.backends import get_backend

    publish(StandardPageFactory(parent=home, title="Ngày hội đọc sách"))
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = elasticsearch_url, "elasticsearch"
    settings.ELASTICSEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_TIMEOUT = es_prefix, 10
    try:
        call_command("search_index", "--rebuild")
        results = search(SearchQuery(text="ngay hoi doc sach", locale="vi"))
        assert results.backend == "elasticsearch" and [hit.title for hit in results.hits] == [
            "Ngày hội đọc sách"
        ]
        call_command("search_index", "--check")
        assert "elasticsearch/pages: 0 missing, 0 stale, 0 orphaned" in capsys.readouterr().out
    finally:
        get_backend("elasticsearch").drop_all()


def test_a_bulk_change_is_indexed_in_one_task_at_the_end(
    home, monkeypatch, django_capture_on_commit_callbacks
):
    from types import SimpleNamespace

    from search import signals
    from search.signals import batched_updates

    batches, real = [], signals.index_pages
    counting = SimpleNamespace(enqueue=lambda ids: batches.append(ids) or real.enqueue(ids))
    monkeypatch.setattr(signals, "index_pages", counting)
    pages = [StandardPageFactory(parent=home, title=f"Lớp học số {number}") for number in range(3)]

    with django_capture_on_commit_callbacks(execute=True), batched_updates():
        for page in pages:
            page.save_revision().publish()
        assert batches == []  # nothing indexed page by page

    assert batches == [[page.pk for page in pages]]
    assert sorted(found("lop hoc so")) == sorted(page.title for page in pages)


def test_a_page_made_private_leaves_every_public_search_at_once_and_returns_when_opened(
    home, publish, client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    section = publish(StandardPageFactory(parent=home, title="Hướng dẫn nội bộ của Sở"))
    child = publish(StandardPageFactory(parent=section, title="Danh bạ cán bộ nội bộ"))

    def shown() -> dict[str, bool]:
        api = client.get(reverse("search_api"), {"q": "noi bo"}).json()
        page = client.get(reverse("search"), {"q": "noi bo"}).content.decode()
        suggestions = client.get(reverse("search_autocomplete"), {"q": "danh ba"}).content.decode()
        return {
            "api": any(hit["title"] == child.title for hit in api["results"]),
            "page": child.title in page,
            "autocomplete": "Danh bạ cán bộ" in suggestions or "Danh b\\u1ea1" in suggestions,
        }

    assert shown() == {"api": True, "page": True, "autocomplete": True}

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.LOGIN
        )
    assert shown() == {"api": False, "page": False, "autocomplete": False}
    assert IndexEntry.objects.filter(document__title=child.title).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert shown()["api"] is True
