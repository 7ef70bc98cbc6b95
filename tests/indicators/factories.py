import datetime
from decimal import Decimal

import factory

from portal.core.models import AdminUnit
from portal.indicators.models import Indicator, IndicatorDashboardPage, Measurement
from tests.factories import AdminUnitFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"chi-tieu-{n}")
    name = factory.Sequence(lambda n: f"Tỷ lệ người dân được trang bị kỹ năng {n}")
    name_en = factory.Sequence(lambda n: f"People with skill {n}")
    unit = Indicator.Unit.PERCENT
    target_2025 = Decimal("60")
    target_2030 = Decimal("70")
    measured_at = AdminUnit.Level.DISTRICT
    aggregation = Indicator.Aggregation.SUM
    headline = True


class DistrictFactory(AdminUnitFactory):
    slug = factory.Sequence(lambda n: f"huyen-{n}")
    kind = "Huyện"
    name = factory.Sequence(lambda n: f"Huyện thử nghiệm {n}")
    level = AdminUnit.Level.DISTRICT
    valid_from = datetime.date(1997, 1, 1)
    valid_until = datetime.date(2025, 6, 30)


class ProvinceFactory(AdminUnitFactory):
    slug = factory.Sequence(lambda n: f"tinh-{n}")
    kind = "Tỉnh"
    name = "Thái Nguyên"
    level = AdminUnit.Level.PROVINCE
    valid_from = datetime.date(1997, 1, 1)
    valid_until = None


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    unit = factory.SubFactory(DistrictFactory)
    year = 2023
    numerator = 50
    denominator = 100
    value = factory.LazyAttribute(lambda m: Decimal(100 * m.numerator) / Decimal(m.denominator))


def make_dashboard(home) -> IndicatorDashboardPage:
    page = IndicatorDashboardPage(title="Chỉ tiêu xây dựng xã hội học tập", slug="chi-tieu")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
