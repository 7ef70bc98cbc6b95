"""Query analysis and document preparation shared by both backends."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search import analysis
from search.documents import InvalidDocument, prepare
from search.params import visible


def test_acronyms_and_expansions_become_one_clause():
    [acronym] = analysis.clauses("THCS")
    [expansion] = analysis.clauses("Trung học cơ sở")

    assert acronym.alternatives == ("thcs", "trung hoc co so")
    assert expansion.alternatives == ("trung hoc co so", "thcs") and expansion.original == "trung học cơ sở"


def test_spelling_variants_fold_to_one_word():
    assert analysis.words("Kĩ năng SỐ, hoà nhập") == analysis.words("kỹ năng số - hòa nhập") == [
        "ky", "nang", "so", "hoa", "nhap",
    ]  # fmt: skip


def test_long_queries_need_three_in_four_words():
    assert [analysis.required_matches(n) for n in range(1, 9)] == [1, 2, 3, 3, 4, 5, 6, 6]


def test_highlight_keeps_original_text_and_escapes_it():
    snippet = analysis.highlight("Kĩ năng <số> cho người cao tuổi", analysis.clauses("ky nang cao tuoi"))

    assert (
        snippet == "<mark>Kĩ</mark> <mark>năng</mark> &lt;số&gt; cho người <mark>cao</mark> <mark>tuổi</mark>"
    )


def test_highlight_shows_the_passage_holding_most_of_the_words():
    text = "Giữ an toàn cho mình. " + "Gọi cấp cứu 115 và chờ. " * 12 + "Đặt nạn nhân nằm nghiêng an toàn."

    snippet = analysis.highlight(text, analysis.clauses("nằm nghiêng an toàn"))

    assert "<mark>nằm</mark> <mark>nghiêng</mark> <mark>an</mark> <mark>toàn</mark>" in snippet


def test_correction_takes_the_diacritics_of_the_found_text():
    clauses = analysis.clauses("chawn nuoi ga")

    assert analysis.correction(clauses, ["Chăn nuôi gà thả vườn"]) == "chăn nuôi gà"
    assert analysis.correction(analysis.clauses("chăn nuôi"), ["Chăn nuôi"]) is None


@given(st.text(max_size=300))
def test_any_text_analyses_without_error(text):
    clauses = analysis.clauses(text)
    assert len(clauses) <= analysis.MAX_CLAUSES
    analysis.highlight(text, clauses)
    assert len(visible(text, 200)) <= 200


def test_documents_need_their_essentials_and_known_facets():
    with pytest.raises(InvalidDocument, match="title"):
        prepare({"id": "1", "family": "pages", "url": "/a/"})
    with pytest.raises(InvalidDocument, match="colour"):
        prepare({"id": "1", "family": "pages", "url": "/a/", "title": "A", "facets": {"colour": "red"}})


def test_prepared_document_keeps_the_text_as_written_and_is_fingerprinted():
    document = prepare({"id": 7, "family": "pages", "url": "/a/", "title": "Hoà nhập", "downloads": 3})
    downloaded = prepare({"id": 7, "family": "pages", "url": "/a/", "title": "Hoà nhập", "downloads": 9})
    respelled = prepare({"id": 7, "family": "pages", "url": "/a/", "title": "Hòa nhập", "downloads": 3})

    assert document["title"] == "Hoà nhập" and document["id"] == "7"
    assert document["fingerprint"] == downloaded["fingerprint"]  # downloads are not drift
    assert document["fingerprint"] != respelled["fingerprint"]  # what results show changed
