"""How Mend writes days and times: one function per kind of value, in one style.

Every message that shows a date or a time goes through here, so the style is the same
everywhere ('Mon 2 Mar', '21:05', 'Mon 2 Mar, 21:05') and can change in one place (per
language, later). Instants are shown in the reader's own timezone, UTC when they have none.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local(instant: datetime, tz: ZoneInfo | None) -> datetime:
    """``instant`` on the reader's clock: in ``tz``, or UTC without one."""
    return instant.astimezone(tz) if tz is not None else instant


def day(value: date) -> str:
    """'Mon 2 Mar': a calendar day (of a local datetime, its own day)."""
    return f"{_DAY_NAMES[value.weekday()]} {value.day} {_MONTH_NAMES[value.month - 1]}"


def time_of_day(value: time) -> str:
    """'21:05': a time on the clock, 24-hour."""
    return f"{value.hour:02d}:{value.minute:02d}"


def moment(instant: datetime, tz: ZoneInfo | None) -> str:
    """'Mon 2 Mar, 21:05': an instant, on the reader's clock."""
    seen = local(instant, tz)
    return f"{day(seen)}, {time_of_day(seen.time())}"


def day_of(instant: datetime, tz: ZoneInfo | None) -> str:
    """'Mon 2 Mar': the day an instant falls on, on the reader's clock."""
    return day(local(instant, tz))


def clock_of(instant: datetime, tz: ZoneInfo | None) -> str:
    """'21:05': the time an instant falls at, on the reader's clock."""
    return time_of_day(local(instant, tz).time())
