"""What the home service decides: where set-up stands, and the home screen's status."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.features.settings import TimezoneMatch


class Step(StrEnum):
    """A question of set-up, in order."""

    TIMEZONE = "tz"
    CHECKIN = "checkin"
    GRATITUDE = "gratitude"
    INVITE = "invite"


@dataclass(frozen=True, slots=True)
class ZoneSet:
    """The timezone was set."""

    zone: str
    local_now: datetime


@dataclass(frozen=True, slots=True)
class TimeSet:
    """A daily time was set (the check-in or the gratitude)."""

    step: Step
    hour: int
    minute: int
    next_due: datetime  # in the user's timezone
    today: datetime  # now, in the user's timezone
    default_review: bool  # the weekly review came with this first check-in time


@dataclass(frozen=True, slots=True)
class Skipped:
    """The gratitude time was left for later."""


Done = ZoneSet | TimeSet | Skipped


@dataclass(frozen=True, slots=True)
class Question:
    """The next question of set-up."""

    step: Step
    first_name: str
    zones: tuple[str, ...] = ()  # the timezone step: zones to offer
    welcome: bool = False  # the first message: say what Mend is
    paired_with: str | None = None


@dataclass(frozen=True, slots=True)
class Status:
    """The home screen: where things stand for the user."""

    partner_name: str | None
    has_timezone: bool
    next_checkin: datetime | None  # in the user's timezone
    today: datetime | None  # now, in the user's timezone
    waiting: tuple[str, ...]  # what waits for the user, a line from each feature
    paused: bool


@dataclass(frozen=True, slots=True)
class Progress:
    """An answer of set-up: what it set, and what comes next (a question or home)."""

    done: Done | None
    then: Question | Status


class ZoneAnswer(StrEnum):
    """What typed words at the timezone step found, when not exactly one zone."""

    UNKNOWN = "unknown"  # no zone: try again (likely zones offered)
    TOO_MANY = "too_many"  # many places: the largest offered
    SEVERAL = "several"  # a few zones: pick one


@dataclass(frozen=True, slots=True)
class ZoneChoices:
    """The timezone step's typed words did not name exactly one zone."""

    given: str
    answer: ZoneAnswer
    zones: tuple[str, ...]
    match: TimezoneMatch | None = None  # what the resolver found (its places name the buttons)
