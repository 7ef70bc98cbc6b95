"""Headless Chromium (Debian's, never a downloaded build) driven by Playwright: one browser for the
whole session, shared by every browser test (see the fixtures imported in tests/conftest.py)."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI (make test installs Debian's chromium)")
        pytest.skip("Chromium is not installed; `make test` installs it")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the live server runs in its own.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def wagtail_tree():
    """The locale, root page, root collection and default site Wagtail's migrations create, which a transactional
    test's flush removes; recreated so each browser test starts from the same tree."""
    from wagtail.models import Collection, Locale, Page, Site

    Locale.objects.get_or_create(language_code="vi")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": root})
    return root


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_with_js(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()
