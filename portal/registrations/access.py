"""Who may see a page's registrants: the organiser's group, provincial editors, superusers."""

from portal.organisations.roles import is_provincial_editor
from portal.registrations.pages import RegistrablePageMixin


def sees_every_page(user) -> bool:
    return user.is_active and (user.is_superuser or is_provincial_editor(user))


def may_use(user) -> bool:
    """Whether the admin menu shows "Registrations": someone who sees all, or an organisation's member."""
    return sees_every_page(user) or (
        user.is_active and user.groups.filter(organisation__isnull=False).exists()
    )


def may_see(user, page) -> bool:
    """The page's registrants: only the group of the organisation the page names, and those who see all."""
    if not user.is_authenticated or not isinstance(page, RegistrablePageMixin):
        return False
    if sees_every_page(user):
        return True
    organisation = page.registration_organisation()
    group_id = getattr(organisation, "group_id", None)
    return bool(group_id) and user.groups.filter(pk=group_id).exists()
