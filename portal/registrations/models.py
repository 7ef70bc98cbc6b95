"""One person's registration for a page with seats (an event, later a centre's class).

Personal data: seen only by the organiser's group, never indexed, cached or fed, and deleted
``REGISTRATION_RETENTION_DAYS`` after the page's registrations end (``tasks.py``).
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.registrations.contacts import display_phone


def new_token() -> str:
    """192 random bits: the cancel link is the only key to a registration, so it cannot be guessed."""
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING)

    def in_order(self):
        """First come, first served: the order seats are given and the waiting list is read."""
        return self.order_by("created_at", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Seat confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("full name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=10, blank=True, help_text=_("Stored as 0xxxxxxxxx."))
    email = models.EmailField(_("email"), blank=True)
    commune = models.ForeignKey(
        "core.AdminUnit",
        verbose_name=_("commune or ward"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    language = models.CharField(_("language"), max_length=10, default="vi")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    consent_at = models.DateTimeField(_("consent given at"))
    promoted_at = models.DateTimeField(_("moved from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["page", "status", "created_at"], name="registration_seats")]
        constraints = [
            models.CheckConstraint(condition=~Q(phone="") | ~Q(email=""), name="registration_has_contact"),
            # The same person twice on one page, however the form was sent (the page lock
            # already serialises registrations; this is the last line).
            models.UniqueConstraint(
                fields=["page", "phone"],
                condition=~Q(status="cancelled") & ~Q(phone=""),
                name="registration_one_per_phone",
            ),
            models.UniqueConstraint(
                fields=["page", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="registration_one_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    def waiting_position(self) -> int | None:
        """1 for the first person on the waiting list; None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        ahead = (
            Registration.objects.waiting()
            .filter(page_id=self.page_id)
            .filter(Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk))
        )
        return ahead.count() + 1
