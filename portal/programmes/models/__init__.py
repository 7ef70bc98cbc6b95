"""Broadcast programmes, their episodes and airings, and the schedule."""

from portal.programmes.models.airings import Airing, EpisodeResource
from portal.programmes.models.episodes import EpisodePage
from portal.programmes.models.programmes import BroadcastProgrammePage, ProgrammeIndexPage
from portal.programmes.models.schedule import SchedulePage

__all__ = [
    "Airing",
    "BroadcastProgrammePage",
    "EpisodePage",
    "EpisodeResource",
    "ProgrammeIndexPage",
    "SchedulePage",
]
