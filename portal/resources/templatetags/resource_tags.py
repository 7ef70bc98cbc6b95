"""Template helpers for the library pages."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def subject_url(context, library, subject) -> str:
    """The library's page for one subject (``/hoc-lieu/chu-de/<slug>/``)."""
    if library is None:
        return ""
    return library.get_url(context.get("request")) + library.reverse_subpage("subject", args=[subject.slug])


@register.simple_tag(takes_context=True)
def page_link(context, number) -> str:
    """The current query string with another page number, so filters survive paging."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
