"""Phone numbers and e-mail addresses as people type them, in the one form we store and compare.

Vietnamese mobile numbers have ten digits (0xxxxxxxxx); people also write them with the country
code (+84 912 345 678, 84912345678) or with spaces, dots and dashes. All of these are one number,
so a duplicate is found however it was typed.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PHONE_INVALID = _(
    "This phone number is not valid: enter a 10-digit mobile number, for example 0912 345 678 "
    "or +84 912 345 678."
)
_SEPARATORS = re.compile(r"[\s.\-()/]")
_MOBILE = re.compile(r"^0[35789]\d{8}$")


def normalise_phone(raw: str) -> str:
    """``0912345678`` from any usual way of writing it; ValidationError when it is not one."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _MOBILE.match(digits):
        raise ValidationError(PHONE_INVALID, code="phone")
    return digits


def display_phone(phone: str) -> str:
    """``0912 345 678``: easier to read aloud, and kept as text by spreadsheets."""
    if len(phone) != 10:
        return phone
    return f"{phone[:4]} {phone[4:7]} {phone[7:]}"


def normalise_email(raw: str) -> str:
    """Addresses are compared without case: ``An@Example.vn`` and ``an@example.vn`` are one."""
    return (raw or "").strip().lower()
