"""The library tree most tests need: home → library → one organisation's section."""

import pytest

from tests.resources.import_support import PDF


@pytest.fixture
def vocabularies(db):
    """The shared subjects, levels, audiences, languages and licences, as ``load_demo`` loads them."""
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()


@pytest.fixture
def stored_files(media_root):
    """The folder imported documents are stored in (the test's own, see ``media_root``)."""
    return media_root / "private"


@pytest.fixture
def files_dir(tmp_path, stored_files):
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "ky-nang-so.pdf").write_bytes(PDF)
    return folder


@pytest.fixture
def contributor(section, vocabularies):
    return section.organisation
