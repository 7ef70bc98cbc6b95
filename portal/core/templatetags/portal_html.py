"""``{{ html|clean_rich_text }}``: rendered rich text through the allow-list (portal.core.sanitise)."""

from django import template
from django.utils.safestring import mark_safe

from portal.core.sanitise import clean_rich_text as clean

register = template.Library()


@register.filter
def clean_rich_text(markup) -> str:
    return mark_safe(clean(markup))  # the cleaner's output is safe by construction
