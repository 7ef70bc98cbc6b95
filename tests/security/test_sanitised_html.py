"""HTML from editors, imports and harvests reaches visitors without scripts, handlers or javascript: links."""

import json

import pytest
from wagtail.rich_text import RichText

from portal.core.blocks import RICH_TEXT_FEATURES
from portal.core.sanitise import clean_rich_text, plain_text
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)
from tests.resources.import_support import GOOD_ROWS, run_import, write_csv

HOSTILE = (
    "<p>Xin chào bà con<script>alert(1)</script>"
    '<img src="/x.png" onerror="alert(2)" alt="ảnh">'
    '<a href="javascript:alert(3)">bấm vào đây</a>'
    '<a href="https://dichvucong.gov.vn/" onclick="alert(4)">Cổng dịch vụ công</a></p>'
    '<iframe src="https://example.com/"></iframe><p style="position:fixed">Đoạn hai</p>'
)


@pytest.fixture
def section(home):
    library = LibraryIndexPageFactory(parent=home)
    return OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dai-hoc-thai-nguyen"
    )


@pytest.mark.django_db
def test_hostile_rich_text_stored_behind_the_editors_back_is_not_rendered(client, section):
    resource = LearningResourcePageFactory(
        parent=section,
        summary="<script>alert(5)</script> Tóm tắt",
        body=[("paragraph", RichText(HOSTILE))],
    )

    html = client.get(resource.url).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]

    assert not any(f"alert({number})" in main for number in range(1, 5))
    assert "onerror" not in main and "onclick" not in main and "javascript:" not in main
    assert "<iframe" not in main and "position:fixed" not in main
    assert "Xin chào bà con" in main and "bấm vào đây" in main and "Đoạn hai" in main
    assert '<a href="https://dichvucong.gov.vn/">Cổng dịch vụ công</a>' in main
    assert "&lt;script&gt;alert(5)&lt;/script&gt; Tóm tắt" in main  # plain text stays text


def test_the_editor_drops_javascript_links_before_saving():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": "bấm vào đây",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 11, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }

    stored = ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))

    assert "javascript:" not in stored and "bấm vào đây" in stored


def test_rendered_rich_text_keeps_wagtails_own_markup():
    rendered = (
        '<h2>Mục 1</h2><p><b>Đậm</b> <i>nghiêng</i> <a href="/hoc-lieu/">nội bộ</a> '
        '<a href="/tai-ve/3/bai-giang.pdf">tệp</a> <a href="mailto:so@example.vn">thư</a></p>'
        "<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích dẫn</blockquote>"
        '<img alt="Lớp học" class="richtext-image left" height="200" src="/media/images/lop.width-800.webp" width="300">'
    )

    assert clean_rich_text(rendered) == rendered


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Dùng điện thoại an toàn & tiết kiệm.", "Dùng điện thoại an toàn & tiết kiệm."),
        ("<p>Đoạn một <b>đậm</b></p><p>Đoạn hai &amp; ba</p>", "Đoạn một đậm\n\nĐoạn hai & ba"),
        ("Dòng 1<br/>Dòng 2<script>alert(1)</script><style>p{}</style>", "Dòng 1\nDòng 2"),
        ('<a href="javascript:alert(1)" onclick="x">Tải về</a>', "Tải về"),
        ("2 < 3 và 5 > 4", "2 < 3 và 5 > 4"),
    ],
)
def test_html_descriptions_become_plain_text(given, expected):
    assert plain_text(given) == expected


@pytest.mark.django_db
def test_an_imported_html_description_becomes_the_summary_text(client, section, tmp_path):
    from portal.core.reference_data import load_vocabularies
    from portal.resources.models import LearningResourcePage

    load_vocabularies()
    row = {
        **GOOD_ROWS[2],
        "summary": '<p>Hướng dẫn <b>dịch vụ công</b> trực tuyến.</p><script>alert(1)</script><p onclick="x">Từng bước.</p>',
    }

    code, _out, err = run_import(
        write_csv(tmp_path / "html.csv", [row]), "--organisation", "dai-hoc-thai-nguyen"
    )

    assert code == 0, err
    resource = LearningResourcePage.objects.get(identifier="tnu-link-003")
    assert resource.summary == "Hướng dẫn dịch vụ công trực tuyến.\n\nTừng bước."
