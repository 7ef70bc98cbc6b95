"""Factories for the centres: the index, a centre with its commune, and its classes."""

import datetime

import factory
import wagtail_factories

from portal.centres.models import CentreClass, CentreIndexPage, ClassKind, CommunityLearningCentrePage
from tests.factories import AdminUnitFactory


class CentreIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CentreIndexPage

    title = "Trung tâm học tập cộng đồng"
    slug = "trung-tam-hoc-tap-cong-dong"
    introduction = "Tìm trung tâm học tập cộng đồng gần bạn."


class CommuneFactory(AdminUnitFactory):
    valid_from = datetime.date(2025, 7, 1)


class CentreFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CommunityLearningCentrePage

    title = factory.Sequence(lambda n: f"Trung tâm học tập cộng đồng số {n}")
    slug = factory.Sequence(lambda n: f"trung-tam-{n}")
    commune = factory.SubFactory(CommuneFactory)
    address = "Xóm Hồng Thái 2"
    opening_hours = "Thứ Hai đến thứ Sáu, 7:30–17:00"


class CentreClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreClass

    title = factory.Sequence(lambda n: f"Lớp học số {n}")
    kind = ClassKind.DIGITAL
    schedule = "Chiều thứ Bảy"
    seats = 10
