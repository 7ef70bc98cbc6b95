"""Files the portal makes itself (demo media, captions) stored exactly as an accepted upload is:
checked and sniffed by ``validate_upload``, cleaned name, sha256, in the owner's collection."""

import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from media.validation import validate_upload


def store_document(title: str, filename: str, data: bytes, collection, kind=None):
    facts = (
        validate_upload(io.BytesIO(data), filename, kind)
        if kind
        else validate_upload(io.BytesIO(data), filename)
    )
    document = get_document_model()(
        title=title,
        collection=collection,
        file=ContentFile(data, name=facts.clean_name),
        original_filename=facts.original_name,
        sha256=facts.sha256,
        content_type=facts.content_type,
        file_size=facts.size,
    )
    document.save()
    return document
