"""Readable addresses from Vietnamese titles, the same in the admin's browser and on the server."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.core.models import StandardPage
from portal.core.text import is_mangled_slug, slugify

# Shared with the browser test: what an editor types as a title → the address it should get.
SLUG_CASES = [
    ("Hướng dẫn trồng lúa nước vụ xuân", "huong-dan-trong-lua-nuoc-vu-xuan"),
    ("Đường đến trường của em", "duong-den-truong-cua-em"),
    ("Kỹ năng số cho người cao tuổi", "ky-nang-so-cho-nguoi-cao-tuoi"),
    ("Ngày Sách và Văn hóa đọc Việt Nam 21/4", "ngay-sach-va-van-hoa-doc-viet-nam-21-4"),
    ("Ở nhà học tiếng Tày – bài 1", "o-nha-hoc-tieng-tay-bai-1"),
    ("ĐỊNH HÓA: XÓA MÙ CHỮ", "dinh-hoa-xoa-mu-chu"),
]


@pytest.mark.parametrize(("title", "slug"), SLUG_CASES)
def test_slugify_transliterates_vietnamese(title, slug):
    assert slugify(title) == slug


def _add(client, home, title: str, slug: str):
    return client.post(
        reverse("wagtailadmin_pages:add", args=["core", "standardpage", home.pk]),
        nested_form_data({"title": title, "slug": slug, "introduction": "", "body": streamfield([])}),
    )


@pytest.mark.parametrize("sent", ["", "hng-dn-trng-lua-nc-v-xuan"])
def test_an_empty_or_mangled_slug_is_rebuilt_from_the_title(admin_client, home, sent):
    response = _add(admin_client, home, "Hướng dẫn trồng lúa nước vụ xuân", sent)

    assert response.status_code == 302
    assert StandardPage.objects.get().slug == "huong-dan-trong-lua-nuoc-vu-xuan"


def test_a_chosen_slug_is_kept_and_a_taken_one_gets_a_number(admin_client, home):
    _add(admin_client, home, "Hướng dẫn trồng lúa nước vụ xuân", "trong-lua")
    _add(admin_client, home, "Hướng dẫn trồng lúa nước vụ xuân", "")
    _add(admin_client, home, "Hướng dẫn trồng lúa nước vụ xuân", "hng-dn-trng-lua-nc-v-xuan")

    assert sorted(StandardPage.objects.values_list("slug", flat=True)) == [
        "huong-dan-trong-lua-nuoc-vu-xuan",
        "huong-dan-trong-lua-nuoc-vu-xuan-2",
        "trong-lua",
    ]


@pytest.mark.parametrize(
    ("slug", "title", "mangled"),
    [
        ("hng-dn-trng-lua-nc-v-xuan", "Hướng dẫn trồng lúa nước vụ xuân", True),
        ("a-nang", "Đà Nẵng", True),
        ("huong-dan-trong-lua-nuoc-vu-xuan", "Hướng dẫn trồng lúa nước vụ xuân", False),
        ("trong-lua", "Hướng dẫn trồng lúa nước vụ xuân", False),
        ("lien-he", "Học liệu", False),
    ],
)
def test_mangled_slugs_are_told_from_chosen_ones(slug, title, mangled):
    assert is_mangled_slug(slug, title) is mangled
