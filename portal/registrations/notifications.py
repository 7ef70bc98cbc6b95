"""E-mails to the person who registered: the confirmation, and the news that a seat came free.

Sent after the registration is saved; a mail server that is down is logged and never undoes
or hides the registration (the confirmation page shows everything the e-mail would).
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from portal.registrations.models import Registration

logger = logging.getLogger(__name__)


def registration_url(
    page, registration: Registration, request=None, route: str = "registration_detail"
) -> str:
    """The absolute address of the registration's confirmation (or cancel) page."""
    base = page.get_url(request) if request is not None else None
    base = request.build_absolute_uri(base) if base else page.get_full_url()
    return base.rstrip("/") + "/" + page.reverse_subpage(route, args=[registration.token]).lstrip("/")


def _send(kind: str, page, registration: Registration, request=None) -> bool:
    if not registration.email:
        return False
    with translation.override(registration.language or "vi"):
        context = {
            "page": page,
            "registration": registration,
            "details": page.registration_details(),
            "organisation": page.registration_organisation(),
            "position": registration.waiting_position(),
            "detail_url": registration_url(page, registration, request),
            "cancel_url": registration_url(page, registration, request, "registration_cancel"),
        }
        subject = " ".join(render_to_string(f"registrations/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"registrations/email/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:  # the registration stands whatever the mail server says
        logger.exception("registration e-mail (%s) to registration %s not sent", kind, registration.pk)
        return False
    return True


def send_confirmation(page, registration: Registration, request=None) -> bool:
    return _send("confirmation", page, registration, request)


def send_promotion(page, registration: Registration, request=None) -> bool:
    return _send("promotion", page, registration, request)
