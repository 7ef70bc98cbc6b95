"""What a page that takes registrations provides, and the routes the mixin gives it."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class RegistrablePageMixin(RoutablePageMixin):
    """Mixed into a page model (EventPage; later a centre's class) that may take registrations.

    The page answers four questions; the registrations app does the rest (form, seats, waiting
    list, confirmation, cancellation, the organiser's list and export, retention).
    """

    def registration_capacity(self) -> int | None:
        """Seats offered; None when the page takes no registrations."""
        raise NotImplementedError

    def registration_organisation(self):
        """The ``organisations.Organisation`` whose group sees and exports the registrants."""
        raise NotImplementedError

    def registration_is_open(self) -> bool:
        """Whether people may register now (not past, not cancelled)."""
        raise NotImplementedError

    def registration_ends_at(self):
        """An aware datetime: the personal data is kept for the retention period after it."""
        raise NotImplementedError
