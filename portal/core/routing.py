"""Routing from a site's home page in one query, and what routing learns on the way down.

Wagtail walks an address one segment at a time: a query for the child with that slug, then one
for its specific page. ``route_from`` reads the home page's ancestors and every page the address
could name in one query, then hands over to Wagtail's own ``route()`` at the page that would
answer: the deepest one found, a routable page whose own sub-routes match what is left (those
are tried before children), or a page type with routing of its own. Where the query cannot vouch
for a step (no child with that slug, or two), Wagtail walks on from the last page it did vouch
for, so 404s, unpublished pages and sub-routes come out exactly as before.

The pages passed on the way are kept on the page served, so its view restrictions, breadcrumbs
and language links need no query of their own (``ancestors``). What the query found, and the
page served as its own type, are kept until content changes (``portal.core.fragments``).
"""

from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from portal.core.fragments import per_generation

MAX_SEGMENTS = 12  # deeper addresses take Wagtail's own walk

PAGE_ROUTE_OWNER = next(klass for klass in Page.__mro__ if "route" in vars(klass))
PLAIN_ROUTING = (PAGE_ROUTE_OWNER,)
ROUTABLE_ROUTING = (RoutablePageMixin, PAGE_ROUTE_OWNER)


def _routing_of(model) -> tuple:
    return tuple(klass for klass in model.__mro__ if "route" in vars(klass))


def _passes_on(page, remaining: list[str]) -> bool:
    """Whether Wagtail's ``route()`` of ``page`` would look for its child ``remaining[0]``."""
    model = page.specific_class
    if model is None:
        return False
    routing = _routing_of(model)
    if routing == PLAIN_ROUTING:
        return True
    if routing == ROUTABLE_ROUTING:
        if not page.live:
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return True
        return False
    return False


def _found_pages(home, segments: list[str]) -> list:
    """The home page's ancestors (itself included), every page the segments could name, and the
    live translations of all of these (for the language links), each with its locale and
    whether a view restriction sits on it."""
    own_paths = [home.path[: home.steplen * depth] for depth in range(1, home.depth + 1)]
    depths = [home.depth + offset for offset in range(1, len(segments) + 1)]
    way = Q(path__in=own_paths) | Q(path__startswith=home.path, depth__in=depths, slug__in=set(segments))
    keys = Page.objects.filter(way).values("translation_key")
    return list(
        Page.objects.filter(way | Q(live=True, translation_key__in=keys))
        .select_related("locale")
        .annotate(
            # An alias takes its source's restrictions (see Page.get_view_restrictions).
            has_view_restriction=Exists(
                PageViewRestriction.objects.filter(page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk")))
            ),
            source_alias_of_id=F("alias_of__alias_of_id"),
        )
        .order_by("path")
    )


def route_from(home, request, segments: list[str]):
    """``home.route(request, segments)`` as Wagtail would answer it, in fewer queries; None
    when the fast path does not apply (the caller then routes as usual)."""
    if len(segments) > MAX_SEGMENTS:
        return None
    found = per_generation(f"route:{home.pk}:{'/'.join(segments)}", lambda: _found_pages(home, segments))
    translations = [page for page in found if page.live]
    by_path = {page.path: page for page in found}
    known = [by_path.get(home.path[: home.steplen * depth]) for depth in range(1, home.depth + 1)]
    if None in known:
        return None
    if not segments:  # the home page itself, served by Wagtail's route()
        home.has_view_restriction = known[-1].has_view_restriction
        home._known_ancestors = known[:-1]
        home._known_translations = translations
        home.locale = known[-1].locale  # read with it: same row
        return None
    children = defaultdict(list)
    for page in found:
        if page.depth > home.depth and page.path.startswith(home.path):
            children[(page.path[: -home.steplen], page.slug)].append(page)

    # Follow the segments while each names exactly one child and its parent would look for it.
    passed, parent, position = [], known[-1], 0
    while position < len(segments):
        candidates = children.get((parent.path, segments[position]), [])
        if len(candidates) != 1:
            break
        child = candidates[0]
        child._cached_parent_obj = parent if passed else home
        passed.append(child)
        parent, position = child, position + 1
        if position == len(segments) or not _passes_on(child, segments[position:]):
            break
    if not passed:
        return None

    *between, target = passed
    page = _specific(target)
    page._known_ancestors = [*known, *between]
    page._known_translations = translations
    return page.route(request, segments[position:])


def _specific(page):
    """The page as its own type, with what its template shows (``served_with``) and its locale."""
    model = page.specific_class
    if model is None:
        return page
    related = ("locale", "alias_of", *getattr(model, "served_with", ()))
    specific = per_generation(
        f"page:{page.pk}", lambda: model._default_manager.select_related(*related).get(pk=page.pk)
    )
    for name, value in page.__dict__.items():  # as Page.get_specific() does
        specific.__dict__.setdefault(name, value)
    return specific


def live_translations(pages) -> list:
    """Live pages sharing a translation key with any of ``pages``, with their locales, in tree
    order: found while routing when ``pages`` are the served page and its ancestors."""
    keys = {page.translation_key for page in pages}
    known = getattr(pages[0], "_known_translations", None) if pages else None
    if known is not None:
        return [page for page in known if page.translation_key in keys]
    return list(Page.objects.live().filter(translation_key__in=keys).select_related("locale"))


def ancestors(page) -> list:
    """The page's ancestors from the tree's root down, as found while routing, else read."""
    known = getattr(page, "_known_ancestors", None)
    return list(known) if known is not None else list(page.get_ancestors())


class KnownAncestorsMixin:
    """View restrictions read from what routing found: no query for a page nobody restricted.

    An alias takes its restrictions from its source page, as in Wagtail's own reading, which is
    used when an alias's source is itself an alias, or when the page was not routed.
    """

    def get_view_restrictions(self):
        known = getattr(self, "_known_ancestors", None)
        chain = [*(known or ()), self]
        if known is None or any(
            not hasattr(page, "has_view_restriction") or getattr(page, "source_alias_of_id", None)
            for page in chain
        ):
            return super().get_view_restrictions()
        restricted = [page.alias_of_id or page.pk for page in chain if page.has_view_restriction]
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)


def public(queryset):
    """``queryset.public()`` in the same query: pages with no view restriction on themselves or
    an ancestor (Wagtail's ``public()`` reads every restriction first)."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return queryset.exclude(Exists(restricted))
