"""Wagtail's page-types report without other organisations' draft titles.

The report names the last edited page of each type: for a contributor that would be another
organisation's unpublished draft. Pages the user may not edit are shown only when they are live
and public (their titles are on the site anyway).
"""

from django.db.models import Q
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def visible_pages(user):
    """Pages whose titles ``user`` may read in the admin's reports."""
    if user.is_superuser:
        return Page.objects.all()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return Page.objects.filter(
        Q(pk__in=Page.objects.live().public().values("pk")) | Q(pk__in=editable.values("pk"))
    )


class OwnPageTypesUsageReportView(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        shown_ids = [item.last_edited_page.pk for item in page_types if item.last_edited_page]
        visible = set(visible_pages(self.request.user).filter(pk__in=shown_ids).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page and item.last_edited_page.pk not in visible:
                item.last_edited_page = None
        return page_types
