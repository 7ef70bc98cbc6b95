"""What the admin's import and harvest screens keep: each import job and each harvest run.

An import job holds the uploaded sheet and unpacked files in ``VAR_DIR/imports/<id>/`` (shared by
the web server and the worker), the checked preview, the progress while the worker imports,
and the report afterwards. A harvest run keeps the counts and messages of one harvest.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BackgroundWork(models.Model):
    """When a piece of work the worker does was asked for and when it ended; newest first."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class ImportJob(BackgroundWork):
    class Status(models.TextChoices):
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
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CHECKED)
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
    def folder(self) -> Path:
        return Path(settings.VAR_DIR) / "imports" / str(self.pk)

    @property
    def files_folder(self) -> Path:
        return self.folder / "files"

    @property
    def sheet_path(self) -> Path:
        suffix = Path(self.sheet_name).suffix.lower()
        return self.folder / f"sheet{suffix}"

    @property
    def accepted(self) -> list[dict]:
        return [row for row in self.preview if not row["errors"]]

    @property
    def rejected(self) -> list[dict]:
        return [row for row in self.preview if row["errors"]]

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 100

    def remove_files(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


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
