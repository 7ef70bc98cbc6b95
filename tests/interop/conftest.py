from tests.resources.conftest import vocabularies  # noqa: F401 - the shared vocabularies
