"""Demo content of the programmes app: three series, their episodes, reruns and the schedule.

Every episode that has aired plays: its recording is made with code (``portal.core.demo_media``)
and stored like an upload in the broadcaster's collection. Air times are placed around the day
of loading (four aired episodes, one coming); loading again adds only what is missing.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from media.generated import store_document
from portal.core import demo_media
from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import Audience, HomePage, Language, Subject
from portal.organisations.contributors import ensure_owned
from portal.organisations.models import Organisation
from portal.programmes import demo_data
from portal.programmes.models import (
    Airing,
    BroadcastProgrammePage,
    EpisodePage,
    EpisodeResource,
    ProgrammeIndexPage,
    SchedulePage,
)
from portal.programmes.tasks import roll_forward

AIRED_EPISODES = 4
CLIP_SECONDS = 6


def broadcaster() -> Organisation:
    fields = {key: value for key, value in demo_data.BROADCASTER.items() if key != "slug"}
    organisation, _created = Organisation.objects.get_or_create(
        slug=demo_data.BROADCASTER["slug"], defaults=fields
    )
    if organisation.kind != Organisation.Kind.BROADCASTER:
        organisation.kind = Organisation.Kind.BROADCASTER
        organisation.save()
    ensure_owned(organisation)
    return organisation


def _clock(text: str) -> datetime.time:
    hours, minutes = text.split(":")
    return datetime.time(int(hours), int(minutes))


def air_times(programme: BroadcastProgrammePage, now: datetime.datetime) -> list[datetime.datetime]:
    """The last four slot times before ``now`` and the first one after it."""
    past = programme.slot_starts(now - datetime.timedelta(days=7 * (AIRED_EPISODES + 1)), now)
    future = programme.slot_starts(now, now + datetime.timedelta(days=8))
    return [*past[-AIRED_EPISODES:], future[0]]


def make_programme(index, row: dict, producer: Organisation) -> BroadcastProgrammePage:
    programme = child_by_slug(index, BroadcastProgrammePage, row["slug"])
    if programme is not None:
        return programme
    weekday, clock, minutes = row["slot"]
    programme = BroadcastProgrammePage(
        title=row["title"],
        slug=row["slug"],
        summary=row["summary"],
        search_description=row["summary"],
        description=[("paragraph", demo_data.ABOUT)],
        channel_kind=row["channel_kind"],
        channel_name=row["channel_name"],
        producer=producer,
        slot_weekday=weekday,
        slot_time=_clock(clock),
        slot_minutes=minutes,
    )
    index.add_child(instance=programme)
    programme.subjects.set(Subject.objects.filter(slug__in=row["subjects"]))
    programme.audiences.set(Audience.objects.filter(slug__in=row["audiences"]))
    programme.languages.set(Language.objects.filter(slug__in=row["languages"]))
    programme.save_revision().publish()
    return programme


def recordings(row: dict, number: int, title: str, cues: list[str], organisation: Organisation) -> dict:
    """The episode's files: a WebM video (or Ogg Opus audio), captions, and for TV an audio-only copy."""
    tone = demo_media.A_MAJOR[number % 3]
    name = f"{row['slug']}-tap-{number}"
    step = CLIP_SECONDS / len(cues)
    captions = demo_media.captions([(i * step, (i + 1) * step, cue) for i, cue in enumerate(cues)])
    files = {
        "captions": store_document(f"{title} (phụ đề)", f"{name}.vtt", captions, organisation.collection)
    }
    if row["media"] == "video":
        clip = demo_media.video(CLIP_SECONDS, title=title, colour=row["colour"], tone=tone)
        files["media"] = store_document(title, f"{name}.webm", clip, organisation.collection)
        if row["channel_kind"] == "tv":
            sound = demo_media.audio(CLIP_SECONDS, tone=tone, container="ogg")
            files["audio"] = store_document(
                f"{title} (bản nghe)", f"{name}.ogg", sound, organisation.collection
            )
    else:
        sound = demo_media.audio(CLIP_SECONDS, tone=tone, container="ogg")
        files["media"] = store_document(title, f"{name}.ogg", sound, organisation.collection)
    return files


def related_resources(row: dict, limit: int = 2) -> list:
    """Live library resources on the programme's first subject (when the library demo is loaded)."""
    resource_model = apps.get_model("resources", "LearningResourcePage")
    return list(
        resource_model.objects.live()
        .public()
        .filter(subjects__slug=row["subjects"][0])
        .order_by("title")[:limit]
    )


def make_episodes(programme, row: dict, organisation: Organisation, now) -> int:
    created = 0
    times = air_times(programme, now)
    resources = related_resources(row)
    for number, ((title, summary, cues), air_time) in enumerate(
        zip(row["episodes"], times, strict=True), start=1
    ):
        slug = f"tap-{number}"
        if child_by_slug(programme, EpisodePage, slug):
            continue
        aired = air_time <= now
        episode = EpisodePage(
            title=title,
            slug=slug,
            number=number,
            air_time=air_time,
            duration_minutes=row["slot"][2],
            summary=summary,
            search_description=summary,
            transcript="\n\n".join(cues) if aired else "",
            **(recordings(row, number, title, cues, organisation) if aired else {}),
        )
        if row["rerun"]:
            days, clock = row["rerun"]
            rerun = datetime.datetime.combine(
                timezone.localtime(air_time).date() + datetime.timedelta(days=days),
                _clock(clock),
                tzinfo=timezone.get_default_timezone(),
            )
            episode.airings = [Airing(kind=Airing.Kind.RERUN, starts_at=rerun)]
        episode.resource_links = [EpisodeResource(resource=resource) for resource in resources]
        publish_child(programme, episode)
        created += 1
    return created


@transaction.atomic
def load_programmes_demo(log) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        log("  programmes: no Vietnamese home page, nothing loaded")
        return
    index = child_by_slug(home, ProgrammeIndexPage, demo_data.INDEX["slug"]) or publish_child(
        home, ProgrammeIndexPage(**demo_data.INDEX)
    )
    schedule = child_by_slug(home, SchedulePage, demo_data.SCHEDULE["slug"]) or publish_child(
        home, SchedulePage(**demo_data.SCHEDULE)
    )
    producer = broadcaster()
    now = timezone.now()
    episodes = 0
    for row in demo_data.PROGRAMMES:
        programme = make_programme(index, row, producer)
        episodes += make_episodes(programme, row, producer, now)
    slots = roll_forward()
    log(
        f"  programmes: {len(demo_data.PROGRAMMES)} series, {episodes} new episodes, {slots} new slot airings"
    )
    mirror_in_other_languages(home, [index, schedule], log)
