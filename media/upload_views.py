"""Admin endpoints of the resumable upload (``static/js/upload.js`` drives them).

Every answer is JSON; a refused file or an unreachable store gets a message the page shows as
is, never an error page. Sessions belong to the editor who opened them.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.documents import get_permission_policy
from wagtail.models import Collection

from media import uploads
from media.models import UploadSession
from media.validation import UploadRejected


def _policy():
    return get_permission_policy()


def _allowed_collections(user):
    return _policy().collections_user_has_permission_for(user, "add")


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": str(message)}, status=status)


def _unavailable() -> JsonResponse:
    return _error(_("The file store is not answering right now; try again in a few minutes."), 503)


def _own_session(request, session_id) -> UploadSession:
    return get_object_or_404(UploadSession, pk=session_id, user=request.user)


def describe(session: UploadSession, parts=None) -> dict:
    data = {
        "id": str(session.pk),
        "status": session.status,
        "message": session.message,
        "size": session.size,
        "part_size": session.part_size,
        "part_count": session.part_count,
    }
    if parts is not None:
        data["parts_done"] = sorted(parts)
    if session.document_id:
        data["document"] = {
            "id": session.document_id,
            "edit_url": reverse("wagtaildocs:edit", args=[session.document_id]),
        }
    return data


@require_GET
def page(request):
    if not _policy().user_has_permission(request.user, "add"):
        return TemplateResponse(request, "wagtailadmin/shared/permission_denied.html", status=403)
    return TemplateResponse(
        request,
        "media/upload.html",
        {"collections": _allowed_collections(request.user), "title": _("Large upload")},
    )


@require_POST
def start(request):
    if not _policy().user_has_permission(request.user, "add"):
        return _error(_("You may not add documents."), 403)
    try:
        size = int(request.POST.get("size", ""))
        collection = _allowed_collections(request.user).get(pk=int(request.POST.get("collection", "")))
    except (ValueError, Collection.DoesNotExist):
        return _error(_("Choose a file and a collection you may add documents to."))
    try:
        session = uploads.start(
            user=request.user,
            filename=request.POST.get("filename", ""),
            size=size,
            title=request.POST.get("title", ""),
            collection=collection,
            sha256=request.POST.get("sha256", ""),
        )
    except UploadRejected as rejection:
        return _error(str(rejection))
    except uploads.StoreUnavailable:
        return _unavailable()
    return JsonResponse(describe(session, parts={}), status=201)


@require_GET
def status(request, session_id):
    session = _own_session(request, session_id)
    try:
        parts = uploads.uploaded_parts(session) if session.status == UploadSession.Status.OPEN else {}
    except uploads.StoreUnavailable:
        return _unavailable()
    return JsonResponse(describe(session, parts))


@require_POST
def part(request, session_id, number: int):
    session = _own_session(request, session_id)
    if session.status != UploadSession.Status.OPEN or not 1 <= number <= session.part_count:
        return _error(_("This part cannot be uploaded any more."), 409)
    digest = request.POST.get("sha256", "").strip().lower()
    if digest and not uploads.is_sha256(digest):
        return _error(_("The checksum must be a SHA-256 in hexadecimal (64 characters)."))
    if digest:
        session.part_digests[str(number)] = digest
        session.save(update_fields=["part_digests", "updated_at"])
    return JsonResponse(uploads.part_target(session, number))


@require_http_methods(["PUT"])
def chunk(request, session_id, number: int):
    session = _own_session(request, session_id)
    if session.status != UploadSession.Status.OPEN:
        return _error(_("This part cannot be uploaded any more."), 409)
    try:
        uploads.receive_chunk(session, number, request)
    except UploadRejected as rejection:
        return _error(str(rejection))
    except OSError:
        return _unavailable()
    return JsonResponse({"part": number})


@require_POST
def complete(request, session_id):
    session = _own_session(request, session_id)
    if session.status not in {UploadSession.Status.OPEN, UploadSession.Status.VERIFYING}:
        return JsonResponse(describe(session))
    try:
        uploads.complete(session)
    except UploadRejected as rejection:
        return _error(str(rejection), 409)
    except uploads.StoreUnavailable:
        return _unavailable()
    session.refresh_from_db()
    return JsonResponse(
        describe(session), status=202 if session.status == UploadSession.Status.VERIFYING else 200
    )


@require_POST
def abort(request, session_id):
    session = _own_session(request, session_id)
    try:
        uploads.abort(session)
    except uploads.StoreUnavailable:
        return _unavailable()
    return JsonResponse({"aborted": True})
