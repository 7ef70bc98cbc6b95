"""The centres demo: twenty-odd centres in Thái Nguyên's communes, loaded once however often it runs."""

import pytest
from wagtail.models import Locale

from portal.centres.demo import load_centres_demo
from portal.centres.models import CommunityLearningCentrePage
from portal.core.reference_data import load_admin_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home):
    translation = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    translation.save_revision().publish()
    return translation


def test_demo_centres_load_once_across_communes_and_mirror_under_english(client, home, english_home):
    load_admin_units()
    load_centres_demo(lambda line: None)
    messages = []

    load_centres_demo(messages.append)

    centres = CommunityLearningCentrePage.objects.live()
    assert any("0 created" in line for line in messages)
    assert centres.count() >= 20 and centres.values("commune").distinct().count() == 12
    assert 0.6 <= centres.filter(uses_it=True).count() / centres.count() <= 0.8
    assert all(1 <= centre.classes.count() <= 3 for centre in centres)
    assert all(centre.organisation and centre.organisation.group for centre in centres)
    listing = client.get("/trung-tam-hoc-tap-cong-dong/?q=tan+cuong").text
    assert "Trung tâm học tập cộng đồng xã Tân Cương" in listing and "1/7/2025" in listing
    assert client.get("/en/trung-tam-hoc-tap-cong-dong/").status_code == 200
    assert client.get("/trung-tam-hoc-tap-cong-dong/?page=2").status_code == 200
    assert 'id="home-centres"' in client.get("/").text
