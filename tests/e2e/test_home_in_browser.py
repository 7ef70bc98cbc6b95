"""The home page as a citizen's phone sees it: no JavaScript needed, keyboard usable, light, WCAG AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_WEIGHT_LIMIT = 150 * 1024


@pytest.fixture
def site(wagtail_tree):
    from tests.factories import HomePageFactory, StandardPageFactory, make_site_root

    home = make_site_root(HomePageFactory())
    StandardPageFactory(parent=home, title="Kế hoạch xây dựng xã hội học tập", slug="ke-hoach")
    return home


def test_home_reads_and_navigates_without_javascript(live_server, site, page_without_js, tmp_path):
    page = page_without_js
    transferred = []
    page.on("response", lambda response: transferred.append(len(response.body())))

    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == site.hero_title
    assert sum(transferred) < PAGE_WEIGHT_LIMIT
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.screenshot(path=tmp_path / "home.png", full_page=True)

    page.get_by_label("Tìm học liệu").fill("ke hoach")
    page.get_by_role("button", name="Tìm kiếm").click()
    assert "/tim-kiem/?q=ke+hoach" in page.url


def test_home_has_no_serious_accessibility_violations(live_server, site, page_with_js):
    page_with_js.goto(live_server.url + "/")

    results = Axe().run(page_with_js, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})

    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
