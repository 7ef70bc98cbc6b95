"""Broken links in the admin (Reports → Broken links): for the provincial editors."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from portal.organisations.roles import is_provincial_editor
from portal.resources.models import LinkCheck


def may_see_link_health(user) -> bool:
    return user.is_active and (user.is_superuser or is_provincial_editor(user))


def broken_links(request):
    if not may_see_link_health(request.user):
        raise PermissionDenied
    checks = LinkCheck.objects.filter(broken=True).select_related("page").order_by("broken_since", "pk")
    return TemplateResponse(request, "resources/admin/broken_links.html", {"checks": checks})
