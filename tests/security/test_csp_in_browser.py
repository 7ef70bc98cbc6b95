"""With the policy on, Chromium reports no violation on public pages, for an editor, or in the admin."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-dai-123"

# Injected by the browser itself (not subject to the page's policy): records every violation.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def site(wagtail_tree, make_document):
    from wagtail.models import Collection
    from wagtail.rich_text import RichText

    from tests.factories import HomePageFactory, StandardPageFactory, make_site_root
    from tests.media import corpus
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
        ResourceFileFactory,
    )

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    home = make_site_root(HomePageFactory())
    StandardPageFactory(parent=home, title="Kế hoạch xây dựng xã hội học tập", slug="ke-hoach")
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    resource = LearningResourcePageFactory(
        parent=section,
        title="Kỹ năng số cho người cao tuổi",
        body=[("paragraph", RichText("<p>Dùng <b>điện thoại</b> an toàn.</p>"))],
    )
    ResourceFileFactory(page=resource, document=make_document(corpus.pdf("purple"), "Kỹ năng số.pdf"))
    return resource


def watched(context):
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))
    return page, console


def violations(page, console) -> list[str]:
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # reports are dispatched asynchronously
    found = page.evaluate("window.__violations")
    return found + [
        text for text in console if "Content Security Policy" in text or "X-Frame-Options" in text
    ]


def test_public_pages_load_without_violations(live_server, site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH)
    page, console = watched(context)

    for path in ("/", site.url, "/tim-kiem/?q=ky+nang+so", "/khong-co-trang-nay/"):
        page.goto(live_server.url + path)
        assert violations(page, console) == [], path

    page.goto(live_server.url + "/tim-kiem/")
    with page.expect_response(lambda response: "/tim-kiem/goi-y/" in response.url):
        page.locator("input[type=search]").first.fill("ky nang")
    assert violations(page, console) == []

    # An injected inline script is refused and reported: the policy is on and the watch works.
    ran = page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
                   document.head.append(s); return window.__ran === true; }"""
    )
    assert ran is False
    assert any(found.startswith("script-src-elem") for found in violations(page, console))
    context.close()


def test_the_admin_and_an_editors_view_of_the_site_load_without_violations(
    live_server, site, browser, django_user_model
):
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page, console = watched(context)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    assert violations(page, console) == []

    page.goto(f"{live_server.url}/admin/pages/{site.pk}/edit/")
    page.wait_for_selector("[data-draftail-input], .Draftail-Editor", state="attached")
    assert violations(page, console) == []

    # The live preview: the public template rendered by the admin, in the admin's own frame.
    page.click('[data-side-panel-toggle="preview"]')
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").inner_text(timeout=15_000) == site.title
    assert violations(page, console) == []

    page.goto(live_server.url + site.url)  # the public page with the editor's userbar
    assert page.locator("wagtail-userbar").count() == 1
    assert violations(page, console) == []
    context.close()
