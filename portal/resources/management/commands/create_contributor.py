"""``manage.py create_contributor "Đại học Thái Nguyên" --email thuvien@tnu.edu.vn``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from portal.organisations.contributors import OrganisationError
from portal.organisations.models import Organisation
from portal.resources.contributors import setup_contributor
from portal.resources.importing import add_language_argument, use_language


class Command(BaseCommand):
    help = (
        "Create or update a contributor organisation: its section in the library, a group that may add "
        "and edit pages there (not publish), a collection for its files, an account for EMAIL, and the "
        "provincial editors' approval workflow on the section. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The organisation's name, e.g. “Đại học Thái Nguyên”.")
        parser.add_argument("--email", required=True, help="E-mail address of the contributor's account.")
        parser.add_argument(
            "--slug", default="", help="Slug of the organisation (default: made from the name)."
        )
        parser.add_argument("--kind", default="", choices=["", *Organisation.Kind.values])
        parser.add_argument("--website", default="")
        add_language_argument(parser)

    def handle(self, *args, **options):
        use_language(options["language"])
        name = options["name"].strip()
        if not name:
            raise CommandError(_("The organisation's name is empty."))
        try:
            validate_email(options["email"])
        except ValidationError:
            raise CommandError(
                _("“%(email)s” is not an e-mail address.") % {"email": options["email"]}
            ) from None
        try:
            setup = setup_contributor(
                name, options["email"], slug=options["slug"], kind=options["kind"], website=options["website"]
            )
        except (OrganisationError, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        organisation = setup.organisation
        status = _("created") if setup.organisation_created else _("updated")
        self.stdout.write(
            _("Organisation: %(name)s (%(status)s)") % {"name": organisation.name, "status": status}
        )
        self.stdout.write(_("Section: %(url)s") % {"url": setup.section.full_url or setup.section.url_path})
        self.stdout.write(_("Group: %(group)s") % {"group": setup.group.name})
        self.stdout.write(_("Collection: %(collection)s") % {"collection": setup.collection.name})
        self.stdout.write(_("Workflow: %(workflow)s") % {"workflow": setup.workflow.name})
        username = setup.user.get_username()
        if setup.password:
            self.stdout.write(
                _("Account: %(username)s  password: %(password)s  (shown only this once)")
                % {"username": username, "password": setup.password}
            )
        else:
            self.stdout.write(
                _("Account: %(username)s (already existed; password unchanged)") % {"username": username}
            )
        self.stdout.write(self.style.SUCCESS(_("Contributor ready.")))
