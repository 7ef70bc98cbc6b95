"""Admin wiring: the large-upload screen and its endpoints; Wagtail's document URLs go through ours."""

from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from media import upload_views
from media.admin_api import UsableDocumentsAdminAPIViewSet, UsableImagesAdminAPIViewSet
from portal.core.file_access import public_files

upload_urls = (
    [
        path("", upload_views.page, name="page"),
        path("start/", upload_views.start, name="start"),
        path("<uuid:session_id>/", upload_views.status, name="status"),
        path("<uuid:session_id>/parts/<int:number>/", upload_views.part, name="part"),
        path("<uuid:session_id>/chunks/<int:number>/", upload_views.chunk, name="chunk"),
        path("<uuid:session_id>/complete/", upload_views.complete, name="complete"),
        path("<uuid:session_id>/abort/", upload_views.abort, name="abort"),
    ],
    "media_uploads",
)


@hooks.register("register_admin_urls")
def register_upload_urls():
    return [path("media/uploads/", include(upload_urls))]


class LargeUploadMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.documents import get_permission_policy

        return get_permission_policy().user_has_permission(request.user, "add")


@hooks.register("register_admin_menu_item")
def register_large_upload_menu_item():
    return LargeUploadMenuItem(
        _("Large upload"), reverse("media_uploads:page"), icon_name="upload", order=410, name="large-upload"
    )


@hooks.register("before_serve_document")
def serve_through_download_view(document, request):
    """``/documents/<id>/<name>`` (Wagtail's own route) leads to ours, for the same permission check,
    headers and single count. (Wagtail would serve the file itself after a hook that answers with a
    streamed file, and count it a second time.)"""
    return HttpResponseRedirect(reverse("media:download", args=[document.pk, document.filename]))


def _with_public_files(model):
    def construct_queryset(objects, request):
        """Wagtail lists the files of the user's own collections; public files join them."""
        public = public_files(model).values("pk")
        return model.objects.filter(Q(pk__in=objects.values("pk")) | Q(pk__in=public)).order_by(
            "-created_at", "-pk"
        )

    return construct_queryset


hooks.register("construct_document_chooser_queryset", _with_public_files(get_document_model()))
hooks.register("construct_image_chooser_queryset", _with_public_files(get_image_model()))


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations, replacing them
def register_usable_files_admin_api(router):
    router.register_endpoint("images", UsableImagesAdminAPIViewSet)
    router.register_endpoint("documents", UsableDocumentsAdminAPIViewSet)
