"""Events keep sound times, tell the registrations app what it needs, and belong to their organiser."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import GroupPagePermission

from portal.events.models import EventPage, EventStatus
from portal.events.models.campaigns import CAMPAIGN_ENDS_EARLY
from portal.events.models.events import END_BEFORE_START, NAIVE_TIME, ONLINE_URL_NEEDED
from tests.events.factories import CampaignPageFactory, EventPageFactory, local
from tests.factories import AdminUnitFactory
from tests.resources.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_event_ending_before_it_starts_is_refused_and_nothing_is_saved(index):
    event = EventPage(
        title="Ngày hội đọc sách",
        slug="ngay-hoi",
        starts_at=local(2030, 4, 21, 10),
        ends_at=local(2030, 4, 21, 9),
    )

    with pytest.raises(ValidationError) as refused:
        index.add_child(instance=event)

    assert refused.value.message_dict["ends_at"] == [str(END_BEFORE_START)]
    assert not EventPage.objects.exists()
    assert index.get_children().count() == 0


def test_naive_times_are_refused(index):
    event = EventPage(title="Lớp học", slug="lop-hoc", starts_at=datetime.datetime(2030, 4, 21, 8))

    with pytest.raises(ValidationError) as refused:
        index.add_child(instance=event)

    assert refused.value.message_dict["starts_at"] == [str(NAIVE_TIME)]
    assert not EventPage.objects.exists()


def test_an_event_moved_online_needs_its_address(index):
    with pytest.raises(ValidationError) as refused:
        EventPageFactory(parent=index, status=EventStatus.MOVED_ONLINE, online_url="")

    assert refused.value.message_dict["online_url"] == [str(ONLINE_URL_NEEDED)]


def test_a_campaign_cannot_end_before_it_starts(index):
    with pytest.raises(ValidationError) as refused:
        CampaignPageFactory(
            parent=index, start_date=datetime.date(2026, 10, 7), end_date=datetime.date(2026, 10, 1)
        )

    assert refused.value.message_dict["end_date"] == [str(CAMPAIGN_ENDS_EARLY)]


def test_local_days_and_end_are_derived_in_vietnam_time(index):
    late = EventPageFactory(
        parent=index, starts_at=local(2030, 4, 21, 23, 30), ends_at=local(2030, 4, 22, 0, 30)
    )
    all_day = EventPageFactory(
        parent=index, starts_at=local(2030, 4, 21), ends_at=local(2030, 4, 23), all_day=True
    )

    late.refresh_from_db()
    assert (late.start_day, late.end_day) == (datetime.date(2030, 4, 21), datetime.date(2030, 4, 22))
    assert late.finishes_at == local(2030, 4, 22, 0, 30)
    all_day.refresh_from_db()
    assert all_day.end_day == datetime.date(2030, 4, 23)
    assert all_day.finishes_at == local(2030, 4, 24)  # the whole last day counts


def test_the_organisers_group_may_edit_the_event_and_granting_is_idempotent(index):
    commune = OrganisationFactory(
        name="Ủy ban nhân dân xã Định Hóa", slug="ubnd-xa-dinh-hoa", kind="department"
    )

    event = EventPageFactory(parent=index, organiser=commune)
    event.save_revision().publish()
    event.save()

    commune.refresh_from_db()
    assert commune.group is not None  # an organisation without a group gets one
    grants = GroupPagePermission.objects.filter(group=commune.group, page=event)
    assert [grant.permission.codename for grant in grants] == ["change_page"]
    editor = commune.group.user_set.create(username="canbo-dinh-hoa")
    assert event.permissions_for_user(editor).can_edit()


def test_a_former_organiser_loses_the_event_when_it_is_given_to_another(index):
    commune = OrganisationFactory(name="Ủy ban nhân dân xã Định Hóa", slug="ubnd-xa-dinh-hoa")
    library = OrganisationFactory(name="Thư viện tỉnh Thái Nguyên", slug="thu-vien-tinh")
    event = EventPageFactory(parent=index, organiser=commune)
    commune.refresh_from_db()
    former = commune.group.user_set.create(username="canbo-dinh-hoa")
    assert event.permissions_for_user(former).can_edit()

    event.organiser = library
    event.save_revision().publish()

    event.refresh_from_db()
    library.refresh_from_db()
    former = type(former).objects.get(pk=former.pk)  # signs in again: no permissions remembered
    assert not event.permissions_for_user(former).can_edit()
    new = library.group.user_set.create(username="thu-vien")
    assert event.permissions_for_user(new).can_edit()

    event.organiser = None
    event.save()
    assert not GroupPagePermission.objects.filter(page=event).exists()


def test_what_the_registrations_app_asks(index):
    centre = OrganisationFactory(name="Trung tâm học tập cộng đồng xã Tân Cương", slug="tthtcd-tan-cuong")
    soon = timezone.now() + datetime.timedelta(days=3)
    upcoming = EventPageFactory(parent=index, capacity=40, organiser=centre, starts_at=soon, ends_at=None)
    cancelled = EventPageFactory(parent=index, capacity=40, status=EventStatus.CANCELLED, starts_at=soon)
    online = EventPageFactory(
        parent=index, status=EventStatus.MOVED_ONLINE, online_url="https://hop.example.vn/a", starts_at=soon
    )
    started = EventPageFactory(parent=index, starts_at=timezone.now() - datetime.timedelta(minutes=5))
    no_seats = EventPageFactory(parent=index, capacity=None)

    assert upcoming.registration_capacity() == 40 and no_seats.registration_capacity() is None
    assert upcoming.registration_organisation() == centre
    assert upcoming.registration_is_open() and online.registration_is_open()
    assert not cancelled.registration_is_open() and not started.registration_is_open()
    assert upcoming.registration_ends_at() == soon  # no end given: the start
    assert started.registration_ends_at() == started.ends_at


def test_campaign_groups_its_events_by_unit_in_alphabetical_order(index):
    campaign = CampaignPageFactory(parent=index)
    vo_nhai = AdminUnitFactory(kind="Xã", name="Võ Nhai", slug="xa-vo-nhai")
    dinh_hoa = AdminUnitFactory(kind="Xã", name="Định Hóa", slug="xa-dinh-hoa")
    gia_sang = AdminUnitFactory(kind="Phường", name="Gia Sàng", slug="phuong-gia-sang")
    for unit in (vo_nhai, dinh_hoa, gia_sang, dinh_hoa):
        EventPageFactory(parent=campaign, commune=unit)
    EventPageFactory(parent=campaign, commune=None)

    groups = campaign.events_by_unit()

    assert [unit.name if unit else None for unit, _events in groups] == [
        "Định Hóa",
        "Gia Sàng",
        "Võ Nhai",
        None,
    ]
    assert len(groups[0][1]) == 2
