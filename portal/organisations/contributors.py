"""An organisation's own things: found by slug or folded name, its group and collection, accounts.

A contributor group uploads into a collection of its own; the library's section and its page
permissions are set up by the resources app (``portal.resources.contributors``).
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Collection
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.core.text import fold
from portal.organisations.models import Organisation

CONTRIBUTOR_FILE_PERMISSIONS = ("add", "change", "choose")


class OrganisationError(Exception):
    """The organisation cannot be set up as asked; ``str()`` says why."""


def find_or_create(name, slug, kind="", website="", email="") -> tuple[Organisation, bool]:
    """The organisation with this slug (renamed to ``name``), or with this name compared without
    case or diacritics (kept as written), or a new one."""
    if not slug:
        raise OrganisationError(_("The organisation's name gives no usable slug; pass --slug."))
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


def ensure_owned(organisation: Organisation) -> tuple[Collection, Group]:
    """The organisation's collection and group, made and tied to it by key when missing."""
    if organisation.collection is None:
        organisation.collection = Collection.get_first_root_node().add_child(name=organisation.name)
    if organisation.group is None:
        unowned = Group.objects.filter(name=organisation.group_name, organisation__isnull=True).first()
        organisation.group = unowned or Group.objects.create(name=organisation.group_name)
    organisation.save()
    return organisation.collection, organisation.group


def contributor_account(email: str):
    """The account with this e-mail, or a new one with a random password (returned once)."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    user = user_model.objects.create_user(email.lower(), email, password)
    return user, password


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
