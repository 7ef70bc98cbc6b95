"""No personal data in the figures, and the demo figures a fresh portal shows."""

import pytest
from django.urls import reverse

from portal.usage import recording
from portal.usage.demo import load_usage_demo
from portal.usage.models import SearchCount, SearchWording, UsageCount
from tests.usage.conftest import PHONE

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = PHONE + " ZaloTheoDoi/7.7.7"


def everything_stored() -> str:
    return repr([list(model.objects.values_list()) for model in (UsageCount, SearchCount, SearchWording)])


def test_no_address_or_browser_is_kept(client, resource):
    client.get(resource.url, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    client.get(resource.url, HTTP_X_FORWARDED_FOR=ADDRESS, HTTP_USER_AGENT=AGENT)
    client.get("/tim-kiem/", {"q": "kỹ năng số"}, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    recording.flush()

    stored = everything_stored()
    assert UsageCount.objects.exists() and SearchCount.objects.get().people == 1
    assert ADDRESS not in stored and "ZaloTheoDoi" not in stored and "203.0.113" not in stored


def test_demo_figures_fill_a_year_and_loading_again_changes_nothing(client, make_resource, provincial_editor):
    make_resource(title="Kỹ năng số cho người cao tuổi")
    make_resource(
        organisation_slug="hoi-khuyen-hoc", organisation_name="Hội Khuyến học tỉnh", title="Nuôi ong"
    )
    log = []
    load_usage_demo(log.append)
    first = everything_stored()
    load_usage_demo(log.append)

    assert everything_stored() == first and len(log) == 1
    assert UsageCount.objects.values("month").distinct().count() == 12
    client.force_login(provincial_editor)
    page = client.get(reverse("usage_admin:report")).text
    assert "Kỹ năng số cho người cao tuổi" in page and "Hội Khuyến học tỉnh" in page
    assert "kỹ năng số" in page and "nuôi ong lấy mật" in page  # frequent, and one that found nothing
    assert "Nguyễn Văn Bình" not in page and "0912 345 678" not in page  # too few people
