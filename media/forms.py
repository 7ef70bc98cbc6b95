"""Wagtail's image and document forms with our upload rules (see ``WAGTAIL*_FORM_BASE``).

The check runs in ``clean_file``, before anything is saved, so a refused file never reaches
storage or the database. An accepted file is renamed to its clean name and carries its sniffed
type and original filename to the storage (S3 object metadata).
"""

from django import forms
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from media.storages import store_answers
from media.validation import UploadRejected, validate_upload
from portal.core.file_access import usable_files


class UploadRulesMixin:
    upload_kinds: set[str] | None = None

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # no new file on an edit
        if not store_answers(default_storage):
            raise forms.ValidationError(
                _(
                    "The file store is not answering right now, so the file cannot be saved; try again in a few minutes."
                ),
                code="unavailable",
            )
        try:
            facts = validate_upload(uploaded, uploaded.name, kind=self.upload_kinds)
        except UploadRejected as rejection:
            raise forms.ValidationError(str(rejection), code=rejection.code) from None
        duplicates = facts.duplicates(exclude=self.instance, user=self.user)
        if duplicates:
            raise forms.ValidationError(
                _("This file is already in the library as “%(title)s”; use that one instead.")
                % {"title": duplicates[0].title},
                code="duplicate",
            )
        uploaded.name = facts.clean_name
        uploaded.content_type = facts.content_type
        uploaded.original_filename = facts.original_name
        self.instance.original_filename = facts.original_name
        self.instance.sha256 = facts.sha256
        self.instance.content_type = facts.content_type
        return uploaded


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with a message instead of a crash for an image that does not decode.

    Wagtail reads the pixel size before our rules run; Pillow then raises ``OSError`` on a
    truncated JPEG, which Wagtail lets through as a server error.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError):
            raise forms.ValidationError(
                _("The image file is damaged or incomplete."), code="damaged"
            ) from None


class PortalImageForm(UploadRulesMixin, BaseImageForm):
    upload_kinds = {"image"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"] = CheckedImageField(
                label=self.fields["file"].label, required=self.fields["file"].required
            )


class PortalDocumentForm(UploadRulesMixin, BaseDocumentForm):
    upload_kinds = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "captions" in self.fields:  # only WebVTT files the user may use can be captions
            model = self._meta.model
            usable = model.objects.all() if self.user is None else usable_files(self.user, model)
            if self.instance.captions_id:  # keep what someone with the right to it chose earlier
                usable = usable | model.objects.filter(pk=self.instance.captions_id)
            self.fields["captions"].queryset = (
                usable.filter(content_type="text/vtt").exclude(pk=self.instance.pk).order_by("title")
            )
