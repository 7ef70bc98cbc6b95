"""Demo content of the library: organisations, their sections, resources, courses, collections.

Titles and wording follow plan 104/KH-UBND (open learning resources for lifelong learning, in
Vietnamese and the province's ethnic languages). Everything is found by its identifier or slug
first, so loading again creates only what is missing; files are generated in ``demo_files``.
"""

import datetime
import io
import json
import tempfile
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model

from media.generated import store_document
from portal.core import demo_media
from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import Audience, EducationLevel, HomePage, Language, Licence, Subject
from portal.organisations.models import Organisation
from portal.resources import demo_files
from portal.resources.contributors import setup_organisation
from portal.resources.importing import save_checked
from portal.resources.importing_readers import SourceRow
from portal.resources.importing_rows import RowChecker
from portal.resources.models import (
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    CourseIndexPage,
    CourseModule,
    CoursePage,
    LearningResourcePage,
    LibraryIndexPage,
    ResourceFile,
)
from search.signals import batched_updates

DEMO_DATA = Path(__file__).resolve().parent / "data" / "demo.json"
# The text inside some demo files (sections of a PDF or Word file, caption lines), by resource id.
DEMO_TEXTS = Path(__file__).resolve().parent / "data" / "demo_texts.json"
# Caption lines of the demo videos, by resource id: one cue per line, spread over the clip.
DEMO_VIDEOS = Path(__file__).resolve().parent / "data" / "demo_videos.json"
VIDEO_SECONDS = 6


class Terms:
    """Vocabulary lookups by slug (licences by code), read once."""

    def __init__(self):
        self.subjects = {term.slug: term for term in Subject.objects.all()}
        self.levels = {term.slug: term for term in EducationLevel.objects.all()}
        self.audiences = {term.slug: term for term in Audience.objects.all()}
        self.languages = {term.slug: term for term in Language.objects.all()}
        self.licences = {term.code: term for term in Licence.objects.all()}


def demo_video(row: dict) -> bytes:
    colour = demo_files.PALETTE[sum(map(ord, row["id"])) % len(demo_files.PALETTE)]
    return demo_media.video(VIDEO_SECONDS, title=row["title"], colour=colour)


def add_missing_video(page: LearningResourcePage, row: dict) -> bool:
    """A video resource loaded before demo videos existed gets its clip (and captions) first in line."""
    if any(item.media_kind == "video" for item in page.files.all()):
        return False
    page = page.get_latest_revision_as_object()
    document = store_document(
        row["title"], f"{row['id']}.webm", demo_video(row), page.organisation.collection, "video"
    )
    files = [ResourceFile(document=document), *page.files.all()]
    for order, item in enumerate(files):
        item.sort_order = order
    page.files = files
    add_demo_details(page, row, page.thumbnail)
    page.save_revision().publish()
    return True


def video_captions(lines: list[str]) -> bytes:
    """Cues spread evenly over the demo clip."""
    step = VIDEO_SECONDS / len(lines)
    return demo_media.captions(
        [(number * step, (number + 1) * step, line) for number, line in enumerate(lines)]
    )


def subject_picture(subject: Subject, index: int):
    image_model = get_image_model()
    title = f"Ảnh minh họa – {subject.name}"
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = demo_files.illustration(subject.name, index)
    return image_model.objects.create(
        title=title, file=ImageFile(io.BytesIO(data), name=f"{subject.slug}.png")
    )


def import_row(line: int, row: dict, organisation: Organisation, folder: Path) -> SourceRow:
    """A demo resource as a row of an import file, its generated files written into ``folder``."""
    kinds = row["file"].split("+")
    files = []
    sections = row.get("sections", ())
    if "video" in kinds:  # first, so the resource page opens on the player
        files.append(_write(folder, f"{row['id']}.webm", demo_video(row)))
    if row.get("format") == "docx":
        document = demo_files.word_document(row["title"], row["summary"], sections)
        files.append(_write(folder, f"{row['id']}.docx", document))
    elif "pdf" in kinds or "transcript" in kinds:
        licence = Licence.objects.get(code=row["licence"])
        pdf = demo_files.text_pdf(row["title"], organisation.name, row["summary"], licence.name, sections)
        files.append(_write(folder, f"{row['id']}.pdf", pdf))
    if "audio" in kinds:
        files.append(_write(folder, f"{row['id']}.wav", demo_files.wav_tone(sum(map(ord, row["id"])))))
    values = {
        "identifier": row["id"],
        "title": row["title"],
        "summary": row["summary"],
        "resource_type": row["type"],
        "subjects": ";".join(row["subjects"]),
        "level": row["level"],
        "audiences": ";".join(row["audiences"]),
        "languages": ";".join(row["languages"]),
        "licence": row["licence"],
        "authors": row["authors"],
        "organisation": organisation.slug,
        "date_issued": row["date"],
        "url": row.get("url", ""),
        "file": ";".join(files),
    }
    return SourceRow(line, {column: value for column, value in values.items() if value})


def _write(folder: Path, name: str, data: bytes) -> str:
    (folder / name).write_bytes(data)
    return name


def add_demo_details(page: LearningResourcePage, row: dict, thumbnail) -> None:
    """What the import columns do not carry: picture, duration, accessibility, adaptation, captions."""
    page.thumbnail = thumbnail
    page.duration = row["duration"]
    page.accessibility_features = row["access"]
    page.search_description = row["summary"]
    page.body = [("paragraph", f"<p>{row['summary']}</p>")]
    if "adapted" in row:
        page.adapted_from_title = row["adapted"]["title"]
        page.adapted_from_url = row["adapted"]["url"]
        page.adapted_from_licence = Licence.objects.get(code=row["adapted"]["licence"])
    transcript = "transcript" in row["file"].split("+")
    items = sorted(page.files.all(), key=lambda item: item.media_kind != "video")  # the player first
    for order, item in enumerate(items):
        item.sort_order = order
        if item.media_kind == "video":
            item.label = "Video"
            if "captions" in row["access"] and row.get("video_captions"):
                item.captions = store_document(
                    f"{row['title']} (phụ đề)",
                    f"{row['id']}.vtt",
                    video_captions(row["video_captions"]),
                    page.organisation.collection,
                    "captions",
                )
        elif item.media_kind == "audio":
            item.label = "Bản nghe"
            if "captions" in row["access"]:
                item.captions = store_document(
                    f"{row['title']} (phụ đề)",
                    f"{row['id']}.vtt",
                    demo_files.webvtt(row.get("captions") or [row["title"], row["summary"]]),
                    page.organisation.collection,
                    "captions",
                )
        else:
            item.label = "Bản ghi lời" if transcript else "Tài liệu"


@transaction.atomic
def load_resources(data: dict, library: LibraryIndexPage, log) -> dict[str, LearningResourcePage]:
    subjects = Subject.objects.all()
    pictures = {subject.slug: subject_picture(subject, index) for index, subject in enumerate(subjects)}
    organisations = {}
    for row in data["organisations"]:
        fields = {key: value for key, value in row.items() if key != "slug"}
        organisations[row["slug"]], _ = Organisation.objects.get_or_create(slug=row["slug"], defaults=fields)
    for organisation in organisations.values():  # each with its section, group and collection
        setup_organisation(organisation)
    existing = {page.identifier: page for page in LearningResourcePage.objects.all()}
    created = 0
    with tempfile.TemporaryDirectory(prefix="demo-") as folder, batched_updates():
        # The same checks, term lookups, file storing and page building as any import.
        checker = RowChecker(files_dir=Path(folder))
        texts = json.loads(DEMO_TEXTS.read_text(encoding="utf-8"))
        videos = json.loads(DEMO_VIDEOS.read_text(encoding="utf-8"))
        for line, row in enumerate(data["resources"], start=2):
            row = {**row, **texts.get(row["id"], {}), "video_captions": videos.get(row["id"], [])}
            if row["id"] in existing:
                if "video" in row["file"].split("+"):
                    add_missing_video(existing[row["id"]], row)
                continue
            checked = checker.check(import_row(line, row, organisations[row["org"]], Path(folder)))
            save_checked(checked, publish=False)
            page = LearningResourcePage.objects.get(identifier=row["id"]).get_latest_revision_as_object()
            add_demo_details(page, row, pictures[row["subjects"][0]])
            page.save_revision().publish()
            existing[row["id"]] = page
            created += 1
    log(f"  library: {len(organisations)} organisations, {created} new resources ({len(existing)} in all)")
    return existing


@transaction.atomic
def load_courses(data: dict, home: HomePage, resources: dict, log) -> CourseIndexPage:
    terms = Terms()
    index_row = data["index"]
    index = child_by_slug(home, CourseIndexPage, index_row["slug"]) or publish_child(
        home, CourseIndexPage(**index_row)
    )
    for row in data["items"]:
        if child_by_slug(index, CoursePage, row["slug"]):
            continue
        course = CoursePage(
            title=row["title"],
            slug=row["slug"],
            summary=row["summary"],
            search_description=row["summary"],
            provider=Organisation.objects.get(slug=row["provider"]),
            level=terms.levels.get(row["level"]),
            self_paced=row["self_paced"],
            start_date=datetime.date.fromisoformat(row["start"]) if "start" in row else None,
            end_date=datetime.date.fromisoformat(row["end"]) if "end" in row else None,
        )
        course.subjects.set([terms.subjects[slug] for slug in row["subjects"]])
        course.audiences.set([terms.audiences[slug] for slug in row["audiences"]])
        course.modules = [
            CourseModule(
                title=module["title"], summary=module["summary"], items=_module_items(module, resources)
            )
            for module in row["modules"]
        ]
        publish_child(index, course)
        log(f"  course “{course.title}” created")
    return index


def _module_items(module: dict, resources: dict) -> list:
    items = []
    for kind, *values in module["items"]:
        if kind == "resource":
            items.append(("resource", resources[values[0]]))
        else:
            title, text, duration = values
            items.append(("lesson", {"title": title, "text": text, "duration": duration}))
    return items


@transaction.atomic
def load_collections(data: dict, home: HomePage, resources: dict, log) -> CollectionIndexPage:
    index_row = data["index"]
    index = child_by_slug(home, CollectionIndexPage, index_row["slug"]) or publish_child(
        home, CollectionIndexPage(**index_row)
    )
    for row in data["items"]:
        if child_by_slug(index, CollectionPage, row["slug"]):
            continue
        collection = CollectionPage(
            title=row["title"],
            slug=row["slug"],
            introduction=row["introduction"],
            search_description=row["introduction"],
        )
        collection.items = [
            CollectionItem(resource=resources[identifier], note=note) for identifier, note in row["items"]
        ]
        publish_child(index, collection)
        log(f"  collection “{collection.title}” created")
    return index


def feature_on_home(home: HomePage, library, courses, collections) -> None:
    """The newest resources and the ways into the library, added once below the home page's sections."""
    home.body.append(
        (
            "latest_pages",
            {
                "heading": "Học liệu mới",
                "page_type": "resources.learningresourcepage",
                "count": 6,
                "more_page": library,
            },
        )
    )
    cards = [
        (library, "Tìm theo chủ đề, loại học liệu, ngôn ngữ và đơn vị đóng góp."),
        (courses, "Khóa học tự học hoặc theo lịch tại trung tâm học tập cộng đồng."),
        (collections, "Học liệu chọn lọc cho người cao tuổi, đồng bào dân tộc và các phong trào học tập."),
    ]
    home.body.append(
        (
            "link_cards",
            {
                "heading": "Kho học liệu mở",
                "cards": [
                    {"title": page.title, "text": text, "page": page, "url": ""} for page, text in cards
                ],
            },
        )
    )
    home.save_revision().publish()


def load_resources_demo(log) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        log("  library skipped: no Vietnamese home page")
        return
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    library = child_by_slug(home, LibraryIndexPage, data["library"]["slug"])
    library_is_new = library is None
    if library_is_new:
        library = publish_child(home, LibraryIndexPage(**data["library"]))
    resources = load_resources(data, library, log)
    courses = load_courses(data["courses"], home, resources, log)
    collections = load_collections(data["collections"], home, resources, log)
    if library_is_new:
        feature_on_home(HomePage.objects.get(pk=home.pk), library, courses, collections)
        log("  home page: newest resources and library links added")
    mirror_in_other_languages(home, [library, courses, collections], log)
