"""Signing in to the admin: five wrong passwords pause that account from that network (an IPv6
client is its /64); many wrong passwords from everywhere slow the account down, and its owner
gets a link that lets their own browser in."""

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


@pytest.fixture
def behind_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in_through_proxy(client, username, password, address):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=address,
    )


def test_new_addresses_in_one_ipv6_block_do_not_dodge_the_lockout(client, editors, behind_the_proxy):
    lan = editors[0]
    answers = [
        sign_in_through_proxy(client, lan.username, "sai-mat-khau", f"2001:db8:7:1::{number:x}").status_code
        for number in range(1, 13)
    ]

    assert answers[:4] == [200] * 4 and set(answers[4:]) == {429}  # the fifth failure locks
    refused = sign_in_through_proxy(client, lan.username, PASSWORD, "2001:db8:7:1::d")
    assert refused.status_code == 429 and LOCKED_VI in refused.content.decode()
    assert not signed_in(client)
    # Another subscriber's block is another network.
    assert sign_in_through_proxy(client, lan.username, PASSWORD, "2001:db8:7:2::1").status_code == 302


def test_many_addresses_together_slow_the_account_down_and_its_owner_gets_a_link(
    client, editors, behind_the_proxy, settings, mailoutbox
):
    from freezegun import freeze_time

    settings.SIGN_IN_ACCOUNT_LIMIT = 8
    lan = editors[0]
    attacker = client.__class__()
    with freeze_time("2026-12-07 08:00:00") as clock:
        for number in range(8):  # one try from each of many networks: never five from one
            address = f"198.51.{100 + number}.7"
            assert sign_in_through_proxy(attacker, lan.username, "sai-mat-khau", address).status_code == 200

        paused = sign_in_through_proxy(client, lan.username, PASSWORD, "203.0.113.99")
        assert paused.status_code == 429
        assert "nhiều địa chỉ khác nhau" in paused.content.decode()
        assert int(paused["Retry-After"]) == 60
        assert not signed_in(client)

        clock.tick(61)  # one try per pause; a wrong one doubles it
        assert sign_in_through_proxy(attacker, lan.username, "sai", "198.51.120.7").status_code == 200
        clock.tick(61)
        again = sign_in_through_proxy(attacker, lan.username, "sai", "198.51.121.7")
        assert again.status_code == 429 and int(again["Retry-After"]) == 120 - 61  # doubled to two minutes

        assert len(mailoutbox) == 1 and mailoutbox[0].to == [lan.email]
        link = next(word for word in mailoutbox[0].body.split() if "/admin/unlock/" in word)
        assert client.get(link).status_code == 302
        assert sign_in_through_proxy(client, lan.username, PASSWORD, "203.0.113.99").status_code == 302
        assert signed_in(client)

        # The link lets only the browser that opened it in, and only into that account.
        assert sign_in_through_proxy(attacker, lan.username, PASSWORD, "198.51.122.7").status_code == 429


def test_an_unlock_link_stops_working_when_the_password_changes(client, editors, settings, mailoutbox):
    from portal.core import account_guard

    settings.SIGN_IN_ACCOUNT_LIMIT = 0
    lan = editors[0]
    sign_in(client, lan.username, "sai-mat-khau", address="198.51.100.1")
    sign_in(client, lan.username, PASSWORD, address="198.51.100.2")
    link = next(word for word in mailoutbox[0].body.split() if "/admin/unlock/" in word)
    lan.set_password("mat-khau-moi-2027")
    lan.save()

    assert client.get(link).status_code == 400
    assert account_guard.TRUSTED_BROWSER_COOKIE not in client.cookies
