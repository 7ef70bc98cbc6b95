"""Outside addresses are checked gently each week; a dead one is noted on the page and listed
for the editors, a live one is left alone, and the server's own network is never probed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from portal.organisations.roles import PROVINCIAL_EDITOR, setup_roles
from portal.resources.links import check_round
from portal.resources.models import LinkCheck
from tests.resources.factories import LearningResourcePageFactory
from tests.resources.oai_server import listener

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """/ok answers 200, /gone 404, /no-head refuses HEAD (405) but answers GET, /moved?to=URL
    redirects to URL."""

    def _answer(self, head: bool):
        parts = urlsplit(self.path)
        if parts.path == "/moved":
            self.send_response(302)
            self.send_header("Location", parse_qs(parts.query)["to"][0])
        else:
            self.send_response(
                {"/ok": 200, "/gone": 404, "/no-head": 405 if head else 200}.get(self.path, 404)
            )
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)

    def log_message(self, *args):
        pass


@pytest.fixture
def website(settings):
    """A real web server on this machine, allowed to the checker as an internal host."""
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def link(section, url, title="Cổng dịch vụ công quốc gia"):
    return LearningResourcePageFactory(parent=section, title=title, resource_type="link", external_url=url)


def test_a_dead_address_is_noted_on_the_page_and_a_live_one_is_not(client, section, website):
    dead = link(section, f"{website}/gone", "Trang đã gỡ")
    alive = link(section, f"{website}/ok", "Trang còn hoạt động")

    counts = check_round(pause=0)

    assert counts == {"checked": 2, "broken": 1, "skipped": 0}
    assert LinkCheck.objects.get(page=dead).status_code == 404
    assert "không mở được" in client.get(dead.url).text
    assert "không mở được" not in client.get(alive.url).text


def test_a_server_refusing_head_is_asked_with_get(section, website):
    page = link(section, f"{website}/no-head")

    check_round(pause=0)

    check = LinkCheck.objects.get(page=page)
    assert (check.status_code, check.broken) == (200, False)


def test_a_corrected_address_clears_the_note(client, section, website):
    page = link(section, f"{website}/gone")
    check_round(pause=0)
    page.external_url = f"{website}/ok"
    page.save_revision().publish()

    assert "không mở được" not in client.get(page.url).text  # the old check was for another address
    check_round(pause=0)
    assert LinkCheck.objects.get(page=page).broken is False


def test_a_round_is_bounded_and_starts_with_the_oldest_checks(section, website):
    first, second = link(section, f"{website}/ok", "Một"), link(section, f"{website}/ok", "Hai")

    check_round(limit=1, pause=0)
    check_round(limit=1, pause=0)

    assert LinkCheck.objects.filter(page__in=[first, second]).count() == 2


def test_the_servers_own_network_is_never_probed(section):
    link(section, "http://127.0.0.1:9/noi-bo", "Máy chủ nội bộ")
    link(section, "http://10.0.0.5/quan-tri", "Trang quản trị mạng riêng")

    assert check_round(pause=0) == {"checked": 0, "broken": 0, "skipped": 2}
    assert not LinkCheck.objects.exists()


def test_a_redirect_into_the_servers_own_network_is_broken_and_not_followed(section, website):
    with listener() as internal, translation.override("en"):
        page = link(section, f"{website}/moved?to=http://localhost:{internal.port}/quan-tri")

        counts = check_round(pause=0)

    assert counts == {"checked": 1, "broken": 1, "skipped": 0}
    check = LinkCheck.objects.get(page=page)
    assert check.broken and "localhost is not a public address" in check.error
    assert internal.contacts == []


def test_redirects_are_followed_to_the_answer(section, website):
    page = link(section, f"{website}/moved?to=/gone")

    check_round(pause=0)

    assert LinkCheck.objects.get(page=page).status_code == 404


def test_editors_see_the_broken_links_and_contributors_do_not(client, section, website, django_user_model):
    link(section, f"{website}/gone", "Trang đã gỡ")
    check_round(pause=0)
    roles = setup_roles()
    editor = django_user_model.objects.create_user("bientap", password="x")
    editor.groups.add(roles[PROVINCIAL_EDITOR.key])
    contributor = django_user_model.objects.create_user("dhtn", password="x")
    contributor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(editor)
    listed = client.get("/admin/broken-links/")
    client.force_login(contributor)
    refused = client.get("/admin/broken-links/")

    assert listed.status_code == 200
    assert "Trang đã gỡ" in listed.text and "404" in listed.text
    assert "Trang đã gỡ" not in refused.text
