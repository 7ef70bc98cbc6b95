"""The admin API's image and document endpoints list only what the user may use.

Wagtail's own endpoints (``/admin/api/main/images/``, ``…/documents/``) list every file outside
view-restricted collections, and the image endpoint renders a thumbnail of each: a contributor
could read another organisation's private titles and make their renditions. Ours keep Wagtail's
fields and filters and take their rows from the same rule as the choosers
(``portal.core.file_access.usable_files``), so nothing else is listed, shown or rendered.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from portal.core.file_access import usable_files


class UsableFilesOnly:
    def get_queryset(self):
        return usable_files(self.request.user, self.model).order_by("id")


class UsableImagesAdminAPIViewSet(UsableFilesOnly, ImagesAdminAPIViewSet):
    pass


class UsableDocumentsAdminAPIViewSet(UsableFilesOnly, DocumentsAdminAPIViewSet):
    pass
