"""Link health: resources that point outside (link resources, harvested records) are checked on a
weekly round, gently (one request every ``LINK_CHECK_PAUSE`` seconds); editors see the broken ones
in the admin and citizens see a note on the resource page instead of a dead button."""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from portal.core.outgoing import AddressRefused, OutgoingError, fetch
from portal.resources.models import LearningResourcePage, LinkCheck

logger = logging.getLogger(__name__)
USER_AGENT = "HocLieuMoThaiNguyen-LinkCheck/1.0 (+https://hoclieu.thainguyen.edu.vn/)"
HEAD_REFUSED = {403, 405, 501}  # some servers refuse HEAD only


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    error: str = ""

    @property
    def broken(self) -> bool:
        return bool(self.error) or self.status_code is None or self.status_code >= 400


def check_link(url: str) -> Answer | None:
    """The answer to ``url`` (HEAD, then GET where HEAD is refused); None when it is not fetched.

    An address that is not public is not fetched, and not judged either; a public one that
    redirects into a private network is broken (no citizen can follow it), and that hop is
    never fetched.
    """
    try:
        response = _ask(url, "HEAD")
        if response.status in HEAD_REFUSED:
            response = _ask(url, "GET")
    except AddressRefused as refusal:
        return None if refusal.url == url else Answer(None, str(refusal)[:300])
    except OutgoingError as error:
        return Answer(None, str(error)[:300])
    return Answer(response.status)


def _ask(url: str, method: str):
    headers = {"User-Agent": USER_AGENT}
    return fetch(url, method=method, headers=headers, deadline=settings.LINK_CHECK_TIMEOUT, read_body=False)


def record(page: LearningResourcePage, answer: Answer) -> LinkCheck:
    now = timezone.now()
    check = LinkCheck.objects.filter(page=page).first() or LinkCheck(page=page)
    was_broken = check.broken and check.url == page.external_url
    check.url, check.checked_at = page.external_url, now
    check.status_code, check.error, check.broken = answer.status_code, answer.error, answer.broken
    check.broken_since = (check.broken_since if was_broken else now) if answer.broken else None
    check.save()
    return check


def due_pages(limit: int):
    """Live resources with an outside address, those never checked first, then the oldest checks."""
    return (
        LearningResourcePage.objects.live()
        .exclude(external_url="")
        .order_by(F("link_check__checked_at").asc(nulls_first=True), "pk")[:limit]
    )


def check_round(limit: int | None = None, pause: float | None = None) -> dict[str, int]:
    """One round: returns how many addresses were checked, found broken and skipped."""
    limit = settings.LINK_CHECK_PER_ROUND if limit is None else limit
    pause = settings.LINK_CHECK_PAUSE if pause is None else pause
    counts = {"checked": 0, "broken": 0, "skipped": 0}
    for number, page in enumerate(due_pages(limit)):
        if number and pause:
            time.sleep(pause)
        answer = check_link(page.external_url)
        if answer is None:
            counts["skipped"] += 1
            continue
        counts["checked"] += 1
        counts["broken"] += record(page, answer).broken
    logger.info("link check: %(checked)s checked, %(broken)s broken, %(skipped)s skipped", counts)
    return counts


@task()
def check_resource_links() -> None:
    check_round()
