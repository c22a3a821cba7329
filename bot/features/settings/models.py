"""What the settings service decides, for the views to show."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.kernel.outgoing import Outgoing


class ReminderKind(StrEnum):
    """What /remind sets; the values are the ``reminders.kind`` column's."""

    CHECKIN = "checkin"
    GRATITUDE = "gratitude"
    DISCLOSURE = "disclosure"
    REVIEW = "review"


class Resumed(StrEnum):
    """/resume: whether prompts were paused."""

    RESUMED = "resumed"
    NOT_PAUSED = "not_paused"


@dataclass(frozen=True, slots=True)
class TimezoneChoices:
    """Several zones match what the user typed: they pick one."""

    zones: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimezoneSet:
    zone: str
    local_now: datetime  # the time now in that zone
    has_reminders: bool


@dataclass(frozen=True, slots=True)
class Paused:
    until: datetime  # in the user's timezone


@dataclass(frozen=True, slots=True)
class ReminderOff:
    kind: ReminderKind
    was_on: bool


@dataclass(frozen=True, slots=True)
class ReminderSet:
    kind: ReminderKind
    hour: int
    minute: int
    days: int  # bit mask, Monday = 1
    next_due: datetime  # in the user's timezone
    today: datetime  # now, in the user's timezone
    default_review: bool  # the weekly review came with this first check-in time


@dataclass(frozen=True, slots=True)
class ReminderLine:
    kind: str  # a ReminderKind's value, or any other kind a row holds
    hour: int
    minute: int
    days: int
    next_due: datetime  # in the user's timezone


@dataclass(frozen=True, slots=True)
class ReminderList:
    """/reminders: sorted by kind; empty when none is set."""

    lines: tuple[ReminderLine, ...]
    paused: bool
    today: datetime  # now, in the user's timezone
    switches: tuple[str, ...] = ()  # how each on/off setting of other features stands


@dataclass(frozen=True, slots=True)
class Switched:
    """/remind <name> on|off for another feature's switch: its own words say what changed."""

    message: Outgoing
