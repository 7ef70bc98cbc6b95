from tests.organisations.conftest import department, editor, university  # noqa: F401
