"""Provincial editors publish episodes in the page tree, with reruns inline and checked players."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.organisations.roles import PROVINCIAL_EDITOR, group_for, setup_roles
from portal.programmes.models import Airing, EpisodePage
from portal.programmes.validation import OFF_LIST_HOST
from tests.programmes.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, home):
    setup_roles()
    user = get_user_model().objects.create_user("bientap-tinh", "bientap@thainguyen.gov.vn", "x")
    user.groups.add(group_for(PROVINCIAL_EDITOR))
    client.force_login(user)
    return client


def episode_form(reruns=(), **extra) -> dict:
    return nested_form_data(
        {
            "title": "Phòng bệnh cho lúa vụ xuân",
            "slug": "phong-benh-cho-lua",
            "number": "4",
            "air_time": "2026-03-05 18:30",
            "duration_minutes": "20",
            "summary": "Nhận biết sớm bệnh đạo ôn.",
            "player_url": "",
            "transcript": "",
            "body": streamfield([]),
            "airings": inline_formset([{"starts_at": when} for when in reruns]),
            "resource_links": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_an_editor_publishes_an_episode_with_a_rerun_in_vietnam_time(editor_client, radio):
    url = reverse("wagtailadmin_pages:add", args=("programmes", "episodepage", radio.pk))

    response = editor_client.post(url, {**episode_form(["2026-03-08 06:00"]), "action-publish": "publish"})

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    episode = EpisodePage.objects.get(slug="phong-benh-cho-lua")
    assert episode.live and episode.air_time == local(2026, 3, 5, 18, 30)
    assert list(Airing.objects.filter(episode=episode).values_list("kind", "starts_at", "programme")) == [
        ("first", local(2026, 3, 5, 18, 30), radio.pk),
        ("rerun", local(2026, 3, 8, 6), radio.pk),
    ]


def test_the_reruns_panel_lists_reruns_only(editor_client, radio):
    add = reverse("wagtailadmin_pages:add", args=("programmes", "episodepage", radio.pk))
    editor_client.post(add, {**episode_form(["2026-03-08 06:00"]), "action-publish": "publish"})
    episode = EpisodePage.objects.get(slug="phong-benh-cho-lua")

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(episode.pk,)))

    formset = response.context["form"].formsets["airings"]
    assert [form.instance.kind for form in formset.forms if form.instance.pk] == ["rerun"]


def test_removing_a_rerun_keeps_the_first_airing(editor_client, radio):
    add = reverse("wagtailadmin_pages:add", args=("programmes", "episodepage", radio.pk))
    editor_client.post(add, {**episode_form(["2026-03-08 06:00"]), "action-publish": "publish"})
    episode = EpisodePage.objects.get(slug="phong-benh-cho-lua")
    rerun = Airing.objects.get(episode=episode, kind="rerun")
    data = episode_form()
    data.update(
        {
            "airings-TOTAL_FORMS": "1",
            "airings-INITIAL_FORMS": "1",
            "airings-0-id": str(rerun.pk),
            "airings-0-starts_at": "2026-03-08 06:00",
            "airings-0-DELETE": "1",
        }
    )

    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=(episode.pk,)), {**data, "action-publish": "publish"}
    )

    assert response.status_code == 302
    assert list(Airing.objects.filter(episode=episode).values_list("kind", flat=True)) == ["first"]


def test_a_player_from_another_host_is_refused_with_a_clear_message(editor_client, radio, settings):
    settings.BROADCAST_PLAYER_HOSTS = ["thainguyentv.vn"]
    url = reverse("wagtailadmin_pages:add", args=("programmes", "episodepage", radio.pk))

    with translation.override("vi"):
        response = editor_client.post(
            url,
            {**episode_form(player_url="https://nguoi-la.example/embed/1"), "action-publish": "publish"},
        )
        message = str(OFF_LIST_HOST) % {"host": "nguoi-la.example", "hosts": "thainguyentv.vn"}

    assert response.status_code == 200
    assert message in response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert not EpisodePage.objects.exists() and not Airing.objects.exists()


def test_an_editor_previews_a_new_and_an_existing_episode(editor_client, radio):
    add_preview = reverse("wagtailadmin_pages:preview_on_add", args=("programmes", "episodepage", radio.pk))
    editor_client.post(add_preview, episode_form(["2026-03-08 06:00"]))

    new = editor_client.get(add_preview)

    assert new.status_code == 200 and "Phòng bệnh cho lúa vụ xuân" in new.content.decode()

    add = reverse("wagtailadmin_pages:add", args=("programmes", "episodepage", radio.pk))
    editor_client.post(add, {**episode_form(), "action-publish": "publish"})
    episode = EpisodePage.objects.get(slug="phong-benh-cho-lua")
    edit_preview = reverse("wagtailadmin_pages:preview_on_edit", args=(episode.pk,))
    editor_client.post(edit_preview, episode_form(["2026-03-09 06:00"], title="Phòng bệnh đạo ôn"))

    existing = editor_client.get(edit_preview)

    assert existing.status_code == 200 and "Phòng bệnh đạo ôn" in existing.content.decode()
