"""Demo figures for the dashboard: 2022–2025 for every unit of each year, 2026 for the communes
made by the 2025 reform. Plausible, trending toward the plan's targets,
some behind. Loading again adds only what is missing.
"""

import zlib
from decimal import Decimal

from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import AdminUnit, HomePage
from portal.indicators.computation import rate
from portal.indicators.loading import load_indicators
from portal.indicators.models import Indicator, IndicatorDashboardPage, Measurement, Recognition
from portal.indicators.models.data import unit_valid_in_year

DASHBOARD = {
    "title": "Chỉ tiêu xây dựng xã hội học tập",
    "slug": "chi-tieu",
    "introduction": (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch số 104/KH-UBND ngày 04/7/2022 của UBND tỉnh "
        "Thái Nguyên thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2022 - 2030”, theo năm và "
        "theo địa phương, so với mục tiêu đến năm 2025 và năm 2030."
    ),
}
# Starting rate in 2022 and yearly gain of each summed indicator, and what its denominator counts.
TRENDS = {
    "nang-luc-thong-tin": (48, 4, "people"),
    "ky-nang-song": (50, 3.5, "people"),
    "chuyen-mon-ky-thuat": (38, 3, "people"),
    "trinh-do-dai-hoc": (9, 0.8, "people"),
    "co-so-giao-duc-so": (35, 9, "schools"),
    "tthtcd-cong-nghe-thong-tin": (45, 8, "centres"),
    "cong-dan-hoc-tap": (22, 4, "people"),
}
ENTERED = {
    "xoa-mu-chu-muc-2": [100, 100, 100, 100, 100],
    "pho-cap-mam-non-5-tuoi": [100, 100, 100, 100, 100],
    "pho-cap-tieu-hoc-muc-3": [100, 100, 100, 100, 100],
    "pho-cap-thcs-muc-3": [77.78, 88.89, 88.89, 100, 100],
    "dai-hoc-so": [40, 55, 65, 72, 80],
    "huyen-hoc-tap": [0, 11.11, 11.11, 22.22, 22.22],
    "tinh-hoc-tap": [0, 0, 0, 0, 0],
}
SOURCE = "Sở Giáo dục và Đào tạo, báo cáo kết quả năm {year}"


def _seed(text: str) -> int:
    return zlib.crc32(text.encode())


def _denominator(unit: AdminUnit, kind: str) -> int:
    seed = _seed(unit.slug)
    scale = 1 if unit.level == AdminUnit.Level.DISTRICT else 0.15
    base = {"people": 60000 + seed % 160000, "schools": 60 + seed % 90, "centres": 10 + seed % 20}[kind]
    return max(int(base * scale), 3)


def _rate(code: str, unit: AdminUnit, year: int) -> float:
    start, gain, _kind = TRENDS[code]
    offset = (_seed(unit.slug + code) % 9 - 4) * 0.8
    return max(0.0, min(100.0, start + offset + gain * (year - 2022)))


def _measurement(indicator, unit, year, value, numerator=None, denominator=None) -> Measurement:
    return Measurement(
        indicator=indicator,
        unit=unit,
        year=year,
        value=value,
        numerator=numerator,
        denominator=denominator,
        source=SOURCE.format(year=year),
    )


def _fraction(indicator, unit, year) -> Measurement:
    denominator = _denominator(unit, TRENDS[indicator.code][2])
    numerator = int(denominator * _rate(indicator.code, unit, year) / 100)
    return _measurement(indicator, unit, year, rate(numerator, denominator), numerator, denominator)


def load_measurements(log) -> None:
    """Every district and commune for each year it existed, 2022–2025, and the communes made by the
    reform for 2026 too; the entered indicators for the province of each year."""
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    units = list(AdminUnit.objects.all())
    local = [u for u in units if u.level != AdminUnit.Level.PROVINCE]
    provinces = sorted((u for u in units if u.level == AdminUnit.Level.PROVINCE), key=lambda u: u.valid_from)
    figures = [
        _fraction(indicators[code], unit, year)
        for code in TRENDS
        for year in range(2022, 2027)
        for unit in local
        if unit_valid_in_year(unit, year)
    ]
    for code, values in ENTERED.items():
        for year, value in zip(range(2022, 2027), values, strict=True):
            province = provinces[0] if year <= 2025 else provinces[-1]
            figures.append(_measurement(indicators[code], province, year, Decimal(str(value))))
    before = Measurement.objects.count()
    Measurement.objects.bulk_create(figures, ignore_conflicts=True)
    log(f"  indicators: {Measurement.objects.count() - before} measurements added")


def load_recognitions(log) -> None:
    districts = AdminUnit.objects.filter(level=AdminUnit.Level.DISTRICT).order_by("slug")
    created = 0
    for district in districts:
        seed = _seed(district.slug)
        for year in range(2022, 2026):
            growth = 1 + 0.12 * (year - 2022)
            counts = {
                Recognition.Title.CITIZEN: int((8000 + seed % 9000) * growth),
                Recognition.Title.FAMILY: int((2500 + seed % 3000) * growth),
                Recognition.Title.CLAN: int((40 + seed % 60) * growth),
                Recognition.Title.COMMUNITY: int((30 + seed % 40) * growth),
                Recognition.Title.UNIT: int((20 + seed % 25) * growth),
            }
            for title, count in counts.items():
                _r, new = Recognition.objects.get_or_create(
                    title=title, unit=district, year=year, defaults={"count": count}
                )
                created += new
    for slug, year in (("tp-thai-nguyen", 2024), ("tp-song-cong", 2025)):
        unit = AdminUnit.objects.filter(slug=slug).first()
        if unit:
            _r, new = Recognition.objects.get_or_create(
                title=Recognition.Title.DISTRICT, unit=unit, year=year, defaults={"count": 1}
            )
            created += new
    log(f"  indicators: {created} recognitions added")


def load_indicators_demo(log) -> None:
    log(f"  indicators: {load_indicators()} indicators from plan 104/KH-UBND")
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        log("  indicators skipped: no Vietnamese home page")
        return
    dashboard = child_by_slug(home, IndicatorDashboardPage, DASHBOARD["slug"])
    if dashboard is None:
        dashboard = publish_child(home, IndicatorDashboardPage(**DASHBOARD))
    load_measurements(log)
    load_recognitions(log)
    mirror_in_other_languages(home, [dashboard], log)
