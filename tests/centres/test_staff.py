"""Each centre's staff edit their own centre and submit it for review; they cannot publish."""

import pytest
from django.contrib.auth import get_user_model

from portal.organisations.models import Organisation
from portal.organisations.roles import PROVINCIAL_EDITOR, group_for
from tests.centres.factories import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres(centre_index):
    return CentreFactory(parent=centre_index), CentreFactory(parent=centre_index)


@pytest.fixture
def staff(centres):
    user = get_user_model().objects.create_user("canbo", "canbo@htcd.vn", "mat-khau-dai-123")
    user.groups.add(centres[0].organisation.group)
    return user


def test_a_new_centre_gets_an_organisation_and_group_of_its_own(centres):
    first, second = centres

    assert first.organisation.kind == Organisation.Kind.CENTRE and first.organisation.name == first.title
    assert first.organisation.group is not None
    assert first.organisation.group != second.organisation.group


def test_staff_edit_their_centre_and_submit_it_to_provincial_editors_but_cannot_publish(
    client, centres, staff
):
    own, other = centres
    own_permissions, other_permissions = own.permissions_for_user(staff), other.permissions_for_user(staff)

    assert own_permissions.can_edit() and not own_permissions.can_publish()
    assert not other_permissions.can_edit()
    client.force_login(staff)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)

    workflow = own.get_workflow()
    assert workflow is not None
    own.title = "Trung tâm học tập cộng đồng (đã cập nhật giờ mở cửa)"
    own.save_revision(user=staff)
    state = workflow.start(own, staff)

    assert state.status == state.STATUS_IN_PROGRESS
    task_groups = list(state.current_task_state.task.specific.groups.all())
    assert task_groups == [group_for(PROVINCIAL_EDITOR)]
    own.refresh_from_db()
    assert own.title != "Trung tâm học tập cộng đồng (đã cập nhật giờ mở cửa)" and own.has_unpublished_changes


def test_a_centre_already_known_as_a_contributor_keeps_that_organisation(centre_index):
    known = Organisation.objects.create(
        name="Trung tâm học tập cộng đồng xã Tân Cương", slug="tthtcd-tan-cuong"
    )

    centre = CentreFactory(parent=centre_index, title="Trung tâm học tập cộng đồng xã Tân Cương")
    twin = CentreFactory(
        parent=centre_index, title="Trung tâm học tập cộng đồng xã Tân Cương", slug="ban-sao"
    )

    known.refresh_from_db()
    assert centre.organisation == known and known.group is not None and known.kind == "centre"
    assert twin.organisation not in (None, known) and twin.organisation.group != known.group
