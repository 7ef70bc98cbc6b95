"""The page editor fills the address as the title is typed, with the server's transliteration."""

import pytest
from playwright.sync_api import expect

from tests.core.test_slugs import SLUG_CASES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_a_vietnamese_title_fills_a_readable_slug(
    live_server, browser, wagtail_tree, django_user_model
):
    from tests.factories import HomePageFactory, make_site_root

    home = make_site_root(HomePageFactory(parent=wagtail_tree))
    django_user_model.objects.create_superuser("bien-tap", "bien-tap@example.org", "mat-khau-dai-123")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "bien-tap")
    page.fill("#id_password", "mat-khau-dai-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    typed = {}
    for title, expected in SLUG_CASES:
        page.goto(f"{live_server.url}/admin/pages/add/core/standardpage/{home.pk}/")
        page.locator("#id_title").press_sequentially(title, delay=5)
        page.locator("#id_title").blur()
        # Synced after a pause (awaited by Playwright: wait_for_function would evaluate a string,
        # which the admin's CSP forbids).
        expect(page.locator("#id_slug")).to_have_value(expected)
        typed[title] = page.locator("#id_slug").input_value()
    context.close()

    assert typed == dict(SLUG_CASES)
