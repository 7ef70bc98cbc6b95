"""Content-Security-Policy: a strict policy for the public site, a workable one for the admin.

Public pages run only our own static scripts and styles (no inline code), load images and media
from the site and, when files live in S3, from the bucket's public address and the endpoint that
signs download links (the admin also uploads to that endpoint), and may not be framed. Wagtail's admin still relies on inline scripts and
styles, so ``/admin/`` (which includes page previews: they render public templates inside the
admin) gets ``CONTENT_SECURITY_POLICY_ADMIN``. An episode's player page alone may frame the
broadcasters' allow-listed hosts.
"""

import functools
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings

MEDIA_DIRECTIVES = ("img-src", "media-src")
ADMIN_MEDIA_DIRECTIVES = (*MEDIA_DIRECTIVES, "connect-src")  # uploads go straight to the bucket


def origin(url: str) -> str:
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


def media_origins() -> list[str]:
    """Where browsers fetch public renditions and signed downloads when files are in S3."""
    if not settings.S3_BUCKET:
        return []
    found = [origin(settings.S3_PUBLIC_URL), origin(settings.S3_ENDPOINT_URL)]
    if not settings.S3_ENDPOINT_URL:  # Amazon S3 itself, path-style addresses
        found += ["https://s3.amazonaws.com", f"https://s3.{settings.S3_REGION}.amazonaws.com"]
    return list(dict.fromkeys(value for value in found if value))


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES))


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy by path and adding the media origins."""

    def process_response(self, request, response):
        # Wagtail renders previews through the middleware with a made-up request for the page's
        # public address; the admin view that returns the preview sets the policy instead.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        directives = MEDIA_DIRECTIVES
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            directives = ADMIN_MEDIA_DIRECTIVES
        origins = media_origins()
        if origins:
            update = dict(parts.update or {})
            for directive in directives:
                update[directive] = [*update.get(directive, ()), *origins]
            parts.update = update
        return parts


def frames_from_player_hosts(view):
    """Let the page a view returns frame the allow-listed broadcasters' players, and nothing else."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        hosts = [f"https://{host.lower()}" for host in settings.BROADCAST_PLAYER_HOSTS]
        replace = dict(getattr(response, "_csp_replace", None) or {})
        replace["frame-src"] = hosts or ["'none'"]
        response._csp_replace = replace
        return response

    return wrapped
