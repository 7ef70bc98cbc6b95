"""A published resource with a file, subjects and languages, and visitors of several kinds."""

import pytest
from django.core.cache import cache

from portal.core.models import Language
from portal.organisations.contributors import ensure_owned
from portal.usage import recording
from tests.factories import SubjectFactory
from tests.resources.factories import (
    LearningResourcePageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)

PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def fresh_counts():
    """Each test starts with an empty buffer and cache (people seen, the month's secret)."""
    cache.clear()
    recording.discard()
    yield
    recording.discard()
    cache.clear()


@pytest.fixture
def wagtail_basics(db):
    """What Wagtail's migrations create, which the flush after a transactional test removes."""
    from wagtail.models import Collection, Locale, Page, Site

    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": root})
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture
def make_resource(library, django_capture_on_commit_callbacks):
    """A published resource of an organisation (made on first use), with one file."""
    sections = {}

    def make(organisation_slug="dai-hoc-thai-nguyen", organisation_name="Đại học Thái Nguyên", **fields):
        if organisation_slug not in sections:
            sections[organisation_slug] = OrganisationSectionPageFactory(
                parent=library, organisation__name=organisation_name, organisation__slug=organisation_slug
            )
            ensure_owned(sections[organisation_slug].organisation)
        page = LearningResourcePageFactory(parent=sections[organisation_slug], **fields)
        ResourceFileFactory(page=page)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def resource(make_resource):
    """Đại học Thái Nguyên's "Dùng điện thoại an toàn", about digital skills and farming, in
    Vietnamese and Tày."""
    subjects = [
        SubjectFactory(name="Kỹ năng số", name_en="Digital skills", slug="ky-nang-so"),
        SubjectFactory(name="Nông nghiệp", name_en="Farming", slug="nong-nghiep"),
    ]
    languages = [
        Language.objects.get_or_create(slug="vi", defaults={"name": "Tiếng Việt"})[0],
        Language.objects.get_or_create(slug="tyz", defaults={"name": "Tiếng Tày"})[0],
    ]
    return make_resource(title="Dùng điện thoại an toàn", subjects=subjects, languages=languages)


@pytest.fixture
def provincial_editor(admin_user_in):
    from portal.organisations.roles import PROVINCIAL_EDITOR, group_for

    return admin_user_in("bien-tap-tinh", group_for(PROVINCIAL_EDITOR))
