"""Phone numbers typed in the usual Vietnamese ways are one number; anything else is refused."""

import pytest
from django.core.exceptions import ValidationError

from portal.registrations.contacts import PHONE_INVALID, display_phone, normalise_email, normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
    ],
)
def test_usual_ways_of_writing_a_mobile_number_are_one_number(typed):
    assert normalise_phone(typed) == "0912345678"


@pytest.mark.parametrize(
    "typed",
    [
        "091234567",
        "09123456789",
        "1912345678",
        "0212345678",
        "+1 912 345 678",
        "số điện thoại",
        "0912abc678",
        "+84",
    ],
)
def test_a_malformed_number_gets_a_clear_message(typed):
    with pytest.raises(ValidationError) as refused:
        normalise_phone(typed)

    assert refused.value.messages == [str(PHONE_INVALID)]


def test_numbers_are_shown_in_groups_and_addresses_compared_without_case():
    assert display_phone("0912345678") == "0912 345 678"
    assert normalise_email("  Lan.Nguyen@Example.VN ") == "lan.nguyen@example.vn"
