"""`load_demo` builds the Vietnamese demo portal, can run again, and its printed account logs in."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from portal.core.models import AdminUnit, HomePage, Licence, Subject

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_demo_is_idempotent_and_its_editor_can_log_in(client):
    first = load_demo()
    counts = (
        Page.objects.count(),
        Subject.objects.count(),
        AdminUnit.objects.count(),
        Licence.objects.count(),
    )
    second = load_demo()

    assert (
        Page.objects.count(),
        Subject.objects.count(),
        AdminUnit.objects.count(),
        Licence.objects.count(),
    ) == counts
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == ["en", "vi"]
    username, password = re.search(r"editor account: (\w+) / (\S+)", first).groups()
    assert f"editor account: {username} / {password}" in second  # shown again in development

    assert client.login(username=username, password=password)
    assert client.get("/admin/").status_code == 200
    response = client.get("/")
    assert response.status_code == 200
    assert "Học tập suốt đời cho mọi người dân Thái Nguyên" in response.text
    assert "Lifelong learning for everyone in Thái Nguyên" in client.get("/en/").text


def test_reference_data_holds_the_plan_period_units():
    load_demo()

    districts_2022 = AdminUnit.objects.filter(level=AdminUnit.Level.DISTRICT).valid_on(
        datetime.date(2022, 7, 4)
    )
    assert districts_2022.count() == 9
    assert (
        not AdminUnit.objects.filter(level=AdminUnit.Level.DISTRICT)
        .valid_on(datetime.date(2026, 1, 1))
        .exists()
    )
    old_ward = AdminUnit.objects.get(slug="tp-thai-nguyen-hoang-van-thu")
    (successor,) = old_ward.successors.all()
    assert successor.full_name == "Phường Phan Đình Phùng"
    assert successor.is_valid_on(datetime.date(2026, 1, 1))
    assert old_ward in successor.predecessors.all()
    assert set(Licence.objects.values_list("code", flat=True)) >= {"CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0"}


def test_every_language_link_of_the_demo_site_answers(client):
    """Resources have no English translation: their English link leads to the nearest translated
    page (the English library), never to a 404; translated pages link to each other."""
    load_demo()
    failures, checked = [], 0
    for page in Page.objects.live().public().specific().filter(depth__gt=1):
        url = page.get_url()
        if url is None:
            continue
        body = client.get(url).text
        for href, code in re.findall(r'<a href="([^"]+)" lang="(vi|en)" hreflang', body):
            checked += 1
            status = client.get(href).status_code
            if status != 200:
                failures.append((url, code, href, status))
    assert checked > 100
    assert failures == []


def test_an_untranslated_resource_links_to_the_english_library_and_back():
    from portal.core.templatetags.portal_tags import counterparts
    from portal.resources.models import LearningResourcePage, LibraryIndexPage

    load_demo()
    resource = LearningResourcePage.objects.live().first()

    english, source = counterparts(resource)["en"]

    assert isinstance(english.specific, LibraryIndexPage) and english.locale.language_code == "en"
    assert source.pk == LibraryIndexPage.objects.get(locale__language_code="vi").pk
    assert counterparts(resource)["vi"][0].pk == resource.pk
