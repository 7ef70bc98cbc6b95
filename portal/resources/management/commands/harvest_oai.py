"""``manage.py harvest_oai URL --organisation SLUG [--set S] [--from DATE]``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.organisations.models import Organisation
from portal.resources.harvest import DATESTAMP, HarvestError, HarvestReport, harvest
from portal.resources.importing import add_language_argument, use_language
from portal.resources.importing_pages import WriteError


class Command(BaseCommand):
    help = (
        "Harvest Dublin Core (oai_dc) records from an OAI-PMH repository into an organisation's section "
        "as link resources. Incremental: only records changed since the last harvest of the same address "
        "and set are fetched. Deleted records are unpublished. Exit code 1 when any record was rejected "
        "or the harvest stopped early (what was harvested is kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="The repository's OAI-PMH address, e.g. https://…/oai/request")
        parser.add_argument("--organisation", required=True, help="Slug of the contributing organisation.")
        parser.add_argument("--set", default="", dest="set_spec", help="Harvest only this set (setSpec).")
        parser.add_argument(
            "--from", default="", dest="since", help="Harvest records changed since this date (YYYY-MM-DD)."
        )
        add_language_argument(parser)

    def handle(self, *args, **options):
        use_language(options["language"])
        url, since = options["url"], options["since"]
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise CommandError(_("“%(url)s” is not an http(s) address.") % {"url": url}) from None
        if since and not DATESTAMP.match(since):
            raise CommandError(_("--from takes a date like 2026-03-01 or 2026-03-01T08:00:00Z."))
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(
                _("No organisation with the slug “%(slug)s”.") % {"slug": options["organisation"]}
            )
        try:
            report = harvest(url, organisation, set_spec=options["set_spec"], since=since)
        except WriteError as error:
            raise CommandError(str(error)) from None
        except HarvestError as error:
            if error.report is not None and error.report.records:  # what was harvested before it stopped
                self._summary(error.report)
            raise CommandError(str(error)) from None
        self._summary(report)
        if report.last_datestamp:
            self.stdout.write(
                _("Next harvest starts from %(datestamp)s.") % {"datestamp": report.last_datestamp}
            )
        if report.rejected:
            raise CommandError(
                ngettext("%(count)d record rejected.", "%(count)d records rejected.", len(report.rejected))
                % {"count": len(report.rejected)},
                returncode=1,
            )

    def _summary(self, report: HarvestReport) -> None:
        if report.since:
            self.stdout.write(_("Records changed since %(since)s.") % {"since": report.since})
        for identifier, reasons in report.rejected:
            for reason in reasons:
                self.stderr.write(
                    _("%(identifier)s: %(reason)s") % {"identifier": identifier, "reason": reason}
                )
        self.stdout.write(
            _(
                "Harvested: %(created)d created, %(updated)d updated (%(drafts)d left as drafts without a known "
                "licence), %(unpublished)d unpublished, %(unchanged)d unchanged, %(rejected)d rejected."
            )
            % {
                "created": report.created,
                "updated": report.updated,
                "drafts": report.drafts,
                "unpublished": report.unpublished,
                "unchanged": report.unchanged,
                "rejected": len(report.rejected),
            }
        )
