"""Seats and the waiting list: who gets a seat is decided with the page's row locked.

Every registration and cancellation of a page runs in one transaction that first locks that
page's row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write lock serialises the same way),
so fifty people pressing "Register" for the last ten seats give exactly ten confirmed seats and
forty places on the waiting list, never eleven seats.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.registrations.models import Registration

CLOSED = _("Registration is closed: the organiser no longer takes names for this event.")
NOT_REGISTRABLE = _("This page does not take registrations.")
FULL = _("Every seat is taken and this event keeps no waiting list.")
DUPLICATE = _(
    "You are already registered for this event with this phone number or e-mail address. "
    "Open the link in your confirmation to see or cancel your registration."
)


class RegistrationRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Seats:
    capacity: int | None
    confirmed: int
    waiting: int

    @property
    def left(self) -> int:
        return max(0, (self.capacity or 0) - self.confirmed)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.left == 0


def seats(page) -> Seats:
    counts = Registration.objects.filter(page_id=page.pk).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    return Seats(page.registration_capacity(), counts["confirmed"], counts["waiting"])


def _lock(page) -> None:
    list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))


def _duplicate(page, phone: str, email: str) -> bool:
    same = Q(phone=phone) if phone else Q()
    if email:
        same = (same | Q(email=email)) if phone else Q(email=email)
    return Registration.objects.active().filter(same, page_id=page.pk).exists()


def register(page, *, name: str, phone: str = "", email: str = "", commune=None, language: str = "vi"):
    """A confirmed seat while seats are left, else a place on the waiting list (or a refusal)."""
    try:
        with transaction.atomic():
            _lock(page)
            capacity = page.registration_capacity()
            if capacity is None:
                raise RegistrationRefused(NOT_REGISTRABLE)
            if not page.registration_is_open():
                raise RegistrationRefused(CLOSED)
            if _duplicate(page, phone, email):
                raise RegistrationRefused(DUPLICATE)
            confirmed = Registration.objects.confirmed().filter(page_id=page.pk).count()
            if confirmed < capacity:
                status = Registration.Status.CONFIRMED
            elif page.registration_has_waiting_list():
                status = Registration.Status.WAITING
            else:
                raise RegistrationRefused(FULL)
            now = timezone.now()
            return Registration.objects.create(
                page_id=page.pk,
                name=name,
                phone=phone,
                email=email,
                commune=commune,
                status=status,
                language=language,
                created_at=now,
                consent_at=now,
            )
    except IntegrityError:
        # Only the unique constraints can fail here: the same person sent the form twice at once.
        raise RegistrationRefused(DUPLICATE) from None


def cancel(page, registration: Registration) -> list[Registration]:
    """Cancel ``registration``; a freed seat goes to the first on the waiting list. Returns those
    given a seat, so they can be told."""
    with transaction.atomic():
        _lock(page)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            registration.refresh_from_db()
            return []
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        promoted = fill_seats(page)
    registration.refresh_from_db()
    return promoted


def fill_seats(page) -> list[Registration]:
    """Give free seats to the waiting list, first come first served (call with the page locked)."""
    capacity = page.registration_capacity()
    if capacity is None:
        return []
    free = capacity - Registration.objects.confirmed().filter(page_id=page.pk).count()
    if free <= 0:
        return []
    promoted = list(Registration.objects.waiting().filter(page_id=page.pk).in_order()[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
    return promoted
