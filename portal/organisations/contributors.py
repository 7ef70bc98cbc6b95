"""Setting up a contributor organisation: its section, group, collection, account and workflow.

A contributor group may add and edit pages in its own section only, and upload files into a
collection of its own; it cannot publish. Every section is under the provincial editors' review
workflow (see ``roles.py``), so a contributor submits and a provincial editor approves or rejects
with a comment. Running the setup again repairs what is missing and changes nothing else.
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
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.core.text import fold, slugify
from portal.organisations.models import Organisation, OrganisationSectionPage
from portal.organisations.roles import grant_files, permission, review_workflow, setup_roles

CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")
CONTRIBUTOR_FILE_PERMISSIONS = ("add", "change", "choose")


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
    organisation, organisation_created = _organisation(name, slug or slugify(name), kind, website, email)
    section, group, collection, workflow = setup_organisation(organisation)
    user, password = _account(email)
    user.groups.add(group)
    return ContributorSetup(
        organisation, organisation_created, section, group, collection, workflow, user, password
    )


@transaction.atomic
def setup_organisation(organisation: Organisation):
    """The organisation's section, group, collection and review workflow, made or repaired."""
    setup_roles()
    section = _section(library_page(), organisation)
    collection, group = _owned(organisation)
    group.permissions.add(permission("wagtailadmin.access_admin"))
    for action in CONTRIBUTOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=section, permission=_page_permission(action)
        )
    grant_files(group, collection, CONTRIBUTOR_FILE_PERMISSIONS)
    workflow = review_workflow()
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return section, group, collection, workflow


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


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(
        content_type=get_default_page_content_type(), codename=f"{action}_{Page._meta.model_name}"
    )
