"""HTML from elsewhere, made harmless (nh3: an allow-list cleaner).

Rich text from the editor is already limited by Wagtail's converter to the features a block
allows; ``clean_rich_text`` cleans what is rendered once more, so rich text stored by an import,
the API or a script cannot bring scripts, event handlers or ``javascript:`` links onto a page.
``plain_text`` turns the HTML repositories put in descriptions (OAI-PMH, spreadsheets) into the
plain text our summary fields hold.
"""

import html
import re

import nh3

RICH_TEXT_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "sub", "sup",
    "small", "abbr", "code", "pre", "ol", "ul", "li", "a", "blockquote", "hr", "img", "figure",
    "figcaption", "span", "div",
}  # fmt: skip
RICH_TEXT_ATTRIBUTES = {
    "*": {"class", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_TAG = re.compile(r"<\s*[a-zA-Z!/]")
_BLOCK_END = re.compile(r"</\s*(p|div|li|h[1-6]|blockquote|tr|ul|ol)\s*>|<\s*br\s*/?\s*>", re.I)
_BLANK_LINES = re.compile(r"\n[ \t]*(\n[ \t]*)+")


def clean_rich_text(markup: str) -> str:
    """Rendered rich text with only harmless elements, attributes and link schemes left."""
    if not markup:
        return ""
    return nh3.clean(
        str(markup),
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def plain_text(text: str) -> str:
    """The text of an HTML fragment, paragraphs kept as blank lines; text without tags as is."""
    if not text or not _TAG.search(text):
        return text
    marked = _BLOCK_END.sub(
        lambda match: "\n" if match[0].lstrip("<").lower().startswith("br") else "\n\n", text
    )
    stripped = html.unescape(nh3.clean(marked, tags=set(), strip_comments=True))
    lines = "\n".join(line.strip() for line in stripped.replace("\r\n", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()
