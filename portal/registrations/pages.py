"""What a page that takes registrations provides, and the routes the mixin gives it."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.caching import NeverServedStaleMixin

# Field names a page may use for when and where it happens, read by the default
# ``registration_details()``; a page with other names overrides that method.
_START_FIELDS = ("start", "starts_at", "start_at", "start_time", "start_date")
_END_FIELDS = ("end", "ends_at", "end_at", "end_time", "end_date")
_PLACE_FIELDS = ("venue", "place", "location", "address")  # all that are set, in this order


def _first_attribute(page, names):
    for name in names:
        value = getattr(page, name, None)
        if value:
            return value
    return None


class RegistrablePageMixin(NeverServedStaleMixin, RoutablePageMixin):
    """Mixed into a page model (EventPage; later a centre's class) that may take registrations.

    The page answers four questions; the registrations app does the rest (form, seats, waiting
    list, confirmation, cancellation, the organiser's list and export, retention). Two more
    answers have defaults: whether a full page keeps a waiting list, and when and where it
    happens (for the confirmation page and e-mail).

    Routes: ``dang-ky/`` (form), ``dang-ky/<token>/`` (confirmation), ``dang-ky/<token>/huy/``
    (cancel). They are never cached, indexed, listed in sitemaps or feeds.
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

    def shows_live_figures(self) -> bool:
        """Seats left change with every registration: such a page is never served stale."""
        return self.registration_capacity() is not None

    def registration_has_waiting_list(self) -> bool:
        """Whether people may still register, on a waiting list, once every seat is taken."""
        return True

    def registration_details(self) -> dict:
        """``{"starts_at", "ends_at", "place"}`` for the confirmation page and the e-mail; the times are
        aware datetimes, or dates for something that lasts whole days."""
        place = [str(getattr(self, name)) for name in _PLACE_FIELDS if getattr(self, name, None)]
        return {
            "starts_at": _first_attribute(self, _START_FIELDS),
            "ends_at": _first_attribute(self, _END_FIELDS),
            "place": ", ".join(place),
        }

    @path("dang-ky/", name="registration_form")
    def registration_form_route(self, request):
        from portal.registrations import views

        return views.register(request, self)

    @path("dang-ky/<str:token>/", name="registration_detail")
    def registration_detail_route(self, request, token):
        from portal.registrations import views

        return views.detail(request, self, token)

    @path("dang-ky/<str:token>/huy/", name="registration_cancel")
    def registration_cancel_route(self, request, token):
        from portal.registrations import views

        return views.cancel(request, self, token)


def registrable_models() -> list[type]:
    """Every page model that takes registrations, found without importing the apps that define them."""
    from django.apps import apps
    from wagtail.models import Page

    return [
        model
        for model in apps.get_models()
        if issubclass(model, RegistrablePageMixin) and issubclass(model, Page) and not model._meta.abstract
    ]
