"""The registration panel an event page shows when it takes registrations.

The registrations app provides the template; until it is installed the event page simply shows
no panel rather than failing.
"""

from django.template import TemplateDoesNotExist
from django.template.loader import get_template

PANEL_TEMPLATE = "registrations/includes/panel.html"


def registration_panel(page):
    """The panel's template when ``page`` takes registrations, else None."""
    if page.registration_capacity() is None:
        return None
    try:
        return get_template(PANEL_TEMPLATE).template
    except TemplateDoesNotExist:
        return None
