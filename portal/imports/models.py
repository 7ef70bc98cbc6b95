"""What the admin's import and harvest screens keep: each import job and each harvest run.

An import job keeps the uploaded sheet and ZIP, then the unpacked files, in the media storage
under ``imports/<id>/`` (S3 in production, so the web server and the worker need not share a
disk), the checked preview, the progress while the worker checks and imports, and the report
afterwards. A harvest run keeps the counts and messages of one harvest.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.resources.importing_files import StoredFolder, remove_folder

STORAGE_PREFIX = "imports"


class BackgroundWork(models.Model):
    """When a piece of work the worker does was asked for and when it ended; newest first."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class ImportJob(BackgroundWork):
    class Status(models.TextChoices):
        CHECKING = "checking", _("being checked")
        CHECKED = "checked", _("checked, waiting for confirmation")
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("importing")
        DONE = "done", _("finished")
        FAILED = "failed", _("stopped by an error")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sheet_name = models.CharField(_("file"), max_length=255)
    publish = models.BooleanField(_("publish at once"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CHECKING)
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    preview = models.JSONField(default=list, blank=True)  # [{line, identifier, title, action, errors}]
    report = models.JSONField(default=dict, blank=True)

    class Meta(BackgroundWork.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.sheet_name

    @property
    def storage_prefix(self) -> str:
        return f"{STORAGE_PREFIX}/{self.pk}"

    @property
    def sheet_key(self) -> str:
        return f"{self.storage_prefix}/sheet{PurePath(self.sheet_name).suffix.lower()}"

    @property
    def archive_key(self) -> str:
        return f"{self.storage_prefix}/files.zip"

    @property
    def files(self) -> StoredFolder:
        return StoredFolder(default_storage, f"{self.storage_prefix}/files")

    @property
    def accepted(self) -> list[dict]:
        return [row for row in self.preview if not row["errors"]]

    @property
    def rejected(self) -> list[dict]:
        return [row for row in self.preview if row["errors"]]

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 100

    @property
    def unpacking(self) -> bool:
        """While checking: the ZIP's files are still being unpacked."""
        return self.report.get("unpacked", 0) < self.report.get("files", 0)

    def remove_files(self) -> None:
        remove_folder(default_storage, self.storage_prefix)


class HarvestRun(BackgroundWork):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("harvesting")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    source = models.ForeignKey(
        "resources.HarvestSource", verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for a scheduled run."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    deleted = models.PositiveIntegerField(_("deleted"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    log = models.TextField(_("log"), blank=True)

    class Meta(BackgroundWork.Meta):
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")

    def __str__(self) -> str:
        return f"{self.source} {self.created_at:%Y-%m-%d %H:%M}"
