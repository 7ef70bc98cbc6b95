"""Download figures for listings, read from the media app's counter table.

The counter is a one-to-one row per document (``document.download_counter``), created on the
first download, so a missing row means zero.
"""

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from portal.resources.models.files import ResourceFile


def with_download_totals(queryset):
    """Annotate ``downloads``: the sum of the counts of every file of each resource."""
    totals = (
        ResourceFile.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(total=Sum("document__download_counter__count"))
        .values("total")
    )
    return queryset.annotate(downloads=Coalesce(Subquery(totals, output_field=IntegerField()), 0))
