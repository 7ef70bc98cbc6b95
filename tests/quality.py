"""The bars every public page is held to, measured in a real browser: WCAG 2.2 AA (axe-core), first-load
weight at 360 px, nothing fetched from another host, images that keep their place and wait until seen,
and valid HTML (the Nu Html Checker, run once over many pages because the JVM is slow to start)."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
FIRST_LOAD_LIMIT = 150 * 1024

# The first image of a page may be above the fold; every other one must wait until it is scrolled to.
IMAGES_OUT_OF_ORDER = """() => Array.from(document.images).flatMap((image, index) => {
    const problems = [];
    if (!image.getAttribute("width") || !image.getAttribute("height")) problems.push("no width/height");
    if (index > 0 && image.getAttribute("loading") !== "lazy") problems.push("not lazy");
    return problems.length ? [image.outerHTML.slice(0, 160) + ": " + problems.join(", ")] : [];
})"""

# Form controls at least 44 px high (checkboxes and radio buttons, whose label row is the target: 24 px).
CONTROLS_TOO_SMALL = """() => Array.from(document.querySelectorAll(
    "input:not([type=hidden]), select, textarea, button, summary")).flatMap((control) => {
    const box = control.getBoundingClientRect();
    if (!box.width || !box.height) return [];
    const least = ["checkbox", "radio"].includes(control.type) ? 24 : 44;
    return box.height < least ? [`${control.outerHTML.slice(0, 120)}: ${Math.round(box.height)} px high`] : [];
})"""


@dataclass
class Visit:
    """One first load of a page on a phone."""

    url: str
    status: int
    html: str
    transferred: int = 0
    foreign: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    small_controls: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = [f"axe: {violation}" for violation in self.violations]
        if self.transferred > FIRST_LOAD_LIMIT:
            found.append(f"first load {self.transferred / 1024:.1f} KB > {FIRST_LOAD_LIMIT // 1024} KB")
        found += [f"request to another host: {url}" for url in self.foreign]
        found += [f"image: {image}" for image in self.images]
        found += [f"control: {control}" for control in self.small_controls]
        return found


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.2 A/AA violations on the page, one line per element."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": WCAG_22_AA})
    return [
        f"{violation['id']} ({violation['impact']}) at {node['target']}: {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
        for node in violation["nodes"]
    ]


def visit(browser, url: str, *, axe: bool = True) -> Visit:
    """Load ``url`` in a fresh 360 px context (nothing cached) and measure what the first load costs."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        requested, finished = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("requestfinished", lambda request: finished.append(request))
        response = page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        origin = urlsplit(url).netloc
        result = Visit(url=url, status=response.status, html=response.text())
        for request in finished:
            sizes = request.sizes()
            result.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        result.foreign = [
            address
            for address in requested
            if urlsplit(address).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(address).netloc != origin
        ]
        result.images = page.evaluate(IMAGES_OUT_OF_ORDER)
        page.evaluate(
            "() => document.querySelectorAll('details').forEach((details) => { details.open = true; })"
        )
        result.small_controls = page.evaluate(CONTROLS_TOO_SMALL)
        if axe:
            result.violations = serious_violations(page)
        return result
    finally:
        context.close()


def require_html_checker() -> str:
    """The ``java`` that runs the checker; skips (fails under CI) when Java or the jar is missing."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        message = "the Nu Html Checker needs Java and .cache/vnu (`make test` installs both)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return java


def html_errors(documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors for each named HTML document, all checked in one run of the JVM."""
    java = require_html_checker()
    names = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = name
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *(str(folder / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = {name: [] for name in documents}
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            name = names[Path(urlsplit(message["url"]).path).name]
            errors[name].append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
