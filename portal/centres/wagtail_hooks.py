"""The centres' home-page section, their part of ``manage.py load_demo`` and the indicator they feed."""

from django.conf import settings
from wagtail import hooks


@hooks.register("home_page_sections", order=60)
def centres_section(home, request) -> dict | None:
    """How many centres there are and where to find the nearest; nothing while there are none."""
    from portal.centres.models import CentreIndexPage

    index = home.child_index(CentreIndexPage)
    if index is None:
        return None
    count = index.get_centres().count()
    if not count:
        return None
    return {
        "template": "centres/includes/home_section.html",
        "count": count,
        "index_url": index.get_url(request),
    }


@hooks.register("load_demo_content", order=80)
def load_centres_demo_content(log) -> None:
    from portal.centres.demo import load_centres_demo

    load_centres_demo(log)


# The plan's indicator II.2.1.e (community learning centres applying information technology), by key.
CENTRES_USING_IT = "tthtcd-cong-nghe-thong-tin"


@hooks.register("indicator_inputs")
def centres_using_it() -> dict:
    """The data-entry grid can fill this indicator from the centres' own pages: per commune, the
    live centres that say they use IT over all live centres (one query)."""
    from django.db.models import Count, Q

    from portal.centres.models import CommunityLearningCentrePage

    def by_commune() -> dict[int, tuple[int, int]]:
        rows = (
            CommunityLearningCentrePage.objects.live()
            .filter(alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE)
            .order_by()  # pages come ordered by path, which would split the groups
            .values("commune")
            .annotate(using=Count("pk", filter=Q(uses_it=True)), total=Count("pk"))
        )
        return {row["commune"]: (row["using"], row["total"]) for row in rows}

    return {CENTRES_USING_IT: by_commune}
