"""The library (``/hoc-lieu/``): every resource below it, with filters that work as a plain GET
form, and a page per subject."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.caching import cached, lazy_context
from portal.core.models import Subject
from portal.core.models.pages import SectionIndexPage
from portal.core.tree import public
from portal.resources.models.index_pages import source_page
from portal.resources.models.resources import LearningResourcePage
from portal.resources.models.sections import OrganisationSectionPage


def _subjects() -> list:
    return cached("subjects", lambda: list(Subject.objects.all()))


class LibraryIndexPage(RoutablePageMixin, SectionIndexPage):
    """Every resource of every contributing organisation, with filters, sorting and pages."""

    subpage_types = ["resources.OrganisationSectionPage"]

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def get_resources(self):
        return LearningResourcePage.objects.descendant_of(source_page(self))

    def get_sections(self):
        return public(
            OrganisationSectionPage.objects.child_of(source_page(self))
            .live()
            .select_related("organisation")
            .order_by("title")
        )

    @path("")
    def index_route(self, request):
        from portal.resources.listing import LISTED, browse_links, resource_listing

        def shown():
            source = source_page(self)
            return {
                **resource_listing(request, self.get_resources()),
                "sections": cached(f"library-sections:{source.pk}", lambda: list(self.get_sections())),
                "subjects": _subjects(),
                "browse_links": browse_links(request),
            }

        names = (*LISTED, "sections", "subjects", "browse_links")
        return self.render(request, context_overrides=lazy_context(shown, names))

    @path("chu-de/<slug:subject_slug>/", name="subject")
    def subject_route(self, request, subject_slug):
        """One subject's resources: a page a teacher or a commune can link to."""
        from portal.resources.listing import LISTED, resource_listing

        subject = next((subject for subject in _subjects() if subject.slug == subject_slug), None)
        if subject is None:
            raise Http404
        resources = self.get_resources().filter(subjects=subject)
        listing = lazy_context(
            lambda: resource_listing(request, resources, fixed={"subject": subject.slug}), LISTED
        )
        return self.render(
            request, template="resources/subject_page.html", context_overrides={**listing, "subject": subject}
        )
