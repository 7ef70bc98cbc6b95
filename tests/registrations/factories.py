"""Registrable pages (events) and registrations, built on the shared factories."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.events.models import EventIndexPage, EventPage
from portal.registrations.models import Registration
from tests.resources.factories import OrganisationFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Sự kiện"
    slug = "su-kien"


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming event with seats, run by an organisation (whose group sees the registrants)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Ngày hội đọc sách số {n}")
    slug = factory.Sequence(lambda n: f"ngay-hoi-doc-sach-{n}")
    summary = "Giao lưu, đọc sách cùng con và tặng sách cho thư viện xã."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    venue = "Nhà văn hóa xã Đại Phúc"
    address = "Xóm Đồng Tâm, xã Đại Phúc"
    capacity = 30
    organiser = factory.SubFactory(
        OrganisationFactory, name="Thư viện tỉnh Thái Nguyên", slug="thu-vien-tinh"
    )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    page = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Nguyễn Thị Học Viên {n}")
    phone = factory.Sequence(lambda n: f"0912{n:06d}")
    consent_at = factory.LazyFunction(timezone.now)
