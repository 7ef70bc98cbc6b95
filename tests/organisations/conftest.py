"""Two contributor organisations and a provincial editor, as ``create_contributor`` sets them up."""

import pytest
from django.contrib.auth import get_user_model

from portal.organisations.roles import PROVINCIAL_EDITOR, group_for
from portal.resources.contributors import setup_contributor


@pytest.fixture
def university(library):
    return setup_contributor("Đại học Thái Nguyên", "thuvien@tnu.edu.vn")


@pytest.fixture
def department(library):
    return setup_contributor("Sở Giáo dục và Đào tạo", "sogddt@thainguyen.gov.vn")


@pytest.fixture
def editor(university):
    user = get_user_model().objects.create_user("bientap-tinh", "bientap@thainguyen.gov.vn", "x")
    user.groups.add(group_for(PROVINCIAL_EDITOR))
    return user
