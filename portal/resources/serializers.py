"""The API's view of a resource's files: what a partner needs to offer the download."""

from django.urls import reverse
from rest_framework import serializers


class ResourceFileSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    format = serializers.CharField(read_only=True, source="format_label")
    media_type = serializers.CharField(read_only=True, source="mime_type")
    size = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    def get_size(self, item) -> int | None:
        return item.document.file_size

    def get_download_url(self, item) -> str:
        """Through ``/tai-ve/``: the download is counted and its permission checked."""
        url = reverse("media:download", args=[item.document_id, item.document.filename])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url
