"""Each centre's own staff: an organisation (kind "centre") whose group may edit that centre only.

A centre's staff keep its hours, facilities and classes up to date; they cannot publish. The whole
tree is under the provincial editors' review workflow (``portal.organisations.roles``), so what the
staff change goes live once a provincial editor approves it. Running the setup again repairs what
is missing and changes nothing else.
"""

from django.db import transaction
from django.db.models.signals import post_save

from portal.core.caching import content_changed
from portal.core.text import fold, slugify
from portal.organisations.contributors import ensure_owned
from portal.organisations.models import Organisation
from portal.organisations.roles import grant_pages, permission, setup_roles

CENTRE_PAGE_PERMISSIONS = ("change",)


def _organisation_for(page) -> Organisation:
    """The organisation already known by the centre's name (the library may list it as a
    contributor) unless another centre has it; otherwise a new one of kind "centre"."""
    same_name = [
        organisation
        for organisation in Organisation.objects.filter(learning_centres__isnull=True)
        if fold(organisation.name).split() == fold(page.title).split()
    ]
    if same_name:
        organisation = same_name[0]
        if organisation.kind == Organisation.Kind.OTHER:
            organisation.kind = Organisation.Kind.CENTRE
            organisation.save(update_fields=["kind"])
        return organisation
    name = page.title
    if Organisation.objects.filter(name=name).exists():
        name = f"{page.title} ({page.pk})"  # another centre of the same name: groups need distinct names
    base = slugify(page.title)[:100] or "trung-tam"
    slug = base if not Organisation.objects.filter(slug=base).exists() else f"{base}-{page.pk}"
    return Organisation.objects.create(name=name, slug=slug, kind=Organisation.Kind.CENTRE)


@transaction.atomic
def setup_centre_staff(page):
    """The centre's organisation and group, allowed to edit (not publish) this page; returns the group."""
    from portal.centres.models import CommunityLearningCentrePage

    setup_roles()
    organisation = page.organisation
    if organisation is None:
        organisation = _organisation_for(page)
        CommunityLearningCentrePage.objects.filter(pk=page.pk).update(organisation=organisation)
        content_changed()  # update() sends no signal; the page names its organisation
        page.organisation = organisation
    _collection, group = ensure_owned(organisation)
    group.permissions.add(permission("wagtailadmin.access_admin"))
    grant_pages(group, page, CENTRE_PAGE_PERMISSIONS)
    return group


def _on_save(sender, instance, created, raw=False, **kwargs):
    """A new centre (not an alias or a fixture) gets its staff group at once."""
    if raw or not created or instance.alias_of_id or instance.organisation_id:
        return
    setup_centre_staff(instance)


def connect() -> None:
    from portal.centres.models import CommunityLearningCentrePage

    post_save.connect(_on_save, sender=CommunityLearningCentrePage, dispatch_uid="centres-staff")
