"""Setting up a contributor: its organisation, section in the library, group, collection, account.

A contributor group may add and edit pages in its own section only, and upload files into a
collection of its own; it cannot publish. Every section is under the provincial editors' review
workflow (see ``portal.organisations.roles``), so a contributor submits and a provincial editor
approves or rejects with a comment. Running the setup again repairs what is missing and changes
nothing else.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    Site,
    Workflow,
    WorkflowPage,
)

from portal.core.text import slugify
from portal.organisations.contributors import (
    CONTRIBUTOR_FILE_PERMISSIONS,
    OrganisationError,
    contributor_account,
    ensure_owned,
    find_or_create,
)
from portal.organisations.models import Organisation
from portal.organisations.roles import grant_files, grant_pages, permission, review_workflow, setup_roles
from portal.resources.models import LibraryIndexPage, OrganisationSectionPage

CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")


class ContributorError(OrganisationError):
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
    organisation, organisation_created = find_or_create(name, slug or slugify(name), kind, website, email)
    section, group, collection, workflow = setup_organisation(organisation)
    user, password = contributor_account(email)
    user.groups.add(group)
    return ContributorSetup(
        organisation, organisation_created, section, group, collection, workflow, user, password
    )


@transaction.atomic
def setup_organisation(organisation: Organisation):
    """The organisation's section, group, collection and review workflow, made or repaired."""
    setup_roles()
    section = _section(library_page(), organisation)
    collection, group = ensure_owned(organisation)
    group.permissions.add(permission("wagtailadmin.access_admin"))
    grant_pages(group, section, CONTRIBUTOR_PAGE_PERMISSIONS)
    grant_files(group, collection, CONTRIBUTOR_FILE_PERMISSIONS)
    workflow = review_workflow()
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return section, group, collection, workflow


def library_page():
    """The library of the default site's language; made under the home page on a fresh site."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ContributorError(_("There is no default site yet: run `manage.py load_demo` or set up a site."))
    library = LibraryIndexPage.objects.filter(locale=site.root_page.locale).first()
    if library is None:
        library = site.root_page.add_child(
            instance=LibraryIndexPage(title="Học liệu", slug="hoc-lieu", locale=site.root_page.locale)
        )
    return library


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
