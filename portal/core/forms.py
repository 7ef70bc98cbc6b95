"""The admin form every page type builds on: a page may carry only files its editor may use.

Choosers already list only the user's own and public files, but a form is a POST anyone can
write by hand: a document id in a file row, an image in a StreamField block, a rich-text link to
a document. ``is_valid()`` gathers every file the submitted form refers to — fields, inline rows and
StreamField/rich-text content, through Wagtail's own reference extraction — and refuses those
of another organisation that are not public.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm

from portal.core.file_access import file_models, refused_references, stored_references


def _field_references(model, cleaned_data: dict):
    """``(model, id)`` of every file one form's cleaned data points at."""
    file_model_set = set(file_models())
    for name, value in cleaned_data.items():
        if value is None:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # form-only fields (comments, schedule...)
            continue
        if isinstance(field, ForeignKey) and field.related_model in file_model_set:
            yield field.related_model, value.pk
        elif hasattr(field, "extract_references"):
            for to_model, object_id, _model_path, _content_path in field.extract_references(value):
                yield to_model, object_id


def form_references(form):
    """Files referred to by ``form`` and, recursively, by its inline formsets' live rows."""
    if not hasattr(form, "cleaned_data"):
        return
    yield from _field_references(form._meta.model, form.cleaned_data)
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if formset.can_delete and formset._should_delete_form(child):
                continue
            yield from form_references(child)


class PortalPageForm(WagtailAdminPageForm):
    def is_valid(self) -> bool:
        # After the inline formsets are validated too (they are not yet during ``clean()``).
        if not super().is_valid():
            return False
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return True
        refused = refused_references(user, form_references(self), stored_references(self.instance))
        if not refused:
            return True
        numbers = ", ".join(f"#{object_id}" for _model, object_id in refused)
        self.add_error(
            None,
            ngettext(
                "File %(numbers)s belongs to another organisation and is not public, so it cannot "
                "be attached here. Choose one of your organisation's files or a public one.",
                "Files %(numbers)s belong to other organisations and are not public, so they cannot "
                "be attached here. Choose your organisation's files or public ones.",
                len(refused),
            )
            % {"numbers": numbers},
        )
        return False
