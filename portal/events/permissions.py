"""The organiser's group manages its events: edit permission on each event page it organises.

Granted whenever an event is saved with an organiser, and idempotent, so saving again (or
publishing) adds nothing. An organisation without a group yet gets one (and its collection),
as every organisation owns both.
"""

from wagtail.models import GroupPagePermission

from portal.organisations.contributors import ensure_owned
from portal.organisations.roles import permission

ORGANISER_PAGE_ACTIONS = ("change",)


def grant_organiser(page) -> None:
    organisation = page.organiser
    if organisation is None or page.pk is None:
        return
    if organisation.group_id is None:
        ensure_owned(organisation)
        organisation.group.permissions.add(permission("wagtailadmin.access_admin"))
    for action in ORGANISER_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group_id=organisation.group_id,
            page_id=page.pk,
            permission=permission(f"wagtailcore.{action}_page"),
        )
