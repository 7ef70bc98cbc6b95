"""Content families: how each kind of page becomes a plain search document.

A family is a name (its index), the page models in it and a function ``page → document dict``
(see ``search.documents``). Adding a family is a few lines in a module of this package, listed
in ``FAMILY_MODULES``; the backends, the page and the API need no change.
"""

from search.families.registry import Family, families, family_for, register

FAMILY_MODULES = [
    "search.families.pages",
    "search.families.library",
    "search.families.events",
    "search.families.news",
    "search.families.programmes",
    "search.families.centres",
    "search.families.indicators",
]

__all__ = ["FAMILY_MODULES", "Family", "families", "family_for", "register"]
