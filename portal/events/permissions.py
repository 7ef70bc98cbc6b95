"""The organiser's group manages its events: edit permission on each event page it organises.

Kept in step whenever an event is saved: the organiser's group is granted edit permission, and
the groups of organisations that no longer organise it lose theirs. Idempotent, so saving again
(or publishing) changes nothing. An organisation without a group yet gets one (and its
collection), as every organisation owns both.
"""

from wagtail.models import GroupPagePermission

from portal.organisations.contributors import ensure_owned
from portal.organisations.models import Organisation
from portal.organisations.roles import permission

ORGANISER_PAGE_ACTIONS = ("change",)


def sync_organiser(page) -> None:
    """Grant the current organiser's group, revoke former organisers' groups."""
    if page.pk is None:
        return
    organisation = page.organiser
    former = GroupPagePermission.objects.filter(
        page_id=page.pk, group__in=Organisation.objects.exclude(group=None).values("group")
    )
    if organisation is not None and organisation.group_id is not None:
        former = former.exclude(group_id=organisation.group_id)
    former.delete()
    if organisation is None:
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
