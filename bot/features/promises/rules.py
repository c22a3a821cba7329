"""Rules for promises: limits, and reading "by <when>"."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.schedule import local_instant, parse_time, weekday
from bot.features.promises import views
from bot.kernel.errors import InvalidInput

MAX_PROMISE_CHARS = 300
# A promise "by <day>" is asked about that evening.
DAY_END = (20, 0)
MAX_PROMISE_DAYS = 90
# A promise made without a time is asked about at the author's check-in once this long has
# passed: a promise made just before (or after) tonight's check-in is asked about at
# tomorrow's, not two hours later. 20 hours, not 24, so that a check-in that moved a little
# earlier tomorrow still counts as "tomorrow's".
UNDATED_WAIT = timedelta(hours=20)

_BY = re.compile(r"\s+by\s+(?=\S)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_TIMEISH = re.compile(r"^(?:\d|today\b|tonight\b|tomorrow\b|tmrw\b)", re.IGNORECASE)


def split_promise(text: str) -> tuple[str, str | None]:
    """'call if late by 18:00' -> ('call if late', '18:00'). The last ' by ' starts the due
    time only if what follows reads as a time or a day ('stand by you' stays whole)."""
    matches = list(_BY.finditer(text))
    if not matches:
        return text.strip(), None
    last = matches[-1]
    when = text[last.end() :].strip()
    first = when.split()[0]
    if _TIMEISH.match(when) or weekday(first) is not None or _ISO_DATE.fullmatch(first):
        return text[: last.start()].strip(), when
    return text.strip(), None


def parse_due(when: str, now: datetime, tz: ZoneInfo) -> datetime:
    """When a promise is due: '18:00' (today, or tomorrow if past), 'fri', 'fri 18:00',
    'tomorrow', 'today 9pm', '2026-12-01'. A day without a time means its evening (20:00)."""
    words = when.lower().split()
    today = now.astimezone(tz).date()
    day: date | None = None
    rest = words
    if words and words[0] in ("today", "tonight"):
        day, rest = today, words[1:]
    elif words and words[0] in ("tomorrow", "tmrw"):
        day, rest = today + timedelta(days=1), words[1:]
    elif words and (number := weekday(words[0])) is not None:
        ahead = (number - today.weekday()) % 7
        day, rest = today + timedelta(days=ahead), words[1:]
    elif words and _ISO_DATE.fullmatch(words[0]):
        try:
            day = date.fromisoformat("-".join(f"{int(p):02d}" for p in words[0].split("-")))
        except ValueError:
            raise InvalidInput(
                views.PROMISE_BAD_WHEN.format(given=texts.escape(when[:40]))
            ) from None
        rest = words[1:]
    if rest and rest[0] == "at":
        rest = rest[1:]
    try:
        hour, minute = parse_time(" ".join(rest)) if rest else DAY_END
    except InvalidInput:
        raise InvalidInput(views.PROMISE_BAD_WHEN.format(given=texts.escape(when[:40]))) from None
    if day is None:
        due = local_instant(today, hour, minute, tz)
        if due <= now:
            due = local_instant(today + timedelta(days=1), hour, minute, tz)
    else:
        due = local_instant(day, hour, minute, tz)
        if due <= now and day == today and weekday(words[0]) is not None:
            due = local_instant(day + timedelta(days=7), hour, minute, tz)
    if due <= now:
        raise InvalidInput(views.PROMISE_PAST)
    if due > now + timedelta(days=MAX_PROMISE_DAYS):
        raise InvalidInput(views.PROMISE_TOO_FAR.format(days=MAX_PROMISE_DAYS))
    return due
