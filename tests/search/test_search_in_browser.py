"""The search page in headless Chromium: filters without JavaScript, suggestions with it, WCAG AA.

Each test drives its own Chromium in a worker thread, so it never meets an event loop that other
tests of the session left in the main thread.
"""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from search.backends.database import DatabaseBackend
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.search.conftest import load
from tests.search.corpus import CORPUS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_browser(steps, javascript: bool = True):
    """Run ``steps(page)`` in a fresh phone-sized Chromium page; returns what it returns."""

    def drive():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(
                    java_script_enabled=javascript, viewport={"width": 390, "height": 844}
                )
                return steps(context.new_page())
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(drive).result()


@pytest.fixture
def site():
    from wagtail.models import Locale, Page, Site

    from tests.factories import HomePageFactory, make_site_root

    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI (make test installs Debian's chromium)")
        pytest.skip("Chromium is not installed; `make test` installs it")
    # A transactional test's flush removes the tree Wagtail's migrations made: build it again.
    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": root})
    home = make_site_root(HomePageFactory())
    load(DatabaseBackend(), CORPUS)
    return home


def test_filters_work_without_javascript(live_server, site):
    def steps(page):
        page.goto(live_server.url + "/tim-kiem/?q=nguoi+cao+tuoi")
        page.locator(".filter-panel summary").click()  # the filters wait behind a disclosure
        page.get_by_label("Video").check()
        page.locator(".search-filters button[type=submit]").click()
        return page.url, page.locator(".search-hit h3").all_inner_texts()

    url, titles = in_browser(steps, javascript=False)

    assert "type=video" in url
    assert "Kỹ năng số cho người cao tuổi" in titles
    assert "Chăm sóc sức khỏe người cao tuổi tại nhà" not in titles


def test_typing_offers_title_suggestions(live_server, site):
    def steps(page):
        page.goto(live_server.url + "/tim-kiem/")
        page.locator("#search-q").press_sequentially("ky nang s", delay=30)
        options = page.locator("#search-q-suggestions option")
        options.first.wait_for(state="attached", timeout=5000)
        return [option.get_attribute("value") for option in options.all()]

    assert "Kỹ năng số cho người cao tuổi" in in_browser(steps)


def test_results_page_has_no_serious_accessibility_violations(live_server, site):
    from axe_playwright_python.sync_playwright import Axe

    def steps(page):
        page.goto(live_server.url + "/tim-kiem/?q=ky+nang+so&subject=ky-nang-so")
        results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        violations = results.response["violations"]
        return [
            v["id"] for v in violations if v["impact"] in {"serious", "critical"}
        ], results.generate_report()

    serious, report = in_browser(steps)

    assert serious == [], report
