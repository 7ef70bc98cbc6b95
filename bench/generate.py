"""Many published learning resources, fast: pages written in bulk, then indexed as a rebuild does.

Publishing one page at a time through Wagtail costs tens of milliseconds, so 10,000 would take
minutes. Here the page rows and the resource rows are inserted in batches with the tree paths
worked out beforehand (treebeard's materialised path), and the search index of the database
backend is rebuilt from the pages themselves, as ``search_index --rebuild`` would do it.
"""

import datetime
import random
import sys
import time
import uuid

BATCH = 1000
TEXT = (
    "kỹ năng số an toàn thông tin điện thoại thông minh người cao tuổi nông nghiệp trồng chè "
    "chăn nuôi sức khỏe gia đình pháp luật dịch vụ công trực tuyến tiếng Anh giao tiếp xóa mù chữ "
    "văn hóa đọc thư viện học tập suốt đời khuyến nông hợp tác xã thương mại điện tử du lịch cộng đồng"
)
WORDS = TEXT.split()


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(low, high))).capitalize()


def add_resources(section, organisation, count: int, seed: int = 104) -> float:
    """Publish ``count`` resources under ``section``; returns the seconds it took."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
    from portal.resources.models import LearningResourcePage

    rng = random.Random(seed)
    started = time.perf_counter()
    content_type = ContentType.objects.get_for_model(LearningResourcePage)
    subjects, audiences = list(Subject.objects.all()), list(Audience.objects.all())
    languages, levels = list(Language.objects.all()), list(EducationLevel.objects.all())
    licences = list(Licence.objects.all())
    kinds = [value for value, _label in LearningResourcePage.ResourceType.choices if value != "link"]
    section = Page.objects.get(pk=section.pk)
    now = timezone.now()
    first = section.numchild + 1
    for offset in range(0, count, BATCH):
        numbers = range(first + offset, first + min(offset + BATCH, count))
        pages, resources, relations = [], [], {"subjects": [], "audiences": [], "languages": []}
        for number in numbers:
            title = f"{_sentence(rng, 4, 8)} {number}"
            published = now - datetime.timedelta(minutes=number)
            pages.append(
                Page(
                    path=Page._get_path(section.path, section.depth + 1, number),
                    depth=section.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=section.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    title=title,
                    draft_title=title,
                    slug=f"hoc-lieu-{number}",
                    content_type=content_type,
                    url_path=f"{section.url_path}hoc-lieu-{number}/",
                )
            )
        Page.objects.bulk_create(pages)
        for page in pages:
            resource = LearningResourcePage(
                page_ptr_id=page.pk,
                identifier=f"BENCH-{page.pk}",
                summary=_sentence(rng, 12, 24) + ".",
                body=[("paragraph", f"<p>{_sentence(rng, 40, 80)}.</p>")],
                resource_type=rng.choice(kinds),
                level=rng.choice(levels) if levels else None,
                licence=rng.choice(licences),
                authors="Trung tâm Học liệu",
                organisation=organisation,
                date_issued=published.date(),
                accessibility_features=rng.sample(
                    ["captions", "transcript", "easy_read"], k=rng.randint(0, 2)
                ),
            )
            resources.append(resource)
            for name, terms in (("subjects", subjects), ("audiences", audiences), ("languages", languages)):
                for term in rng.sample(terms, k=min(len(terms), rng.randint(1, 2))):
                    relations[name].append((page.pk, term.pk))
        fields = LearningResourcePage._meta.local_concrete_fields
        with transaction.atomic():
            LearningResourcePage._base_manager._insert(resources, fields=fields)
            for name, pairs in relations.items():
                through = getattr(LearningResourcePage, name).through
                source, target = (field.attname for field in through._meta.fields[1:3])
                through.objects.bulk_create([through(**{source: a, target: b}) for a, b in pairs])
        print(f"  generated {offset + len(pages):,}/{count:,} resources", file=sys.stderr, flush=True)
    Page.objects.filter(pk=section.pk).update(numchild=section.numchild + count)
    return time.perf_counter() - started


def _own_site_and_the_others(page) -> list[str]:
    from django.conf import settings

    own = page.locale.language_code
    return [own] + [code for code, _name in settings.LANGUAGES if code != own]


def index_resources() -> float:
    """Rebuild the database backend's ``resources`` index from the pages; returns the seconds.

    ``sites_for`` asks the database once per page for its translations; generated pages have
    none, so its answer is known: checked on a sample, then taken as given for the rest.
    """
    from unittest import mock

    from portal.resources.models import LearningResourcePage
    from search.backends import get_backend
    from search.families import registry
    from search.indexing import rebuild

    for page in LearningResourcePage.objects.live().select_related("locale")[:5]:
        assert registry.sites_for(page) == _own_site_and_the_others(page), page.url_path
    started = time.perf_counter()

    shown = set()

    def progress(done: int) -> None:
        if done % 2000 == 0 and done not in shown:
            shown.add(done)
            print(f"  indexed {done:,} resources", file=sys.stderr, flush=True)

    with mock.patch.object(registry, "sites_for", _own_site_and_the_others):
        rebuild(get_backend("database"), "resources", progress)
    return time.perf_counter() - started
