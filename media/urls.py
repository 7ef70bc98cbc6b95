from django.urls import path

from media import downloads

app_name = "media"
urlpatterns = [
    path("tai-ve/<int:document_id>/<str:filename>", downloads.download, name="download"),
]
