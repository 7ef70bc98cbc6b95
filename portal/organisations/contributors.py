"""Setting up a contributor organisation: its section, group, collection, account and workflow.

A contributor group may add and edit pages in its own section only, and upload files into a
collection of its own; it cannot publish. Every section is under the "Provincial editors
approval" workflow, so a contributor submits and a provincial editor approves or rejects with a
comment. Running the setup again repairs what is missing and changes nothing else.
"""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.core.text import fold, slugify
from portal.organisations.models import Organisation, OrganisationSectionPage

PROVINCIAL_EDITORS = "Provincial editors"
WORKFLOW_NAME = "Provincial editors approval"
TASK_NAME = "Review by provincial editors"
CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
MEDIA_PERMISSIONS = {
    ("wagtaildocs", "document"): ("add", "change", "choose"),
    ("wagtailimages", "image"): ("add", "change", "choose"),
}


class ContributorError(Exception):
    """The setup cannot be done as asked; ``str()`` says why."""


@dataclass
class ContributorSetup:
    organisation: Organisation
    organisation_created: bool
    section: OrganisationSectionPage
    group: Group
    collection: Collection
    workflow: Workflow
    user: object
    password: str | None  # only when the account was created now


@transaction.atomic
def setup_contributor(name: str, email: str, *, slug: str = "", kind: str = "", website: str = ""):
    library = library_page()
    editors = ensure_provincial_editors(library)
    organisation, organisation_created = _organisation(name, slug or slugify(name), kind, website, email)
    section = _section(library, organisation)
    collection, group = _owned(organisation)
    group.permissions.add(_admin_access())
    for action in CONTRIBUTOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=section, permission=_page_permission(action)
        )
    _grant_media(group, collection)
    workflow = ensure_workflow(editors)
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    user, password = _account(email)
    user.groups.add(group)
    return ContributorSetup(
        organisation, organisation_created, section, group, collection, workflow, user, password
    )


def hide_others_drafts(pages, request):
    """For ``construct_page_chooser_queryset``: a draft is listed only to those who may edit it.

    Wagtail's page choosers list every page, drafts included, which would show one contributor
    the unpublished titles of another organisation.
    """
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def library_page():
    """The library of the default site's language; made under the home page on a fresh site."""
    from portal.resources.models import LibraryIndexPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ContributorError(_("There is no default site yet: run `manage.py load_demo` or set up a site."))
    library = LibraryIndexPage.objects.filter(locale=site.root_page.locale).first()
    if library is None:
        library = site.root_page.add_child(
            instance=LibraryIndexPage(title="Học liệu", slug="hoc-lieu", locale=site.root_page.locale)
        )
    return library


def ensure_provincial_editors(library: Page) -> Group:
    """The group that reviews contributions: publishes anywhere in the library."""
    group, _created = Group.objects.get_or_create(name=PROVINCIAL_EDITORS)
    group.permissions.add(_admin_access())
    for action in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=library, permission=_page_permission(action)
        )
    _grant_media(group, Collection.get_first_root_node())
    return group


def ensure_workflow(editors: Group) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    return workflow


def _organisation(name, slug, kind, website, email) -> tuple[Organisation, bool]:
    """The organisation with this slug (renamed to ``name``), or with this name compared without
    case or diacritics (kept as written), or a new one."""
    if not slug:
        raise ContributorError(_("The organisation's name gives no usable slug; pass --slug."))
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is not None:
        organisation.name = name
    else:
        organisation = next(
            (other for other in Organisation.objects.all() if fold(other.name).split() == fold(name).split()),
            None,
        )
    created = organisation is None
    if created:
        organisation = Organisation(slug=slug, name=name, kind=kind or Organisation.Kind.OTHER)
    organisation.kind = kind or organisation.kind
    organisation.website = website or organisation.website
    organisation.email = organisation.email or email
    organisation.full_clean()
    organisation.save()
    return organisation, created


def _owned(organisation: Organisation) -> tuple[Collection, Group]:
    """The organisation's collection and group, made and tied to it by key when missing."""
    if organisation.collection is None:
        organisation.collection = Collection.get_first_root_node().add_child(name=organisation.name)
    if organisation.group is None:
        unowned = Group.objects.filter(name=organisation.group_name, organisation__isnull=True).first()
        organisation.group = unowned or Group.objects.create(name=organisation.group_name)
    organisation.save()
    return organisation.collection, organisation.group


def _section(library, organisation) -> OrganisationSectionPage:
    section = OrganisationSectionPage.objects.filter(organisation=organisation, locale=library.locale).first()
    if section is None:
        taken = set(library.get_children().values_list("slug", flat=True))
        slug = (
            organisation.slug if organisation.slug not in taken else f"{organisation.slug}-{organisation.pk}"
        )
        section = library.add_child(
            instance=OrganisationSectionPage(
                title=organisation.name, slug=slug, organisation=organisation, locale=library.locale
            )
        )
        section.save_revision().publish()
    return section


def _account(email: str):
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = user_model.objects.create_user(email.lower(), email, password)
    return user, password


def _admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(
        content_type=get_default_page_content_type(), codename=f"{action}_{Page._meta.model_name}"
    )


def _grant_media(group: Group, collection: Collection) -> None:
    for (app_label, model_name), actions in MEDIA_PERMISSIONS.items():
        for action in actions:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model_name}"
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
