from tests.organisations.conftest import department, editor, library, university  # noqa: F401
