"""What a citizen does on a phone with scripts turned off: search and filter, open and download a
resource, register for an event, play an episode. The pages on the way meet WCAG 2.2 AA, weigh at most
150 KB at first load, ask no other host for anything and are valid HTML."""

import pytest
from django.utils import translation

from tests.media.corpus import pdf
from tests.quality import PHONE, html_errors, require_html_checker, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(wagtail_tree, make_document):
    """A small portal: a library whose resources share a word, an event with seats, an aired episode."""
    import wagtail_factories
    from wagtail.models import Page

    from portal.core import demo_media
    from search.indexing import update_pages
    from tests.factories import HomePageFactory, SubjectFactory, make_site_root
    from tests.programmes.factories import (
        BroadcastProgrammePageFactory,
        EpisodePageFactory,
        ProgrammeIndexPageFactory,
    )
    from tests.registrations.factories import EventIndexPageFactory, EventPageFactory
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
        ResourceFileFactory,
    )

    home = make_site_root(HomePageFactory(hero_image=wagtail_factories.ImageFactory(title="Đồi chè")))
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    farming = SubjectFactory(name="Nông nghiệp", slug="nong-nghiep")
    skills = SubjectFactory(name="Kỹ năng số", slug="ky-nang-so")
    handbook = LearningResourcePageFactory(
        parent=section,
        title="Sổ tay trồng chè an toàn",
        slug="so-tay-trong-che",
        subjects=[farming],
        thumbnail=wagtail_factories.ImageFactory(title="Búp chè"),
    )
    for title, subject in (
        ("Chăm sóc chè an toàn sau thu hoạch", farming),
        ("Thanh toán trực tuyến an toàn", skills),
        ("Dùng điện thoại thông minh", skills),
    ):
        LearningResourcePageFactory(parent=section, title=title, subjects=[subject])
    handbook_bytes = pdf()
    ResourceFileFactory(
        page=handbook, document=make_document(handbook_bytes, "Sổ tay trồng chè.pdf", "Sổ tay (PDF)")
    )
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Ngày hội đọc sách")
    programme = BroadcastProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home))
    episode = EpisodePageFactory(
        parent=programme,
        title="Nghe đọc sách",
        media=make_document(demo_media.audio(2), "nghe-doc-sach.ogg", "Nghe đọc sách"),
    )
    update_pages(Page.objects.values_list("pk", flat=True))
    return {
        "home": home,
        "handbook": handbook,
        "handbook_bytes": handbook_bytes,
        "event": event,
        "episode": episode,
    }


@pytest.fixture
def phone(browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_search_and_filter(live_server, site, phone):
    phone.goto(live_server.url + "/")
    phone.get_by_label("Tìm học liệu").fill("an toan")
    phone.get_by_role("button", name="Tìm kiếm").click()
    assert phone.locator(".search-hit").count() == 3

    phone.locator(".search-filters > summary").click()
    phone.locator(".search-filters input[name=subject][value=nong-nghiep]").check()
    phone.get_by_role("button", name="Áp dụng bộ lọc").click()

    assert "subject=nong-nghiep" in phone.url
    assert sorted(phone.locator(".search-hit h3").all_inner_texts()) == [
        "Chăm sóc chè an toàn sau thu hoạch",
        "Sổ tay trồng chè an toàn",
    ]


def test_open_and_download_a_resource(live_server, site, phone):
    phone.goto(live_server.url + "/hoc-lieu/")
    phone.get_by_role("link", name="Sổ tay trồng chè an toàn").click()
    assert phone.locator("h1").inner_text() == "Sổ tay trồng chè an toàn"

    with phone.expect_download() as download:
        phone.get_by_role("link", name="Sổ tay (PDF)").click()

    assert download.value.suggested_filename == "Sổ tay trồng chè.pdf"
    assert download.value.path().read_bytes() == site["handbook_bytes"]


def test_register_for_an_event(live_server, site, phone):
    phone.goto(live_server.url + site["event"].url)
    phone.locator(".registrations-panel").get_by_role("link", name="Đăng ký").click()

    phone.get_by_label("Họ và tên").fill("Hoàng Văn Thụ")
    phone.get_by_label("Số điện thoại di động").fill("0912 345 678")
    phone.locator("input[name=consent]").check()
    phone.get_by_role("button", name="Đăng ký").click()

    assert phone.locator("h1").inner_text() == "Đăng ký của bạn"
    assert "Hoàng Văn Thụ" in phone.locator(".registrations-facts").first.inner_text()
    assert site["event"].title in phone.content()


def test_play_an_episode(live_server, site, phone):
    phone.goto(live_server.url + site["episode"].url)

    player = phone.locator("audio[controls], video[controls]")
    assert player.count() == 1
    source = player.locator("source").first.get_attribute("src")
    recording = phone.request.get(live_server.url + source)
    assert recording.status == 200
    assert recording.headers["content-type"].startswith("audio/")
    assert len(recording.body()) > 1000


def test_the_pages_on_the_way_meet_the_quality_bars(live_server, site, browser, tmp_path):
    from tests.registrations.factories import RegistrationFactory

    require_html_checker()
    registration = RegistrationFactory(page=site["event"])
    with translation.override("vi"):
        paths = [
            "/",
            "/hoc-lieu/",
            "/tim-kiem/?q=an+toan&subject=nong-nghiep",
            site["handbook"].url,
            site["event"].url,
            site["event"].url + "dang-ky/",
            site["event"].url + f"dang-ky/{registration.token}/",
            site["episode"].url,
        ]
    visits = {path: visit(browser, live_server.url + path) for path in paths}
    invalid = html_errors({path: result.html for path, result in visits.items()}, tmp_path)

    problems = {
        path: result.problems() + [f"HTML: {error}" for error in invalid[path]]
        for path, result in visits.items()
    }
    assert {path: found for path, found in problems.items() if found} == {}
    assert all(result.status == 200 for result in visits.values())
    assert "<img" in visits["/hoc-lieu/"].html  # the image rules were checked on a real picture
