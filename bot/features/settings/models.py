"""What the settings service decides, for the views to show."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.quiet import QuietHours
from bot.features.settings.timezones import Place
from bot.kernel.i18n import Words
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


class Page(StrEnum):
    """The places in /settings a button opens (in place of the message)."""

    HOME = "home"
    CANCEL = "cancel"  # back home from a page that asked for words, which are no longer wanted
    TIMEZONE = "tz"
    REMINDERS = "rem"
    QUIET = "quiet"
    PAUSE = "pause"
    WINS = "wins"
    NOTHING = "nothing"
    PRIVACY = "privacy"
    DELETE = "delete"
    UNPAIR = "unpair"
    LANGUAGE = "lang"


class RemindAction(StrEnum):
    """What a reminder's button in /settings does."""

    OPEN = "o"  # show the reminder's page
    TIME = "t"  # set its time (value: minutes after midnight)
    DAYS = "d"  # set its days (value: the weekday mask)
    OFF = "x"  # turn it off
    TYPE = "w"  # another time: the next words typed are the time


class QuietAction(StrEnum):
    """What a quiet-hours button in /settings does."""

    START = "s"  # value: minutes after midnight
    END = "e"
    MODE = "m"  # value: the index of a QuietMode in QUIET_MODES
    TYPE_START = "ts"  # another time, typed
    TYPE_END = "te"


@dataclass(frozen=True, slots=True)
class ResumedResult:
    """/resume: whether prompts were paused, and the next reminder now (None: none set)."""

    status: Resumed
    next_kind: str | None = None
    next_due: datetime | None = None  # in the user's timezone
    today: datetime | None = None  # now, in the user's timezone


@dataclass(frozen=True, slots=True)
class TimezoneChoices:
    """Several zones match what the user typed: they pick one, largest first."""

    zones: tuple[str, ...]
    places: tuple["Place | None", ...] = ()  # what each was found by, when known
    more: bool = False  # more matched than are offered


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
    switches: tuple[Words, ...] = ()  # how each on/off setting of other features stands


@dataclass(frozen=True, slots=True)
class Switched:
    """/remind <name> on|off for another feature's switch: its own words say what changed."""

    message: Outgoing


@dataclass(frozen=True, slots=True)
class SwitchState:
    """Another feature's on/off setting, as /settings shows it."""

    name: str
    label: Words
    on: bool


@dataclass(frozen=True, slots=True)
class Overview:
    """The /settings screen: where each setting stands."""

    zone: str | None
    local_now: datetime | None  # now in that zone
    reminders: tuple[ReminderLine, ...]
    paused_until: datetime | None  # in the user's timezone, while paused
    quiet: QuietHours
    partner: str | None  # the partner's first name, when paired


@dataclass(frozen=True, slots=True)
class ReminderPage:
    """One reminder's page: its time and days, or None while it is off."""

    kind: ReminderKind
    line: ReminderLine | None
    today: datetime  # now, in the user's timezone
    note: str = ""  # what just changed (the text of another feature's answer, say)


@dataclass(frozen=True, slots=True)
class RemindersPage:
    """Every reminder kind, on or off, and the other features' switches."""

    lines: tuple[ReminderLine, ...]
    switches: tuple[SwitchState, ...]
    today: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class QuietPage:
    hours: QuietHours
    partner: str | None


@dataclass(frozen=True, slots=True)
class PausePage:
    paused_until: datetime | None  # in the user's timezone, while paused


@dataclass(frozen=True, slots=True)
class WinsPage:
    threshold: int | None  # 0: off; None: not paired


@dataclass(frozen=True, slots=True)
class NothingPage:
    partner: str | None  # None: not paired
    on: bool


@dataclass(frozen=True)
class LanguagePage:
    """The languages Mend speaks, and the one it speaks to this user."""

    current: str
    languages: tuple[str, ...]
