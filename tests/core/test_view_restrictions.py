"""Pages shared with a password or with signed-in users only open for those they are shared with.

End to end through Wagtail's own ``_util/`` routes: the form, a wrong and the right password, the
session it grants (the page's file downloads too), and the sign-in page of login-only pages.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests.media import corpus
from tests.resources.factories import LearningResourcePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "hoc-tap-suot-doi"


@pytest.fixture
def shared_page(section, make_document):
    """A live resource shared with a password, linking a file used nowhere else."""
    document = make_document(
        corpus.pdf("teal"), "tai-lieu-lop.pdf", "Tài liệu của lớp", section.organisation.collection
    )
    page = LearningResourcePageFactory(
        parent=section,
        slug="tai-lieu-lop",
        title="Tài liệu riêng của lớp",
        body=[("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Tải</a></p>'))],
    )
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction, document


def form_action(html: str) -> str:
    return re.search(r'<form action="([^"]+)" method="post"', html).group(1)


def test_the_right_password_opens_the_page_and_its_file_for_this_visitor_only(client, shared_page):
    page, restriction, document = shared_page
    address = page.url

    asked = client.get(address)
    assert asked.status_code == 200
    assert "Tài liệu riêng của lớp" not in asked.text
    action = form_action(asked.text)
    assert action.startswith(f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/")
    assert client.get(document.url).status_code == 302  # to sign in: the file is not public

    wrong = client.post(action, {"password": "sai-mat-khau", "return_url": address})
    assert wrong.status_code == 200
    assert "Tài liệu riêng của lớp" not in wrong.text
    assert 'role="alert"' in wrong.text

    right = client.post(action, {"password": PASSWORD, "return_url": address})
    assert right.status_code == 302 and right["Location"] == address
    opened = client.get(address)
    assert opened.status_code == 200 and "Tài liệu riêng của lớp" in opened.text
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    client.cookies.clear()  # another visitor
    assert "Tài liệu riêng của lớp" not in client.get(address).text


def test_the_password_form_is_in_the_portals_own_look_and_in_vietnamese(client, shared_page):
    page, _restriction, _document = shared_page

    html = client.get(page.url).text

    assert '<html lang="vi"' in html
    assert "Mật khẩu" in html and "Password" not in html
    assert 'name="robots" content="noindex"' in html


def test_a_login_only_page_sends_visitors_to_a_sign_in_that_brings_them_back(client, section):
    page = LearningResourcePageFactory(parent=section, slug="chi-thanh-vien", title="Chỉ cho thành viên")
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    get_user_model().objects.create_user("giao-vien", "gv@example.vn", "mat-khau-dung")

    asked = client.get(page.url)
    assert asked.status_code == 302 and asked["Location"].startswith("/_util/login/?next=")

    sign_in = client.get(asked["Location"])
    assert sign_in.status_code == 200 and "Đăng nhập" in sign_in.text

    refused = client.post("/_util/login/", {"username": "giao-vien", "password": "sai", "next": page.url})
    assert refused.status_code == 200 and 'role="alert"' in refused.text

    signed_in = client.post(
        "/_util/login/", {"username": "giao-vien", "password": "mat-khau-dung", "next": page.url}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == page.url
    assert "Chỉ cho thành viên" in client.get(page.url).text


@pytest.mark.parametrize("first", ["with the password", "without"])
def test_kept_page_fragments_never_cross_the_password(client, settings, shared_page, first):
    settings.PAGE_CACHE_SECONDS = 600
    page, restriction, _document = shared_page
    action = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    insider = client.__class__()
    insider.post(action, {"password": PASSWORD, "return_url": page.url})

    visitors = [insider, client] if first == "with the password" else [client, insider]
    visitors[0].get(page.url)  # the first view of a page may still start a generation
    pages = {id(visitor): visitor.get(page.url).text for visitor in visitors}

    assert "Tài liệu riêng của lớp" in pages[id(insider)]
    assert "Tài liệu riêng của lớp" not in pages[id(client)]
    assert 'name="password"' in pages[id(client)]
