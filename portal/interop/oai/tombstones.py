"""Withdrawn resources are remembered (``DeletedRecord``) so harvesters learn they are gone."""

from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from portal.interop.models import DeletedRecord
from portal.resources.models import LearningResourcePage


def withdraw(page: LearningResourcePage) -> None:
    from portal.interop.oai.records import set_specs

    if not page.identifier:
        return
    DeletedRecord.objects.update_or_create(
        identifier=page.identifier,
        defaults={"page_id": page.pk, "datestamp": timezone.now(), "sets": set_specs(page)},
    )


def _unpublished(sender, instance, **kwargs):
    withdraw(instance)


def _deleted(sender, instance, **kwargs):
    if instance.live:
        withdraw(instance)


def _published(sender, instance, **kwargs):
    if instance.identifier:
        DeletedRecord.objects.filter(identifier=instance.identifier).delete()


def connect() -> None:
    page_unpublished.connect(_unpublished, sender=LearningResourcePage, dispatch_uid="oai-withdrawn")
    pre_delete.connect(_deleted, sender=LearningResourcePage, dispatch_uid="oai-deleted")
    page_published.connect(_published, sender=LearningResourcePage, dispatch_uid="oai-republished")
