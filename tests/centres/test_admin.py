"""Adding a centre in the admin: only today's communes are offered."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from portal.centres.models import CommunityLearningCentrePage
from tests.centres.factories import CommuneFactory
from tests.factories import AdminUnitFactory

pytestmark = pytest.mark.django_db


def test_the_commune_field_offers_only_units_valid_today(client, centre_index):
    today = CommuneFactory(name="Tân Cương")
    former = AdminUnitFactory(name="Phúc Trìu", valid_until=datetime.date(2025, 6, 30))
    form_class = CommunityLearningCentrePage.get_edit_handler().get_form_class()

    offered = form_class().fields["commune"].queryset

    assert today in offered and former not in offered
    client.force_login(get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mat-khau-123"))
    add = client.get(f"/admin/pages/add/centres/communitylearningcentrepage/{centre_index.pk}/")
    assert add.status_code == 200
