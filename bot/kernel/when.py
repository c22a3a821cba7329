"""How Mend writes days and times: one function per kind of value, in one style.

Every message that shows a date or a time goes through here, so the style is the same
everywhere and can change in one place. Each is written with Babel (CLDR's patterns) in the
language being spoken (:func:`bot.kernel.i18n.current`): 'Mon 2 Mar', '21:05',
'Mon 2 Mar, 21:05' in English; 'Mo., 2. März' in German, 'пн, 2 мар.' in Russian. Times are
24-hour in every language. Instants are shown in the reader's own timezone, UTC when they
have none.
"""

from datetime import date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, get_datetime_format, get_day_names

from bot.kernel.i18n import N_, SOURCE, current

# Mend's English is British in its dates ('Mon 2 Mar', not 'Mon, Mar 2'): CLDR's en_GB.
_ENGLISH_LOCALE = "en_GB"
_DAY = "MMMEd"  # weekday, day and month, short: 'Mon 2 Mar'
_CLOCK = "Hm"  # hours and minutes, 24-hour: '21:05'


def babel_locale(language: str | None = None) -> str:
    """The Babel locale a language (the one being spoken, by default) writes dates in."""
    language = language or current()
    return _ENGLISH_LOCALE if language == SOURCE else language


ON_DAY_AT = N_("{day} at {time}")
TODAY_AT = N_("today at {time}")
TOMORROW_AT = N_("tomorrow at {time}")


def local(instant: datetime, tz: ZoneInfo | None) -> datetime:
    """``instant`` on the reader's clock: in ``tz``, or UTC without one."""
    return instant.astimezone(tz) if tz is not None else instant


def day(value: date) -> str:
    """'Mon 2 Mar': a calendar day (of a local datetime, its own day)."""
    if isinstance(value, datetime):
        value = value.date()
    return format_skeleton(_DAY, value, locale=babel_locale())


def time_of_day(value: time) -> str:
    """'21:05': a time on the clock, 24-hour."""
    return format_skeleton(_CLOCK, value, locale=babel_locale())


def moment(instant: datetime, tz: ZoneInfo | None) -> str:
    """'Mon 2 Mar, 21:05': an instant, on the reader's clock."""
    seen = local(instant, tz)
    # CLDR's way of joining a date and a time ('{1}, {0}' in English: the date first).
    joined = str(get_datetime_format("medium", locale=babel_locale()))
    return joined.replace("{1}", day(seen)).replace("{0}", time_of_day(seen.time()))


def day_of(instant: datetime, tz: ZoneInfo | None) -> str:
    """'Mon 2 Mar': the day an instant falls on, on the reader's clock."""
    return day(local(instant, tz))


def clock_of(instant: datetime, tz: ZoneInfo | None) -> str:
    """'21:05': the time an instant falls at, on the reader's clock."""
    return time_of_day(local(instant, tz).time())


def weekday_names(width: Literal["abbreviated", "short", "wide"] = "abbreviated") -> list[str]:
    """The names of the days of the week, Monday first, as they stand alone ('Mon', 'Mo',
    'пн'), in the language being spoken; ``width`` is 'abbreviated', 'short' or 'wide'."""
    names = get_day_names(width, context="stand-alone", locale=babel_locale())
    return [names[index] for index in range(7)]


def day_at(local: datetime) -> str:
    """'Mon 7 Dec at 21:00': a day and a time on the reader's clock (already local)."""
    return ON_DAY_AT.format(day=day(local), time=time_of_day(local.time()))


def relative(local: datetime, today: datetime) -> str:
    """'today at 21:00', 'tomorrow at 08:30' or 'Mon 7 Dec at 21:00' (both already local)."""
    days = (local.date() - today.date()).days
    if days == 0:
        return TODAY_AT.format(time=time_of_day(local.time()))
    if days == 1:
        return TOMORROW_AT.format(time=time_of_day(local.time()))
    return day_at(local)
