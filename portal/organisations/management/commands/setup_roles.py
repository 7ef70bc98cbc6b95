"""``manage.py setup_roles``: make or repair the roles' groups, permissions and review workflow."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.organisations.roles import ROLES, review_workflow, setup_roles


class Command(BaseCommand):
    help = (
        "Create or repair the portal's roles (provincial editors and the roles other apps declare): "
        "their groups, permissions and the review workflow for contributions. Safe to run again."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        for role in ROLES:
            group = groups[role.key]
            self.stdout.write(
                _("Role %(role)s: group “%(group)s”, %(members)d member(s)")
                % {"role": role.key, "group": group.name, "members": group.user_set.count()}
            )
        self.stdout.write(_("Review workflow: %(workflow)s") % {"workflow": review_workflow().name})
