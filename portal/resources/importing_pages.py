"""Creating or updating the learning resource a checked row (or harvested record) describes.

The identifier finds the resource, so importing a file twice updates rather than duplicates.
An update starts from the latest revision, so an editor's unpublished draft work on other
fields is kept; a cell left empty keeps what the resource has. Every change is a revision.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, Page
from wagtail.signals import page_published

from portal.core.text import slugify
from portal.resources.importing_files import store_file
from portal.resources.importing_rows import ResourceData
from portal.resources.models import LearningResourcePage, OrganisationSectionPage, ResourceFile

FIELDS = (  # the fields a row can set; ``ResourceData.given`` says which this row does
    "title",
    "summary",
    "resource_type",
    "subjects",
    "level",
    "audiences",
    "languages",
    "licence",
    "authors",
    "date_issued",
    "external_url",
)
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class WriteError(Exception):
    """The row is valid but cannot be saved where it belongs; ``str()`` is the reason."""


def section_for(organisation) -> OrganisationSectionPage:
    section = OrganisationSectionPage.objects.filter(organisation=organisation).order_by("path").first()
    if section is None:
        raise WriteError(
            _("%(organisation)s has no section in the library yet (create it with create_contributor)")
            % {"organisation": organisation.name}
        )
    return section


def existing_resource(identifier: str) -> LearningResourcePage | None:
    return LearningResourcePage.objects.filter(identifier=identifier).first()


def save_resource(data: ResourceData, *, publish: bool, stored: list) -> str:
    """Save ``data`` as a new revision, published when ``publish``.

    Returns ``CREATED``, ``UPDATED``, or ``UNCHANGED`` when the resource already says all this
    (no revision is added, so importing or harvesting again leaves the history alone). Call
    inside a transaction: terms, documents and the page are written in several steps.
    """
    section = section_for(data.organisation)
    page = existing_resource(data.identifier)
    created = page is None
    if created:
        page = LearningResourcePage(
            identifier=data.identifier,
            title=data.title,
            slug=_free_slug(section, data.title or data.identifier),
            live=False,
            has_unpublished_changes=True,
        )
    elif page.organisation_id != data.organisation.pk:
        raise WriteError(
            _("identifier “%(identifier)s” already belongs to a resource of %(organisation)s")
            % {"identifier": data.identifier, "organisation": page.organisation}
        )
    else:
        page = page.get_latest_revision_as_object()
    before = None if created else page.serializable_data()
    for term in data.new_terms:
        term.save()
    _apply(page, data, stored)
    up_to_date = not publish or (page.live and not page.has_unpublished_changes)
    if before is not None and up_to_date and page.serializable_data() == before:
        return UNCHANGED
    try:
        if created and publish:
            _add_live(section, page)
            return CREATED
        if created:
            section.add_child(instance=page)
        page.full_clean(exclude=None if publish else ["licence"])
    except ValidationError as error:
        raise WriteError("; ".join(_messages(error))) from None
    revision = page.save_revision(clean=False, log_action=not created)  # add_child logged a creation
    if publish:
        revision.publish(log_action=True)
    return CREATED if created else UPDATED


def _add_live(section, page: LearningResourcePage) -> None:
    """A new resource, published: added in one write, given the revision that records it, then
    made live, with the log entries and ``page_published`` signal of publishing in the admin.

    Publishing a draft revision instead would save the page three times and rewrite its files,
    terms and comments each time; for a page nobody has seen there is no earlier revision,
    schedule, alias, comment or workflow for it to settle. Validation runs once, without
    looking up again what the row checker has just found (terms, licence, organisation) or
    checked (the identifier is new, the slug free)."""
    page.live, page.has_unpublished_changes = False, False  # added as a draft: only title and slug checked
    page.first_published_at = page.last_published_at = timezone.now()
    section.add_child(instance=page)
    references = [field.name for field in page._meta.concrete_fields if field.is_relation]
    page.full_clean(exclude=references, validate_unique=False, validate_constraints=False)
    page.live = True
    revision = page.save_revision(clean=False, changed=False)  # add_child logged the creation
    page.live_revision = revision
    Page.objects.filter(pk=page.pk).update(live=True, live_revision=revision)
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    page_published.send(sender=LearningResourcePage, instance=page, revision=revision)


def unpublish_resource(identifier: str, organisation) -> bool:
    """Take a resource of ``organisation`` off the site (a withdrawn record); True if it was live."""
    page = existing_resource(identifier)
    if page is None or page.organisation_id != organisation.pk or not page.live:
        return False
    page.unpublish(log_action=True)
    return True


def _apply(page: LearningResourcePage, data: ResourceData, stored: list) -> None:
    page.organisation = data.organisation
    for name in FIELDS:
        if name in data.given:
            setattr(page, name, getattr(data, name))
    if "files" in data.given:
        collection = data.organisation.collection or Collection.get_first_root_node()
        kept = {item.document_id: item for item in page.files.all()}
        files = []
        for source in data.files:
            document = store_file(source, collection, data.title or source.facts.original_name, stored)
            files.append(kept.get(document.pk) or ResourceFile(document=document))
        page.files = files


def _free_slug(section, text: str) -> str:
    base = slugify(text)[:80].strip("-") or "hoc-lieu"
    taken = set(section.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
    return list(error.messages)
