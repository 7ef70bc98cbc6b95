"""Listings on a 360 px phone: results before the filters, filters behind one disclosure that
works without JavaScript, choices applied at once with it, and targets big enough to touch."""

import io

import pytest
from django.core.management import call_command

from tests.factories import HomePageFactory, SubjectFactory, make_site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def library(wagtail_tree):
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
    )

    home = make_site_root(HomePageFactory())
    library = LibraryIndexPageFactory(parent=home)
    section = OrganisationSectionPageFactory(parent=library)
    skills, farming = (
        SubjectFactory(name="Kỹ năng số", slug="ky-nang-so"),
        SubjectFactory(name="Nông nghiệp", slug="nong-nghiep"),
    )
    for number in range(6):
        LearningResourcePageFactory(
            parent=section,
            title=f"Học liệu số {number}",
            subjects=[skills if number % 2 else farming],
        )
    return library


@pytest.fixture
def phone(browser):
    def open_phone(javascript: bool):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        return context.new_page()

    return open_phone


def test_the_first_resource_is_on_the_first_screen_and_filters_wait_behind_a_button(
    live_server, library, phone
):
    page = phone(javascript=False)
    page.goto(live_server.url + "/hoc-lieu/")
    first_card = page.locator(".resource-list > li").first.bounding_box()
    assert first_card["y"] < PHONE["height"]
    assert not page.locator(".filter-panel select").first.is_visible()

    page.locator(".filter-panel summary").click()  # a plain <details>: no script needed
    page.get_by_label("Chủ đề", exact=True).select_option("ky-nang-so")
    page.get_by_role("button", name="Xem học liệu").click()
    assert "subject=ky-nang-so" in page.url
    assert page.locator(".resource-list > li").count() == 3
    assert "(đang chọn 1)" in page.locator(".filter-panel summary").inner_text()


def test_with_javascript_a_choice_applies_at_once(live_server, library, phone):
    page = phone(javascript=True)
    page.goto(live_server.url + "/hoc-lieu/")
    page.locator(".filter-panel summary").click()
    assert not page.get_by_role("button", name="Xem học liệu").is_visible()
    with page.expect_navigation():
        page.get_by_label("Chủ đề", exact=True).select_option("nong-nghiep")
    assert "subject=nong-nghiep" in page.url
    assert page.locator(".resource-list > li").count() == 3


def test_controls_and_links_are_big_enough_to_touch(live_server, library, phone):
    page = phone(javascript=False)
    page.goto(live_server.url + "/hoc-lieu/")
    page.locator(".filter-panel summary").click()
    for select in page.locator(".filter-panel select").all():
        assert select.bounding_box()["height"] >= 44
    page.locator(".site-menu summary").click()
    links = page.locator(".site-nav a").all()
    assert len(links) == 10  # library, courses, collections, programmes, schedule, events, news,
    for link in links:  # centres, indicators, search: every section from a phone, no script
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_wide_screens_show_the_filters_open_beside_the_results(live_server, library, browser):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server.url + "/hoc-lieu/")
    assert page.locator(".filter-panel select").first.is_visible()
    assert page.locator(".site-nav a").first.is_visible()  # the menu stands open
    filters, results = (
        page.locator(".filter-panel").bounding_box(),
        page.locator(".library__results").bounding_box(),
    )
    assert filters["x"] < results["x"] and abs(filters["y"] - results["y"]) < 40


def test_ticking_a_search_facet_applies_at_once_and_boxes_are_touch_sized(live_server, library, phone):
    page = phone(javascript=True)
    call_command("search_index", "--rebuild", stdout=io.StringIO())
    page.goto(live_server.url + "/tim-kiem/?q=hoc+lieu")
    assert page.locator(".search-hit").first.bounding_box()["y"] < PHONE["height"]
    page.locator(".filter-panel summary").click()
    box = page.locator(".search-filters input[type=checkbox]").first
    size = box.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24
    with page.expect_navigation():
        box.check()
    assert "q=hoc+lieu" in page.url and "&" in page.url  # the facet is in the address: applied
