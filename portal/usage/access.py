"""Who sees which figures: provincial editors (and superusers) the whole province, a contributor
organisation's members their own organisation's only."""

from portal.organisations.models import Organisation
from portal.organisations.roles import is_provincial_editor


def sees_province(user) -> bool:
    return user.is_active and (user.is_superuser or is_provincial_editor(user))


def own_organisations(user) -> list[Organisation]:
    """The organisations whose contributor group the user is in (tied by group, never by name)."""
    if not user.is_active:
        return []
    return list(Organisation.objects.filter(group__user=user).order_by("name"))


def may_use(user) -> bool:
    return user.is_authenticated and (sees_province(user) or bool(own_organisations(user)))


class NotYours(Exception):
    """Another organisation's figures: answered with 403."""


def choices_and_choice(user, asked: str) -> tuple[list[Organisation], Organisation | None]:
    """The organisations the user may pick from and the one asked for (None: the whole province).

    A contributor always gets one of their own; asking for anyone else's raises ``NotYours``.
    """
    if sees_province(user):
        organisations = list(Organisation.objects.order_by("name"))
        return organisations, next((item for item in organisations if item.slug == asked), None)
    organisations = own_organisations(user)
    if not organisations:
        raise NotYours
    if not asked:
        return organisations, organisations[0]
    chosen = next((item for item in organisations if item.slug == asked), None)
    if chosen is None:
        raise NotYours
    return organisations, chosen
