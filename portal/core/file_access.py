"""Who may see, attach and download which documents and images.

Files belong to the collection they were uploaded into (one per organisation). A file is
*public* when a live page without view restrictions uses it, per Wagtail's reference index.
Everyone else's files stay out of reach: a user may attach only files of collections they hold
a permission on, public files, and files the page already carried; a non-public document is
downloaded only by users with permission on its collection or on a page that uses it, or by a
visitor who passed the view restriction of a live page that uses it.

Built on Wagtail's own APIs only, so both the page forms here and the media app's download view
share one definition.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

USE_ACTIONS = ("add", "change", "choose")


def file_models() -> tuple:
    """The models whose instances belong to collections and may be attached to pages."""
    return (get_document_model(), get_image_model())


def _page_ids_as_text(pages: QuerySet) -> QuerySet:
    # ReferenceIndex keeps object ids as text, whatever the model's key type.
    return pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def _page_references(model) -> QuerySet:
    """Every use of a file of ``model`` by a page."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def _references_to(model, pages: QuerySet) -> QuerySet:
    return _page_references(model).filter(object_id__in=_page_ids_as_text(pages))


def pages_using(model, file_ids) -> list[int]:
    """Ids of the pages whose content uses any of these files of ``model``."""
    references = _page_references(model).filter(to_object_id__in=[str(pk) for pk in file_ids])
    return sorted({int(pk) for pk in references.values_list("object_id", flat=True)})


def public_files(model) -> QuerySet:
    """Files of ``model`` used by at least one live page without view restrictions."""
    ids = _references_to(model, Page.objects.live().public()).values_list(
        Cast("to_object_id", IntegerField()), flat=True
    )
    return model.objects.filter(pk__in=ids)


def usable_files(user, model) -> QuerySet:
    """Files ``user`` may choose and attach: their collections' files and public ones."""
    own = policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, USE_ACTIONS)
    return model.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=public_files(model).values("pk")))


def reusable_files(collection, model) -> QuerySet:
    """Files an import into ``collection`` may reuse instead of storing a copy."""
    return model.objects.filter(Q(collection=collection) | Q(pk__in=public_files(model).values("pk")))


def refused_references(user, references, already_used=()) -> list[tuple[type, int]]:
    """Of ``(model, id)`` pairs, those ``user`` may not attach (sorted, without repeats).

    ``already_used`` are pairs the object carried before this edit: keeping a file someone with
    the right to it attached earlier is allowed.
    """
    wanted: dict = {}
    for model, object_id in references:
        if model in file_models() and str(object_id).isdigit():
            wanted.setdefault(model, set()).add(int(object_id))
    refused = []
    for model, ids in wanted.items():
        ids -= {int(object_id) for kept_model, object_id in already_used if kept_model is model}
        if not ids:
            continue
        allowed = set(usable_files(user, model).filter(pk__in=ids).values_list("pk", flat=True))
        refused.extend((model, object_id) for object_id in sorted(ids - allowed))
    return refused


def stored_references(instance) -> list[tuple[type, str]]:
    """The files ``instance`` refers to now, as recorded in the reference index."""
    if instance.pk is None:
        return []
    by_content_type = {ContentType.objects.get_for_model(model).pk: model for model in file_models()}
    rows = ReferenceIndex.get_references_for_object(instance).filter(
        to_content_type_id__in=list(by_content_type)
    )
    return [(by_content_type[row.to_content_type_id], row.to_object_id) for row in rows]


def may_manage(user, document) -> bool:
    """Whether ``user`` holds a permission on the document's collection or on a page using it."""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_any_permission_for_instance(user, USE_ACTIONS, document):
        return True
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return _references_to(type(document), editable).filter(to_object_id=str(document.pk)).exists()


def may_download(request, document) -> bool:
    """Whether this request may have the document's bytes."""
    if may_manage(request.user, document):
        return True
    if not all(
        restriction.accept_request(request) for restriction in document.collection.get_view_restrictions()
    ):
        return False
    page_ids = _references_to(type(document), Page.objects.live()).filter(to_object_id=str(document.pk))
    pages = Page.objects.live().filter(
        pk__in=page_ids.values_list(Cast("object_id", IntegerField()), flat=True)
    )
    for page in pages:
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False
