"""A contributor works in its own section only, and publishes only through the editors' approval."""

from django.urls import reverse
from wagtail.models import WorkflowState

from tests.factories import LicenceFactory
from tests.organisations.support import draft_in, edit_data
from tests.resources.factories import LearningResourcePageFactory


def test_contributor_cannot_edit_publish_or_see_drafts_of_another_organisation(
    client, university, department
):
    theirs = draft_in(department, title="Dự thảo của Sở")
    live = LearningResourcePageFactory(parent=department.section, organisation=department.organisation)
    ours = draft_in(university, title="Dự thảo của Đại học")
    client.force_login(university.user)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).status_code == 200
    add_here = reverse(
        "wagtailadmin_pages:add", args=["resources", "learningresourcepage", university.section.pk]
    )
    assert client.get(add_here).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    for page in (theirs, live):
        for view in ("edit", "history", "preview_on_edit", "revisions_index", "unpublish", "delete"):
            response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[page.pk]))
            assert response.status_code in {302, 403}, (view, response.status_code)
            assert page.title not in response.content.decode()
    add_there = reverse(
        "wagtailadmin_pages:add", args=["resources", "learningresourcepage", department.section.pk]
    )
    assert client.get(add_there).status_code in {302, 403}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[live.pk]), {"title": "Sửa trộm"})
    assert response.status_code in {302, 403}
    live.refresh_from_db()
    assert live.title != "Sửa trộm"
    assert client.get(theirs.url).status_code == 404
    permissions = theirs.permissions_for_user(university.user)
    assert not (permissions.can_edit() or permissions.can_publish() or permissions.can_delete())


def test_contributor_sees_only_its_own_section_in_the_explorer(client, university, department):
    draft_in(department, title="Dự thảo của Sở")
    client.force_login(university.user)

    response = client.get(reverse("wagtailadmin_explore", args=[department.section.pk]))

    assert response.status_code in {302, 403}
    assert "Dự thảo của Sở" not in response.content.decode()
    response = client.get(reverse("wagtailadmin_explore", args=[university.section.pk]), follow=True)
    assert response.status_code == 200


def test_contributor_cannot_publish_but_can_submit_and_an_editor_approves(client, university, editor):
    licence = LicenceFactory()
    page = draft_in(university)
    assert not page.permissions_for_user(university.user).can_publish()
    client.force_login(university.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()

    client.post(edit_url, edit_data(page, licence, **{"action-publish": "publish"}))
    page.refresh_from_db()
    assert not page.live

    response = client.post(edit_url, edit_data(page, licence, **{"action-submit": "submit"}))
    assert response.status_code == 302
    page.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live

    client.force_login(editor)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Đạt yêu cầu, xuất bản."},
    )
    assert response.status_code in {200, 302}
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state.refresh_from_db()
    assert task_state.comment == "Đạt yêu cầu, xuất bản."


def test_editor_rejects_with_a_comment_and_the_page_stays_unpublished(client, university, editor):
    licence = LicenceFactory()
    page = draft_in(university)
    client.force_login(university.user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_data(page, licence, **{"action-submit": "submit"}),
    )
    state = WorkflowState.objects.get(object_id=str(page.pk))

    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk]),
        {"comment": "Thiếu nguồn trích dẫn."},
    )

    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Thiếu nguồn trích dẫn."


def test_contributor_cannot_approve_its_own_submission(client, university, editor):
    licence = LicenceFactory()
    page = draft_in(university)
    client.force_login(university.user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_data(page, licence, **{"action-submit": "submit"}),
    )
    state = WorkflowState.objects.get(object_id=str(page.pk))

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]),
        {"comment": "Tự duyệt"},
    )

    assert response.status_code in {302, 403}
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_page_choosers_do_not_list_another_organisations_drafts(client, university, department):
    draft_in(department, title="Dự thảo riêng của Sở")
    draft_in(university, title="Dự thảo riêng của Đại học")
    LearningResourcePageFactory(
        parent=department.section, organisation=department.organisation, title="Đã đăng"
    )
    client.force_login(university.user)
    search = reverse("wagtailadmin_choose_page_search")

    listed = client.get(search, {"q": "dự thảo riêng"}).content.decode()
    published = client.get(search, {"q": "đã đăng"}).content.decode()

    assert "Dự thảo riêng của Sở" not in listed
    assert "Dự thảo riêng của Đại học" in listed
    assert "Đã đăng" in published
