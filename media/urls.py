from django.urls import path

from media import downloads
from portal.core.ratelimit import rate_limited

app_name = "media"
urlpatterns = [
    path(
        "tai-ve/<int:document_id>/<str:filename>",
        rate_limited("downloads")(downloads.download),
        name="download",
    ),
]
