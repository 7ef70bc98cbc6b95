"""A contribution end to end in the admin: submitted by a university, approved from the editor's dashboard."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-dai-123"


def log_in(browser, base_url: str, username: str, password: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


def test_contributor_submits_editor_approves_from_the_dashboard_and_mail_arrives(
    live_server, browser, wagtail_tree, django_user_model, mailoutbox
):
    from wagtail.models import Collection

    from portal.organisations.roles import PROVINCIAL_EDITOR, group_for
    from portal.resources.contributors import setup_contributor
    from portal.resources.models import LearningResourcePage
    from tests.factories import HomePageFactory, LicenceFactory, make_site_root
    from tests.resources.factories import LibraryIndexPageFactory

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    home = make_site_root(HomePageFactory(parent=wagtail_tree))
    LibraryIndexPageFactory(parent=home)
    licence = LicenceFactory()
    university = setup_contributor("Đại học Thái Nguyên", "thuvien@tnu.edu.vn")
    university.user.set_password(PASSWORD)
    university.user.save()
    editor = django_user_model.objects.create_user("bientap", "bientap@thainguyen.edu.vn", PASSWORD)
    editor.groups.add(group_for(PROVINCIAL_EDITOR))
    title = "Hướng dẫn trồng lúa nước vụ xuân"

    context, page = log_in(browser, live_server.url, university.user.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/add/resources/learningresourcepage/{university.section.pk}/")
    page.fill("#id_title", title)
    # The licence chooser is a modal; what it leaves behind is the chosen id in a hidden input.
    page.eval_on_selector("#id_licence", "(input, id) => { input.value = id; }", str(licence.pk))
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/(edit/)?$"))
    context.close()

    resource = LearningResourcePage.objects.get(title=title)
    assert resource.slug == "huong-dan-trong-lua-nuoc-vu-xuan" and not resource.live
    assert any(editor.email in message.to and title in message.subject for message in mailoutbox)

    context, page = log_in(browser, live_server.url, "bientap", PASSWORD)
    row = page.locator("tr").filter(has_text=title).first  # "Awaiting your review" on the dashboard
    row.locator("[data-w-dropdown-target='toggle']").first.click()
    row.locator("[data-workflow-action-url*='/approve/']").first.click()
    page.wait_for_load_state("networkidle")
    context.close()

    resource.refresh_from_db()
    assert resource.live
    approved = [message for message in mailoutbox if university.user.email in message.to]
    assert approved and title in approved[-1].subject
    assert "duyệt" in (approved[-1].subject + approved[-1].body).lower()
