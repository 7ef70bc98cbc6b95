"""Signing out of the admin takes a POST: a link or an image on another site cannot sign anyone out."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, admin_user_in):
    client.force_login(admin_user_in("bientap"))
    return client


def test_a_get_to_the_sign_out_address_changes_nothing(signed_in):
    response = signed_in.get("/admin/logout/")

    assert response.status_code == 405
    assert "sessionid" not in response.cookies  # the browser keeps its session cookie
    assert signed_in.get("/admin/").status_code == 200


def test_the_sign_out_button_signs_out(signed_in):
    response = signed_in.post("/admin/logout/")

    assert response.status_code == 302
    assert signed_in.get("/admin/").status_code == 302
