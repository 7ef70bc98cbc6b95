"""How many SQL queries the programmes pages take: few, and the same for two items or twelve."""

import datetime

import pytest
from django.utils import timezone

from tests.programmes.factories import AiringFactory, BroadcastProgrammePageFactory, EpisodePageFactory
from tests.queries import LISTING_QUERIES, adding, listing_counts

pytestmark = pytest.mark.django_db


def test_the_programmes_index_takes_a_bounded_number_of_queries_for_two_programmes_or_twelve(
    client, programmes_index
):
    def add(count):
        for _ in range(count):
            programme = BroadcastProgrammePageFactory(parent=programmes_index)
            AiringFactory(programme=programme, kind="slot")

    few, many = listing_counts(client, programmes_index.url, add)

    assert many <= LISTING_QUERIES
    assert few == many


def test_the_schedule_takes_a_bounded_number_of_queries_for_two_airings_or_twelve(
    client, schedule, programme
):
    start = timezone.now() + datetime.timedelta(hours=1)

    def add(count):
        for _ in range(count):
            number = programme.airings.count()
            AiringFactory(
                programme=programme, kind="slot", starts_at=start + datetime.timedelta(hours=number)
            )

    few, many = listing_counts(client, schedule.url, add)

    assert many <= LISTING_QUERIES
    assert few == many


def test_a_programme_takes_a_bounded_number_of_queries_for_two_episodes_or_twelve(client, programme):
    few, many = listing_counts(client, programme.url, adding(EpisodePageFactory, parent=programme))

    assert many <= LISTING_QUERIES
    assert few == many
