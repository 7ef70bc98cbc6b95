"""The contract every search backend keeps; run against the database and Elasticsearch backends."""

import pytest

from search.query import SearchQuery
from tests.search.conftest import load
from tests.search.corpus import CORPUS, doc

pytestmark = pytest.mark.django_db


def ids(results):
    return [hit.id for hit in results.hits]


def test_folded_query_finds_accented_text_and_exact_form_ranks_first(backend):
    load(backend, [doc(1, "Hoc tap tieng Anh", "hoc tap"), doc(2, "Học tập suốt đời", "học tập")])

    assert set(ids(backend.search(SearchQuery(text="hoc tap")))) == {"1", "2"}
    assert ids(backend.search(SearchQuery(text="học tập")))[0] == "2"


def test_acronym_and_its_expansion_find_each_other(backend):
    load(
        backend,
        [doc(1, "Ôn thi THPT", "Đề thi"), doc(2, "Trường trung học phổ thông", "Tuyển sinh"), doc(3, "Chè")],
    )

    assert set(ids(backend.search(SearchQuery(text="thpt")))) == {"1", "2"}
    assert set(ids(backend.search(SearchQuery(text="trung hoc pho thong")))) == {"1", "2"}


def _tagged(facet: str, *values: str) -> list[str]:
    """Ids of the corpus documents with any of ``values`` in ``facet``, in id order."""
    return [
        document["id"] for document in CORPUS if set(values) & set(_listed(document["facets"].get(facet)))
    ]


def _listed(value) -> list:
    return value if isinstance(value, list) else [value] if value else []


def test_facet_counts_stay_honest_while_filtering(backend):
    load(backend, CORPUS)

    results = backend.search(SearchQuery(filters={"subject": ("ky-nang-so",)}, page_size=50))

    digital = _tagged("subject", "ky-nang-so")
    assert sorted(ids(results), key=int) == digital and len(digital) > 5
    subjects = {count.value: count for count in results.facets["subject"]}
    assert subjects["ky-nang-so"].count == len(digital)
    assert subjects["nong-nghiep"].count == len(_tagged("subject", "nong-nghiep"))  # own filter left out
    assert subjects["ky-nang-so"].selected and not subjects["nong-nghiep"].selected
    assert subjects["ky-nang-so"].label == "Ky nang so"
    types = {count.value: count.count for count in results.facets["type"]}
    in_digital = [document["facets"]["type"] for document in CORPUS if document["id"] in digital]
    assert types == {kind: in_digital.count(kind) for kind in set(in_digital)}  # other facets follow


def test_values_of_one_facet_widen_and_facets_narrow(backend):
    load(backend, CORPUS)

    either = backend.search(SearchQuery(filters={"subject": ("ky-nang-so", "nong-nghiep")}, page_size=50))
    both = backend.search(
        SearchQuery(filters={"subject": ("ky-nang-so", "nong-nghiep"), "type": ("video",)}, page_size=50)
    )

    widened = _tagged("subject", "ky-nang-so", "nong-nghiep")
    assert either.total == len(widened) > len(_tagged("subject", "ky-nang-so"))
    assert sorted(ids(both), key=int) == [doc_id for doc_id in widened if doc_id in _tagged("type", "video")]


def test_unknown_facet_values_find_nothing(backend):
    load(backend, CORPUS)

    assert backend.search(SearchQuery(filters={"subject": ("khong-co",)})).total == 0


def test_sorting(backend):
    rows = ((1, "Bê", "2019-01-01", 5), (2, "An", "2024-01-01", 50), (3, "Cá", "2021-01-01", 0))
    load(
        backend, [{**doc(n, title), "date": day, "downloads": downloads} for n, title, day, downloads in rows]
    )

    assert ids(backend.search(SearchQuery(sort="newest"))) == ["2", "3", "1"]
    assert ids(backend.search(SearchQuery(sort="downloads"))) == ["2", "1", "3"]
    assert ids(backend.search(SearchQuery(sort="title"))) == ["2", "1", "3"]


def test_pages_do_not_overlap(backend):
    load(backend, CORPUS)

    first = backend.search(SearchQuery(sort="title", page=1, page_size=10))
    second = backend.search(SearchQuery(sort="title", page=2, page_size=10))

    assert first.total == second.total == len(CORPUS)
    assert len(first.hits) == len(second.hits) == 10
    assert not set(ids(first)) & set(ids(second))


def test_highlight_marks_matches_and_escapes_markup(backend):
    load(backend, [doc(1, "Chè", "Trồng chè <b>sạch</b> ở Tân Cương")])

    [hit] = backend.search(SearchQuery(text="tan cuong")).hits

    assert "<mark>Tân</mark>" in hit.highlight and "<mark>Cương</mark>" in hit.highlight
    assert "<b>" not in hit.highlight and "&lt;b&gt;" in hit.highlight


def test_typo_answers_with_did_you_mean(backend):
    load(backend, CORPUS)

    results = backend.search(SearchQuery(text="chawn nuoi ga"))

    assert results.corrected and results.suggestion == "chăn nuôi gà"
    assert "10" in ids(results)[:3]


def test_nothing_to_find_is_an_empty_answer(backend):
    load(backend, CORPUS)

    results = backend.search(SearchQuery(text="zzzqqq xylophone"))

    assert (results.total, results.hits, results.suggestion) == (0, [], None)


def test_autocomplete_completes_the_last_word(backend):
    load(backend, CORPUS)

    titles = [item["title"] for item in backend.autocomplete("ky nang s", "vi", 5)]

    assert "Kỹ năng số cho người cao tuổi" in titles and "Kỹ năng sống cho học sinh trung học cơ sở" in titles
    assert all(title.startswith("Kỹ năng") for title in titles)


def test_locale_keeps_languages_apart(backend):
    load(backend, [doc(1, "Digital skills"), {**doc(2, "Digital skills for all"), "locale": "en"}])

    assert ids(backend.search(SearchQuery(text="digital", locale="en"))) == ["2"]


def test_writes_replace_delete_and_rebuild(backend):
    load(backend, [doc(1, "Chè xanh"), doc(2, "Gà đồi"), doc(3, "Trang giới thiệu", family="pages")])

    backend.index([doc(1, "Chè búp")])
    backend.delete(["2"])
    backend.refresh()
    assert ids(backend.search(SearchQuery(text="che bup"))) == ["1"]
    assert backend.search(SearchQuery(text="ga doi")).total == 0

    backend.rebuild("resources", [doc(4, "Rau sạch")])
    backend.refresh()
    assert set(backend.fingerprints("resources")) == {"4"}
    assert set(ids(backend.search(SearchQuery()))) == {"3", "4"}


def test_results_show_the_text_as_written_whatever_spelling_finds_it(backend):
    load(
        backend,
        [
            doc(1, "Lớp xoá mù chữ ở Định Hoá", "Kĩ năng đọc, viết cho người lớn tuổi ở Định Hoá."),
            doc(
                2, "Trồng chè", "Kỹ thuật chăm sóc chè", body="Bài học cho bà con xã Phú Đô, huyện Phú Lương."
            ),
        ],
    )

    for text in ("xóa mù chữ định hóa", "xoá mù chữ Định Hoá", "xoa mu chu dinh hoa"):
        (hit,) = backend.search(SearchQuery(text=text)).hits
        assert hit.title == "Lớp xoá mù chữ ở Định Hoá"
        assert hit.summary == "Kĩ năng đọc, viết cho người lớn tuổi ở Định Hoá."
        assert "<mark>Định Hoá</mark>" in hit.highlight or "<mark>Hoá</mark>" in hit.highlight
    (hit,) = backend.search(SearchQuery(text="kỹ năng đọc")).hits
    assert hit.highlight.startswith("<mark>Kĩ</mark> <mark>năng</mark> <mark>đọc</mark>")
    (hit,) = backend.search(SearchQuery(text="phu luong")).hits  # found in the body: its passage shown
    assert "<mark>Phú</mark> <mark>Lương</mark>" in hit.highlight
    assert backend.autocomplete("lop xoa", "vi", 5)[0]["title"] == "Lớp xoá mù chữ ở Định Hoá"


def test_question_words_and_filler_never_stop_the_content_words_from_matching(backend):
    load(
        backend,
        [
            doc(1, "Trồng nấm rơm", "Ủ rơm, cấy giống và chăm sóc nấm tại nhà"),
            doc(2, "Trồng chè an toàn", "Chăm sóc chè"),
            doc(3, "Làm thế nào để học tốt", "Cách học"),
        ],
    )

    assert ids(backend.search(SearchQuery(text="làm thế nào để trồng nấm tại nhà")))[0] == "1"
    assert ids(backend.search(SearchQuery(text="lam the nao de trong nam")))[0] == "1"
    assert ids(backend.search(SearchQuery(text="tài liệu hướng dẫn cách trồng chè cho người mới")))[0] == "2"
    assert ids(backend.search(SearchQuery(text="làm thế nào")))[0] == "3"  # nothing but filler: all of it


def test_a_query_matching_only_in_part_still_finds_what_it_can(backend):
    load(backend, [doc(1, "Trồng nấm rơm"), doc(2, "Nuôi gà thả vườn")])

    results = backend.search(SearchQuery(text="trồng nấm mùa đông ở miền núi phía bắc"))

    assert ids(results) == ["1"] and results.partial and not results.corrected
    assert not backend.search(SearchQuery(text="trồng nấm rơm")).partial
