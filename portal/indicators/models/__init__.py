from portal.indicators.models.data import Indicator, Measurement, Recognition
from portal.indicators.models.pages import IndicatorDashboardPage

__all__ = ["Indicator", "IndicatorDashboardPage", "Measurement", "Recognition"]
