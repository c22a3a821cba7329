"""Rules for promises, wins, timeouts, the repair plan and the journal: limits and parsing."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.schedule import local_instant, parse_time, weekday
from bot.kernel.errors import InvalidInput

MAX_PROMISE_CHARS = 300
MAX_WIN_CHARS = 1000
MAX_JOURNAL_CHARS = 3000
MAX_STEP_CHARS = 300
MAX_STEPS = 20
# A promise "by <day>" is asked about that evening.
DAY_END = (20, 0)
MAX_PROMISE_DAYS = 90
TIMEOUT_DEFAULT = 20
TIMEOUT_RANGE = (5, 120)
TIMEOUT_MORE = 10

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
                texts.PROMISE_BAD_WHEN.format(given=texts.escape(when[:40]))
            ) from None
        rest = words[1:]
    if rest and rest[0] == "at":
        rest = rest[1:]
    try:
        hour, minute = parse_time(" ".join(rest)) if rest else DAY_END
    except InvalidInput:
        raise InvalidInput(texts.PROMISE_BAD_WHEN.format(given=texts.escape(when[:40]))) from None
    if day is None:
        due = local_instant(today, hour, minute, tz)
        if due <= now:
            due = local_instant(today + timedelta(days=1), hour, minute, tz)
    else:
        due = local_instant(day, hour, minute, tz)
        if due <= now and day == today and weekday(words[0]) is not None:
            due = local_instant(day + timedelta(days=7), hour, minute, tz)
    if due <= now:
        raise InvalidInput(texts.PROMISE_PAST)
    if due > now + timedelta(days=MAX_PROMISE_DAYS):
        raise InvalidInput(texts.PROMISE_TOO_FAR.format(days=MAX_PROMISE_DAYS))
    return due


def parse_minutes(text: str) -> int:
    """/timeout's minutes: '', '30', '30m', '45 min', '1h'."""
    cleaned = text.strip().lower()
    if not cleaned:
        return TIMEOUT_DEFAULT
    match = re.fullmatch(r"(\d{1,4})\s*(m|min|mins|minutes?|h|hr|hrs|hours?)?", cleaned)
    if match is None:
        raise InvalidInput(texts.TIMEOUT_BAD.format(given=texts.escape(text.strip()[:40])))
    minutes = int(match[1]) * (60 if (match[2] or "m").startswith("h") else 1)
    low, high = TIMEOUT_RANGE
    if not low <= minutes <= high:
        raise InvalidInput(texts.TIMEOUT_RANGE_TEXT.format(low=low, high=high))
    return minutes
