"""schema.org for centres: an EducationalOrganization with its address, position and classes.

The classes go in ``hasOfferCatalog`` as Courses, each with a CourseInstance carrying its dates
and schedule, which is how the plan's classes read: a course the centre offers, run at a time.
"""

from portal.core.jsonld import absolute, moment, node, page_node, place


def _course(centre_class, centre_name: str) -> dict:
    instance = node(
        "CourseInstance",
        courseMode="onsite",
        startDate=moment(centre_class.starts),
        endDate=moment(centre_class.ends),
        courseSchedule=node("Schedule", description=centre_class.schedule) if centre_class.schedule else None,
        location=centre_name,
    )
    course = node(
        "Course",
        name=centre_class.title,
        about=str(centre_class.get_kind_display()),
        hasCourseInstance=instance,
    )
    return node(
        "Offer",
        itemOffered=course,
        availability="https://schema.org/InStock" if centre_class.is_open else None,
    )


def centre_node(page, request) -> dict:
    address = place(page.title, page.address, page.commune).get("address")
    geo = None
    if page.latitude is not None and page.longitude is not None:
        geo = node("GeoCoordinates", latitude=float(page.latitude), longitude=float(page.longitude))
    classes = list(page.classes.all())
    catalog = None
    if classes:
        catalog = node(
            "OfferCatalog", name=page.title, itemListElement=[_course(item, page.title) for item in classes]
        )
    return page_node(
        page,
        request,
        "EducationalOrganization",
        description=page.description or page.search_description,
        address=address,
        geo=geo,
        hasMap=page.map_url,
        telephone=page.phone,
        email=page.email,
        hasOfferCatalog=catalog,
    )


def index_node(page, request) -> dict:
    return page_node(page, request, "CollectionPage", url=absolute(request, page.get_url(request)))
