"""Moderation and account mail reach the right people, in Vietnamese, without an SMTP server."""

from django.urls import reverse
from wagtail.models import WorkflowState

from tests.factories import LicenceFactory
from tests.organisations.support import draft_in, edit_data


def _submit(client, setup, page):
    client.force_login(setup.user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_data(page, LicenceFactory(), **{"action-submit": "submit"}),
    )
    return WorkflowState.objects.get(object_id=str(page.pk))


def test_submission_goes_to_the_editors_and_a_rejection_with_its_comment_to_the_contributor(
    client, university, editor, mailoutbox
):
    page = draft_in(university, title="Sổ tay khuyến nông")
    state = _submit(client, university, page)

    (to_editor,) = [message for message in mailoutbox if editor.email in message.to]
    assert "Sổ tay khuyến nông" in to_editor.subject
    assert university.user.email not in to_editor.to

    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk]),
        {"comment": "Thiếu nguồn trích dẫn."},
    )

    (to_contributor,) = [message for message in mailoutbox if university.user.email in message.to]
    assert "Sổ tay khuyến nông" in to_contributor.subject
    assert "Thiếu nguồn trích dẫn." in to_contributor.body
    assert (
        "yêu cầu chỉnh sửa" in (to_contributor.subject + to_contributor.body).lower()
        or "từ chối" in (to_contributor.subject + to_contributor.body).lower()
    )


def test_password_reset_mail_is_in_vietnamese(client, university, mailoutbox):
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": university.user.email})

    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.to == [university.user.email]
    assert "mật khẩu" in (message.subject + message.body).lower()
