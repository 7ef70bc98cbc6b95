"""A clerk of the Department with the indicators' data-entry role, signed in."""

import pytest
from django.contrib.auth import get_user_model

from portal.organisations.roles import INDICATOR_DATA_ENTRY, group_for, setup_roles


@pytest.fixture
def clerk(client):
    setup_roles()
    user = get_user_model().objects.create_user("nhapso", password="x")
    user.groups.add(group_for(INDICATOR_DATA_ENTRY))
    client.force_login(user)
    return user
