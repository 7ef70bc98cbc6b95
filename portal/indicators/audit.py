"""Who changed which figure: every saved or removed measurement leaves an entry in Wagtail's
history (the measurement's own history page and the site history report), with the figures
before and after, whether it was typed in the admin, entered in the grid or uploaded."""

from wagtail.log_actions import log

from portal.indicators.models import Measurement

FIGURES = ("value", "numerator", "denominator", "source")


def figures(measurement: Measurement | None) -> dict:
    if measurement is None:
        return {}
    return {name: _plain(getattr(measurement, name)) for name in FIGURES}


def _plain(value):
    return None if value is None else str(value)


def title(measurement: Measurement) -> str:
    return f"{measurement.indicator.name} · {measurement.unit.full_name} · {measurement.year}"


def record(measurement: Measurement, before: dict, user, *, deleted: bool = False) -> None:
    """Log a change when something changed; ``before`` is ``figures()`` of the row as it was."""
    after = {} if deleted else figures(measurement)
    if before == after:
        return
    action = "wagtail.delete" if deleted else ("wagtail.edit" if before else "wagtail.create")
    changes = {
        name: [before.get(name), after.get(name)] for name in FIGURES if before.get(name) != after.get(name)
    }
    log(
        measurement,
        action,
        user=user,
        title=title(measurement),
        data={"changes": changes},
        content_changed=True,
        deleted=deleted,
    )
