"""Addresses are routed from the home page in one query, with Wagtail's own outcome: the same
page and sub-route, the same 404s, the same view restrictions."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from portal.core.models import HomePage
from tests.factories import StandardPageFactory, SubjectFactory
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    library = LibraryIndexPageFactory(parent=home)
    section = OrganisationSectionPageFactory(parent=library, organisation__slug="dai-hoc")
    # A section whose slug starts like the library's subject sub-route.
    lookalike = OrganisationSectionPageFactory(parent=library, organisation__slug="chu-de")
    hidden_section = OrganisationSectionPageFactory(parent=library, organisation__slug="an")
    LearningResourcePageFactory(parent=section, slug="ky-nang-so", title="Kỹ năng số cơ bản")
    LearningResourcePageFactory(parent=lookalike, slug="bai-mot")
    LearningResourcePageFactory(parent=hidden_section, slug="van-hien-thi")
    LearningResourcePageFactory(parent=section, slug="nhap").unpublish()
    hidden_section.unpublish()
    about = StandardPageFactory(parent=home, slug="gioi-thieu")
    StandardPageFactory(parent=StandardPageFactory(parent=about, slug="tro-giup"), slug="tai-khoan")
    SubjectFactory(slug="ky-nang-so")
    return home


PATHS = [
    "hoc-lieu/",
    "hoc-lieu/dai-hoc/",
    "hoc-lieu/dai-hoc/ky-nang-so/",
    "hoc-lieu/dai-hoc/nhap/",  # unpublished: 404
    "hoc-lieu/an/",  # unpublished section: 404
    "hoc-lieu/an/van-hien-thi/",  # its live child is still served
    "hoc-lieu/chu-de/ky-nang-so/",  # the library's own sub-route comes first
    "hoc-lieu/chu-de/",  # no sub-route: the section
    "hoc-lieu/chu-de/bai-mot/",
    "hoc-lieu/khong-co/",
    "hoc-lieu/dai-hoc/ky-nang-so/them/",
    "gioi-thieu/tro-giup/tai-khoan/",
    "gioi-thieu/tro-giup/khong-co/",
    "khong-co/",
    "",
]


def outcome(route, request, path):
    try:
        page, args, kwargs = route(request, [part for part in path.split("/") if part])
    except Http404:
        return "404"
    if args:  # a routable page's sub-route: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (view.__name__, tuple(view_args), view_kwargs)
    return page.pk, type(page).__name__, args, kwargs


@pytest.mark.parametrize("path", PATHS)
def test_routing_finds_what_wagtails_walk_finds(tree, path):
    request = RequestFactory().get("/" + path)
    home = HomePage.objects.get(pk=tree.pk)

    fast = outcome(home.route, request, path)
    walked = outcome(super(HomePage, home).route, request, path)

    assert fast == walked


def test_a_routed_page_needs_no_query_for_its_view_restrictions(tree, django_assert_num_queries):
    home = HomePage.objects.get(pk=tree.pk)
    page, _args, _kwargs = home.route(RequestFactory().get("/"), ["hoc-lieu", "dai-hoc", "ky-nang-so"])

    with django_assert_num_queries(0):
        assert not page.get_view_restrictions()
        assert page.get_parent().slug == "dai-hoc"
    assert [ancestor.slug for ancestor in page._known_ancestors][1:] == [tree.slug, "hoc-lieu", "dai-hoc"]


def test_pages_below_a_restricted_section_ask_for_a_sign_in(client, tree):
    section = tree.get_children().get(slug="hoc-lieu").get_children().get(slug="dai-hoc")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/hoc-lieu/dai-hoc/ky-nang-so/")

    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/hoc-lieu/").status_code == 200


def test_a_password_on_the_library_guards_its_resources(client, tree):
    library = tree.get_children().get(slug="hoc-lieu")
    PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )

    response = client.get("/hoc-lieu/dai-hoc/ky-nang-so/")

    assert response.status_code == 200
    assert 'name="password"' in response.text and "Kỹ năng số cơ bản" not in response.text
