"""Retention: registrants' details are deleted once the page's registrations are long over.

Run daily from ``portal/schedule.py``. A page's registrations go ``REGISTRATION_RETENTION_DAYS``
after its ``registration_ends_at()``; a page that no longer says when it ends (its type changed,
or it names no end) keeps them that long after the last registration was made.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from portal.registrations.models import Registration
from portal.registrations.pages import RegistrablePageMixin

logger = logging.getLogger(__name__)


def _ends_at(page, last_registered):
    if isinstance(page, RegistrablePageMixin):
        try:
            ends_at = page.registration_ends_at()
        except NotImplementedError:
            ends_at = None
        if ends_at is not None:
            return ends_at
    return last_registered


@task()
def purge_expired_registrations() -> int:
    """Delete the registrations whose retention period is over; returns how many went."""
    keep = timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    now = timezone.now()
    last = dict(
        Registration.objects.order_by()
        .values("page_id")
        .annotate(last=Max("created_at"))
        .values_list("page_id", "last")
    )
    expired = [
        page.pk
        for page in Page.objects.filter(pk__in=list(last)).specific()
        if _ends_at(page, last[page.pk]) + keep < now
    ]
    if not expired:
        return 0
    deleted, _by_model = Registration.objects.filter(page_id__in=expired).delete()
    logger.info("deleted %s registration(s) of %s page(s) past their retention period", deleted, len(expired))
    return deleted
