"""The admin form every page type builds on: readable addresses, and only usable files.

Addresses: the slug field transliterates Vietnamese as the editor types (one table with the
server, ``portal.core.text``), and an empty or mangled slug is rebuilt from the title on save.

Files: choosers already list only the user's own and public files, but a form is a POST anyone can
write by hand: a document id in a file row, an image in a StreamField block, a rich-text link to
a document. ``is_valid()`` gathers every file the submitted form refers to — fields, inline rows and
StreamField/rich-text content, through Wagtail's own reference extraction — and refuses those
of another organisation that are not public.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Page

from portal.core.file_access import file_models, refused_references, stored_references
from portal.core.text import is_mangled_slug, slug_formatters, slugify


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
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:  # typed titles become readable addresses in the browser too
            self.fields["slug"].widget = SlugInput(formatters=slug_formatters())
            self.fields["slug"].required = False  # made from the title when left empty

    def clean(self):
        self._readable_slug()
        return super().clean()

    def _readable_slug(self) -> None:
        """An empty or mangled slug becomes the title's words without diacritics ("đ" → "d")."""
        title, slug = self.cleaned_data.get("title"), self.cleaned_data.get("slug", None)
        if not title or slug is None or (slug and not is_mangled_slug(slug, title)):
            return
        base = slugify(title)[:80].strip("-")
        if not base:
            return
        candidate, number = base, 2
        while self.parent_page is not None and not Page._slug_is_available(
            candidate, self.parent_page, self.instance
        ):
            candidate, number = f"{base}-{number}", number + 1
        self.cleaned_data["slug"] = candidate

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
