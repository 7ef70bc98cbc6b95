"""A programme tree most tests need: home → programmes → a weekly TV series, and the schedule."""

import pytest

from portal.core import demo_media

# Headless Chromium (Debian's) for the browser tests, shared with tests/e2e.
from tests.programmes.factories import (
    BroadcastProgrammePageFactory,
    ProgrammeIndexPageFactory,
    SchedulePageFactory,
)


@pytest.fixture
def programmes_index(home):
    return ProgrammeIndexPageFactory(parent=home)


@pytest.fixture
def schedule(home):
    return SchedulePageFactory(parent=home)


@pytest.fixture
def programme(programmes_index):
    return BroadcastProgrammePageFactory(
        parent=programmes_index, title="Kỹ năng số cho mọi người", slug="ky-nang-so-cho-moi-nguoi"
    )


@pytest.fixture
def radio(programmes_index):
    return BroadcastProgrammePageFactory(
        parent=programmes_index,
        title="Khuyến nông tiếng Tày",
        slug="khuyen-nong-tieng-tay",
        channel_kind="radio",
        channel_name="Kênh Phát thanh Thái Nguyên",
    )


@pytest.fixture
def clip(make_document):
    """A two-second WebM video stored like an upload."""
    return make_document(demo_media.video(2, title="Tập thử"), "tap-thu.webm", "Tập thử (video)")


@pytest.fixture
def sound(make_document):
    return make_document(demo_media.audio(2), "tap-thu.ogg", "Tập thử (bản nghe)")


@pytest.fixture
def captions(make_document):
    return make_document(demo_media.captions([(0, 2, "Xin chào")]), "tap-thu.vtt", "Tập thử (phụ đề)")


@pytest.fixture
def section_resource(home):
    """A live learning resource of the library, to relate episodes to."""
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
    )

    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    return LearningResourcePageFactory(parent=section, title="Sổ tay kỹ năng số")
