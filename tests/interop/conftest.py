from tests.resources.conftest import library, section, vocabularies  # noqa: F401 - the library tree
