"""Demo news: ten items from the work plan 104/KH-UBND describes (Book Day, Lifelong Learning Week,
community learning centres, digital skills, the "learning society" broadcast column), one of them
scheduled a few days ahead to show go-live publishing.

Everything is found by slug first, so loading again creates only what is missing; the lead
pictures are drawn here with Pillow, so nothing is downloaded.
"""

import datetime
import io
import json
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import HomePage
from portal.news.models import NewsCategory, NewsIndexPage, NewsPage

DEMO_DATA = Path(__file__).resolve().parent / "data" / "demo.json"
PALETTE = [(11, 107, 58), (20, 90, 140), (150, 60, 30), (110, 40, 120), (30, 110, 110)]


def _shade(colour, step: int) -> tuple[int, int, int]:
    return tuple(min(255, channel + step) for channel in colour)


def lead_picture(title: str, scene: str, colour_index: int):
    """A 960×540 illustration: hills under a sky, and a book, a screen, a sun or a few people."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    colour = PALETTE[colour_index % len(PALETTE)]
    canvas = Image.new("RGB", (960, 540), _shade(colour, 120))
    draw = ImageDraw.Draw(canvas)
    for step in range(6):
        draw.ellipse(
            [-120 + step * 190, 380 - step * 6, 200 + step * 190, 700], fill=_shade(colour, step * 14)
        )
    if scene == "book":
        draw.polygon([(330, 170), (480, 200), (480, 400), (330, 370)], fill=(253, 250, 240))
        draw.polygon([(480, 200), (630, 170), (630, 370), (480, 400)], fill=(243, 236, 214))
    elif scene == "screen":
        draw.rounded_rectangle([390, 130, 570, 430], radius=24, fill=(40, 40, 48))
        draw.rectangle([405, 160, 555, 390], fill=(200, 230, 250))
        draw.ellipse([455, 250, 505, 300], fill=(255, 191, 71))
    elif scene == "people":
        for number, x in enumerate(range(260, 720, 110)):
            draw.ellipse([x, 220, x + 60, 280], fill=(250, 220, 190))
            draw.rounded_rectangle([x - 15, 285, x + 75, 420], radius=30, fill=PALETTE[(number + 1) % 5])
    draw.ellipse([780, 50, 880, 150], fill=(255, 191, 71))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=f"tin-tuc-{scene}.png"))


def load_categories(rows) -> dict[str, NewsCategory]:
    categories = {}
    for row in rows:
        fields = {key: value for key, value in row.items() if key != "slug"}
        categories[row["slug"]], _created = NewsCategory.objects.get_or_create(
            slug=row["slug"], defaults=fields
        )
    return categories


def build_item(row: dict, categories: dict) -> NewsPage:
    go_live = None
    if "go_live_in_days" in row:
        go_live = (timezone.localtime() + datetime.timedelta(days=row["go_live_in_days"])).replace(
            hour=7, minute=0, second=0, microsecond=0
        )
    page = NewsPage(
        title=row["title"],
        slug=row["slug"],
        date=timezone.localdate(go_live) if go_live else datetime.date.fromisoformat(row["date"]),
        authors=row["authors"],
        summary=row["summary"],
        search_description=row["summary"],
        body=[("paragraph", f"<p>{text}</p>") for text in row["body"]],
        go_live_at=go_live,
        live=go_live is None,
    )
    if go_live is None:  # as if published on its day, in the morning
        page.first_published_at = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(8)))
    if "image" in row:
        picture = row["image"]
        page.lead_image = lead_picture(f"Tin tức – {row['title']}", picture["scene"], picture["colour"])
        page.lead_image_caption = picture["caption"]
    page.categories = [categories[slug] for slug in row["categories"]]
    page.tags.add(*row["tags"])
    return page


@transaction.atomic
def load_news(data: dict, home: HomePage, log) -> NewsIndexPage:
    index = child_by_slug(home, NewsIndexPage, data["index"]["slug"]) or publish_child(
        home, NewsIndexPage(**data["index"])
    )
    categories = load_categories(data["categories"])
    created = scheduled = 0
    for row in data["items"]:
        if child_by_slug(index, NewsPage, row["slug"]):
            continue
        page = build_item(row, categories)
        index.add_child(instance=page)
        page.save_revision().publish()  # with a future go-live date: scheduled, not live yet
        created += 1
        scheduled += page.go_live_at is not None
    log(f"  news: {created} new items ({scheduled} scheduled to go live later)")
    return index


def load_news_demo(log) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        log("  news skipped: no Vietnamese home page")
        return
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    index = load_news(data, home, log)
    mirror_in_other_languages(home, [index], log)
