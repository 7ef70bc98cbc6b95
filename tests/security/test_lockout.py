"""Signing in to the admin: five wrong passwords pause that account from that address."""

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.40"  # a whole office (or a carrier's NAT) behind one address
HOME = "198.51.100.8"
PASSWORD = "mat-khau-dung-2026"
LOCKED_VI = "Tài khoản này đã đăng nhập sai quá nhiều lần từ mạng của bạn"


@pytest.fixture
def editors(django_user_model):
    from django.contrib.auth.models import Permission

    access = Permission.objects.get(codename="access_admin")
    made = []
    for username in ("bientap-lan", "bientap-minh"):
        user = django_user_model.objects.create_user(username, f"{username}@example.vn", PASSWORD)
        user.user_permissions.add(access)
        made.append(user)
    return made


def sign_in(client, username, password, address=OFFICE):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_account_with_a_vietnamese_message(client, editors):
    lan = editors[0]
    for _ in range(5):
        assert sign_in(client, lan.username, "sai-mat-khau").status_code in (200, 429)

    refused = sign_in(client, lan.username, PASSWORD)

    assert refused.status_code == 429
    text = refused.content.decode()
    assert LOCKED_VI in text and "30 phút" in text
    assert int(refused["Retry-After"]) == 30 * 60
    assert not signed_in(client)


def test_four_wrong_passwords_still_let_the_right_one_in(client, editors):
    lan = editors[0]
    for _ in range(4):
        assert sign_in(client, lan.username, "sai-mat-khau").status_code == 200

    assert sign_in(client, lan.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_colleague_behind_the_same_address_is_not_locked_out(client, editors):
    lan, minh = editors
    for _ in range(6):
        sign_in(client, lan.username, "sai-mat-khau")

    assert sign_in(client, minh.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_same_account_from_another_address_can_still_sign_in(client, editors):
    lan = editors[0]
    for _ in range(6):
        sign_in(client, lan.username, "sai-mat-khau")

    assert sign_in(client, lan.username, PASSWORD, address=HOME).status_code == 302


def test_the_pause_ends_after_the_cool_off(client, editors, settings):
    import datetime

    lan = editors[0]
    for _ in range(5):
        sign_in(client, lan.username, "sai-mat-khau")
    assert sign_in(client, lan.username, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=31)
    )

    assert sign_in(client, lan.username, PASSWORD).status_code == 302


def test_limits_come_from_settings(client, editors, settings):
    settings.AXES_FAILURE_LIMIT = 2
    lan = editors[0]
    sign_in(client, lan.username, "sai-mat-khau")
    sign_in(client, lan.username, "sai-mat-khau")

    assert sign_in(client, lan.username, PASSWORD).status_code == 429
