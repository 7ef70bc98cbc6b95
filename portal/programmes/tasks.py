"""Regular weekly slots become airings a few weeks ahead, so the schedule and calendars show them.

Run daily by the scheduler and by ``load_demo``; running it twice adds nothing. A slot moved to
another day drops its old future placeholders (those without an episode).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.core.caching import content_changed
from portal.programmes.models import Airing, BroadcastProgrammePage


def roll_programme(programme: BroadcastProgrammePage, now: datetime.datetime, end: datetime.datetime) -> int:
    wanted = set(programme.slot_starts(now, end))
    future_slots = Airing.objects.filter(programme=programme, kind=Airing.Kind.SLOT, starts_at__gte=now)
    future_slots.exclude(starts_at__in=wanted).delete()
    taken = set(
        Airing.objects.filter(programme=programme, starts_at__in=wanted).values_list("starts_at", flat=True)
    )
    new = [
        Airing(programme=programme, kind=Airing.Kind.SLOT, starts_at=moment)
        for moment in sorted(wanted - taken)
    ]
    Airing.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        content_changed()  # bulk_create sends no signal; the schedule shows the new airings
    return len(new)


def roll_forward(days: int | None = None, now: datetime.datetime | None = None) -> int:
    """Create the missing slot airings of every live programme; returns how many were added."""
    now = now or timezone.now()
    end = now + datetime.timedelta(days=days or settings.BROADCAST_AIRINGS_AHEAD_DAYS)
    added = 0
    with transaction.atomic():
        for programme in BroadcastProgrammePage.objects.live():
            added += roll_programme(programme, now, end)
        # A programme whose slot was removed, or that went off air, keeps no future placeholders.
        Airing.objects.filter(kind=Airing.Kind.SLOT, starts_at__gte=now).exclude(
            programme__in=BroadcastProgrammePage.objects.live().exclude(slot_weekday=None)
        ).delete()
    return added


@task()
def roll_airings_forward(days: int | None = None) -> int:
    return roll_forward(days)
