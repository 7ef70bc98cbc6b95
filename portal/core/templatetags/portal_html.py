"""``{{ html|clean_rich_text }}``: rendered rich text through the allow-list (portal.core.sanitise).
``{{ when|datetime_attribute }}``: a time for ``<time datetime>``."""

import datetime

from django import template
from django.utils.safestring import mark_safe

from portal.core.sanitise import clean_rich_text as clean

register = template.Library()


@register.filter
def clean_rich_text(markup) -> str:
    return mark_safe(clean(markup))  # the cleaner's output is safe by construction


@register.filter(expects_localtime=True)
def datetime_attribute(value) -> str:
    """ISO 8601 in local time, to the second: HTML allows at most three digits of a second's fraction,
    which ``|date:'c'`` exceeds whenever a time carries microseconds (anything stamped "now")."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat() if isinstance(value, datetime.date) else ""
