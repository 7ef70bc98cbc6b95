"""One normalisation for Vietnamese text, shared by both search backends, slugs and imports."""

import unicodedata

import pytest

from portal.core.text import fold, normalise, slugify


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("Học tập suốt đời", "hoc tap suot doi"),
        ("HỌC TẬP SUỐT ĐỜI", "hoc tap suot doi"),
        (unicodedata.normalize("NFD", "Học tập suốt đời"), "hoc tap suot doi"),
        ("Kĩ năng số", "ky nang so"),
        ("kỹ năng số", "ky nang so"),
        ("Trung tâm học tập cộng đồng", "trung tam hoc tap cong dong"),
    ],
)
def test_fold(given, folded):
    assert fold(given) == folded


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("hòa bình", "hoà bình"),
        ("thúy", "thuý"),
        ("kĩ thuật", "kỹ thuật"),
        ("lí lịch", "lý lịch"),
        ("quí", "quý"),
    ],
)
def test_normalise_maps_spelling_variants_to_one_form(variant, canonical):
    assert normalise(variant) == canonical


def test_normalise_keeps_words_that_only_look_like_variants():
    assert normalise("tin học") == "tin học"
    assert normalise("đi học") == "đi học"


def test_slugify():
    assert slugify("Xã Tân Cương") == "xa-tan-cuong"
    assert slugify("  Đại học Thái Nguyên!  ") == "dai-hoc-thai-nguyen"
