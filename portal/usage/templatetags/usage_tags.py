from django import template
from django.utils.formats import get_format

register = template.Library()


@register.filter
def figure(value) -> str:
    """A whole number with the language's thousands separator: 112.039 in Vietnamese."""
    if not isinstance(value, int):
        return value
    return f"{value:,}".replace(",", get_format("THOUSAND_SEPARATOR"))
