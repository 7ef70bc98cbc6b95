"""``manage.py create_contributor``: organisation, section, group, collection, account, workflow."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowPage

from portal.organisations.models import Organisation
from portal.organisations.roles import PROVINCIAL_EDITOR, group_for, review_workflow
from portal.resources.models import LibraryIndexPage, OrganisationSectionPage


def create_contributor(*args):
    out = io.StringIO()
    call_command("create_contributor", *args, "--language", "en", stdout=out)
    return out.getvalue()


def test_creates_organisation_section_group_collection_account_and_workflow(library):
    out = create_contributor("Đại học Thái Nguyên", "--email", "ThuVien@tnu.edu.vn", "--kind", "university")

    organisation = Organisation.objects.get(slug="dai-hoc-thai-nguyen")
    assert (organisation.name, organisation.kind, organisation.email) == (
        "Đại học Thái Nguyên",
        "university",
        "ThuVien@tnu.edu.vn",
    )
    section = OrganisationSectionPage.objects.get(organisation=organisation)
    assert section.live and section.get_parent().pk == library.pk
    assert section.url_path.endswith("/hoc-lieu/dai-hoc-thai-nguyen/")
    group = organisation.group
    assert group.name == "Contributors – Đại học Thái Nguyên"
    assert organisation.collection.name == "Đại học Thái Nguyên"
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert sorted(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")
    ) == [(section.pk, "add_page"), (section.pk, "change_page")]
    media = GroupCollectionPermission.objects.filter(group=group)
    assert {permission.collection.name for permission in media} == {"Đại học Thái Nguyên"}
    assert sorted(media.values_list("permission__codename", flat=True)) == [
        "add_document", "add_image", "change_document", "change_image", "choose_document", "choose_image",
    ]  # fmt: skip
    user = get_user_model().objects.get(email="ThuVien@tnu.edu.vn")
    assert user.username == "thuvien@tnu.edu.vn"
    assert list(user.groups.all()) == [group]
    assert not user.is_superuser
    password = out.split("password: ")[1].split()[0]
    assert user.check_password(password)
    assert "(shown only this once)" in out
    workflow = WorkflowPage.objects.get(page=section).workflow
    assert workflow == review_workflow() and workflow.active
    (task,) = [task.specific for task in workflow.tasks]
    editors = group_for(PROVINCIAL_EDITOR)
    assert list(task.groups.all()) == [editors]
    assert set(
        GroupPagePermission.objects.filter(group=editors, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    ) >= {"add_page", "change_page", "publish_page"}


def test_running_again_is_idempotent_and_never_shows_the_password_again(library):
    create_contributor("Đại học Thái Nguyên", "--email", "thuvien@tnu.edu.vn")
    counts = [
        model.objects.count()
        for model in (
            Organisation,
            OrganisationSectionPage,
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
        )
    ]
    password_hash = get_user_model().objects.get().password

    out = create_contributor(
        "Đại học Thái Nguyên", "--email", "thuvien@tnu.edu.vn", "--website", "https://tnu.edu.vn"
    )

    assert "Organisation: Đại học Thái Nguyên (updated)" in out
    assert "already existed; password unchanged" in out
    assert "password:" not in out
    assert counts == [
        model.objects.count()
        for model in (
            Organisation,
            OrganisationSectionPage,
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
        )
    ]
    assert get_user_model().objects.get().password == password_hash
    assert Organisation.objects.get().website == "https://tnu.edu.vn"


def test_second_contributor_shares_the_workflow_but_not_the_group(library):
    create_contributor("Đại học Thái Nguyên", "--email", "a@tnu.edu.vn")
    create_contributor("Sở Giáo dục và Đào tạo", "--email", "b@thainguyen.edu.vn", "--slug", "so-gddt")

    first, second = OrganisationSectionPage.objects.order_by("path")
    assert second.slug == "so-gddt"
    assert WorkflowPage.objects.get(page=first).workflow == WorkflowPage.objects.get(page=second).workflow
    assert Group.objects.filter(organisation__isnull=False).count() == 2


def test_an_existing_organisation_is_found_by_its_name_whatever_the_diacritics_or_case(library):
    create_contributor("Thư viện tỉnh Thái Nguyên", "--email", "a@thuvien.vn", "--slug", "thu-vien-tinh")

    out = create_contributor("THƯ VIỆN TỈNH  Thái Nguyên", "--email", "b@thuvien.vn")
    create_contributor("Thu vien tinh Thai Nguyen", "--email", "c@thuvien.vn")

    organisation = Organisation.objects.get()
    assert (organisation.slug, organisation.name) == ("thu-vien-tinh", "Thư viện tỉnh Thái Nguyên")
    assert "(updated)" in out
    assert OrganisationSectionPage.objects.count() == 1
    assert organisation.group.user_set.count() == 3


def test_library_is_made_on_a_fresh_site(home):
    create_contributor("Hội Khuyến học tỉnh", "--email", "khuyenhoc@thainguyen.vn")

    library = LibraryIndexPage.objects.get()
    assert library.slug == "hoc-lieu" and library.get_parent().pk == home.pk
    assert OrganisationSectionPage.objects.get().get_parent().pk == library.pk


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["Đại học Thái Nguyên", "--email", "khong-phai-email"], "is not an e-mail address"),
        (["   ", "--email", "a@tnu.edu.vn"], "name is empty"),
        (["!!!", "--email", "a@tnu.edu.vn"], "pass --slug"),
    ],
)
def test_bad_input_gets_a_clear_message(library, arguments, message):
    with pytest.raises(CommandError, match=message):
        create_contributor(*arguments)
    assert not Organisation.objects.exists()
