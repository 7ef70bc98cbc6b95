"""Reading a page's schema.org JSON-LD as a search engine does."""

import json
import re

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(html: str) -> list[dict]:
    """Every schema.org node of a page (the ``@graph`` unpacked)."""
    nodes = []
    for text in LD_JSON.findall(html):
        data = json.loads(text)
        nodes.extend(data.get("@graph", [data]))
    return nodes


def node_of_type(html: str, schema_type: str) -> dict:
    """The page's one node of ``schema_type``."""
    (found,) = [node for node in structured_data(html) if node["@type"] == schema_type]
    return found
