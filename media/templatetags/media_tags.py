"""``{% picture %}`` (responsive WebP/AVIF image) and ``{% media_player %}`` (audio/video).

Renditions are made by a background task after upload; the tag only looks them up. While they
are missing it asks for them and shows a text placeholder, so a page never waits on image work
or on the file store.
"""

from django import template
from wagtail.images.models import Filter

from media.previews import FALLBACK_WIDTH, PICTURE_FORMATS, PICTURE_WIDTHS, make_picture_renditions

register = template.Library()


def _srcset(renditions) -> str:
    by_width = {rendition.width: rendition for rendition in renditions}
    return ", ".join(f"{by_width[width].url} {width}w" for width in sorted(by_width))


def _existing(image, widths) -> dict[str, dict[int, object]]:
    filters = {
        (fmt, width): Filter(f"width-{width}|format-{fmt}") for fmt in PICTURE_FORMATS for width in widths
    }
    found = image.find_existing_renditions(*filters.values())
    result: dict[str, dict[int, object]] = {fmt: {} for fmt in PICTURE_FORMATS}
    for (fmt, width), spec in filters.items():
        if spec in found:
            result[fmt][width] = found[spec]
    return result


@register.inclusion_tag("media/picture.html")
def picture(image, alt=None, sizes="100vw", widths=None, css_class=""):
    """A ``<picture>`` with AVIF and WebP ``srcset``; ``widths`` is "320,640" or a list of ints."""
    if isinstance(widths, str):
        widths = [int(width) for width in widths.split(",") if width.strip().isdigit()]
    widths = sorted(widths or PICTURE_WIDTHS)
    alt = (getattr(image, "default_alt_text", None) or getattr(image, "title", "")) if alt is None else alt
    if image is None:
        return {"alt": alt, "css_class": css_class}
    renditions = _existing(image, widths)
    if not renditions["webp"]:
        make_picture_renditions.enqueue(image.pk)
        renditions = _existing(image, widths)
    webp = renditions["webp"]
    if not webp:
        return {"alt": alt, "css_class": css_class}
    fallback_width = min(webp, key=lambda width: abs(width - FALLBACK_WIDTH))
    return {
        "alt": alt,
        "css_class": css_class,
        "sizes": sizes,
        "fallback": webp[fallback_width],
        "sources": [
            {"type": f"image/{fmt}", "srcset": _srcset(renditions[fmt].values())}
            for fmt in PICTURE_FORMATS
            if renditions[fmt]
        ],
    }


@register.inclusion_tag("media/player.html")
def media_player(document, title=""):
    """An ``<audio>``/``<video>`` player for a document, with its WebVTT captions if attached."""
    return {"document": document, "kind": getattr(document, "kind", ""), "title": title or document.title}
