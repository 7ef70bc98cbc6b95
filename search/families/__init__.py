"""Content families of the public search.

Each app declares its own families in ``<app>/search.py`` (found at start-up like
``wagtail_hooks.py``), built on ``search.families.registry``; the plain pages of ``portal.core`` are
search's own (``pages``), since the core sits below search. The backends, the page and the API need
no change when a family is added.
"""

from search.families.registry import Family, families, family_for, register

__all__ = ["Family", "families", "family_for", "register"]
