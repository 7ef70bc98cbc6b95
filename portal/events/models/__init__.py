"""Events and campaigns."""

from portal.events.models.campaigns import CampaignOrganiser, CampaignPage, EventIndexPage
from portal.events.models.events import EventPage, EventResource, EventStatus

__all__ = ["CampaignOrganiser", "CampaignPage", "EventIndexPage", "EventPage", "EventResource", "EventStatus"]
