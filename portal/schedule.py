"""Everything the portal does on a clock, in one place (run by ``manage.py scheduler``)."""

from portal.core.scheduling import Periodic, run_command
from portal.imports.harvests import harvest_due_sources
from portal.imports.jobs import remove_abandoned_imports
from portal.programmes.tasks import roll_airings_forward
from portal.registrations.tasks import purge_expired_registrations
from portal.resources.links import check_resource_links
from portal.usage.tasks import flush_usage_counts
from search.tasks import index_recent_downloads

SCHEDULE = [
    # Wagtail's go-live and expiry dates take effect within ten minutes.
    Periodic("publish-scheduled-pages", "*/10 * * * *", run_command, ("publish_scheduled",)),
    # Repositories whose source says "every night" or "every Sunday night".
    Periodic("harvest-due-sources", "30 1 * * *", harvest_due_sources),
    # Download counts reach search ("most downloaded") within a minute or two.
    Periodic("index-recent-downloads", "* * * * *", index_recent_downloads),
    # Large uploads abandoned for three days: their parts are removed from the store.
    Periodic("clean-abandoned-uploads", "0 3 * * *", run_command, ("clean_uploads",)),
    # Registrants' personal data, REGISTRATION_RETENTION_DAYS after their event ends.
    Periodic("purge-expired-registrations", "30 3 * * *", purge_expired_registrations),
    # Programmes' regular weekly slots appear on the schedule four weeks ahead.
    Periodic("roll-airings-forward", "20 0 * * *", roll_airings_forward),
    # Resources' outside addresses, gently, every Sunday night; editors see the broken ones.
    Periodic("check-resource-links", "0 2 * * 0", check_resource_links),
    # Usage counts buffered by the process running the task; rare search phrases of past months go.
    Periodic("flush-usage-counts", "* * * * *", flush_usage_counts),
    # Imports never confirmed or that failed, with their files, IMPORT_ABANDONED_AFTER_HOURS on.
    Periodic("remove-abandoned-imports", "40 * * * *", remove_abandoned_imports),
]
