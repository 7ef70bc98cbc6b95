"""Demo content: once every app has added its pages, index them all so the demo search answers."""

from wagtail import hooks


@hooks.register("load_demo_content", order=1000)
def index_demo_content(log):
    from search import indexing
    from search.backends import SearchUnavailable, active_backends
    from search.families import families

    for backend in active_backends():
        for name in sorted(families()):
            try:
                count = indexing.rebuild(backend, name)
            except SearchUnavailable as error:
                log(f"Search index {backend.name}/{name} not rebuilt: {error}")
            else:
                log(f"Search index {backend.name}/{name}: {count} documents")
