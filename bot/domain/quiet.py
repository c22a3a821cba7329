"""Quiet hours: when a person's partner's actions reach them silently, or wait.

Each person has a window of local time (22:00 to 08:00 unless they change it). What their
partner's actions send them inside it arrives without a sound, or waits until it ends, as
they choose; their own scheduled prompts ring as usual.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain import schedule

__all__ = ["DEFAULT", "QuietHours", "QuietMode", "is_quiet", "quiet_ends"]


class QuietMode(StrEnum):
    """What happens to a partner's message inside the hours (the stored value)."""

    SILENT = "silent"  # it arrives, without a notification sound
    WAIT = "wait"  # it waits until the quiet hours end
    OFF = "off"  # no quiet hours


@dataclass(frozen=True, slots=True)
class QuietHours:
    """From ``start`` to ``end``, minutes after local midnight; across midnight when start is
    later than end. ``start == end`` is no window at all (settings refuse it)."""

    start: int
    end: int
    mode: QuietMode

    def __post_init__(self) -> None:
        for minutes in (self.start, self.end):
            if not 0 <= minutes < 24 * 60:
                raise ValueError(f"not a minute of the day: {minutes}")

    @property
    def start_time(self) -> tuple[int, int]:
        return divmod(self.start, 60)

    @property
    def end_time(self) -> tuple[int, int]:
        return divmod(self.end, 60)


DEFAULT = QuietHours(22 * 60, 8 * 60, QuietMode.SILENT)


def is_quiet(hours: QuietHours, moment: datetime, tz: ZoneInfo) -> bool:
    """Whether ``moment`` falls inside the quiet hours, on the person's own clock."""
    if hours.mode is QuietMode.OFF or hours.start == hours.end:
        return False
    local = moment.astimezone(tz)
    minute = local.hour * 60 + local.minute
    if hours.start < hours.end:
        return hours.start <= minute < hours.end
    return minute >= hours.start or minute < hours.end


def quiet_ends(hours: QuietHours, moment: datetime, tz: ZoneInfo) -> datetime:
    """The first instant after ``moment`` at which the quiet hours end, in UTC: the local end
    time on the right day, DST-correct (a skipped end time moves to the first one after)."""
    hour, minute = hours.end_time
    return schedule.next_due(moment, tz, hour, minute, schedule.ALL_DAYS)
