"""Rules for promises: limits, and reading "by <when>"."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.domain.daywords import fold, relative_day
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

# "by" in each of Mend's languages: 'by fri', 'bis Freitag', 'hasta el viernes', 'para el
# viernes', 'até sexta', 'до пятницы', 'к пятнице', 'до пʼятниці'. What follows must read as a
# time or a day for it to count ('stand by you', 'flores para mamá' stay whole).
_BY_WORDS = ("by", "bis", "hasta", "para", "até", "ate", "до", "к", "ко")
_BY = re.compile(r"\s+(?:" + "|".join(_BY_WORDS) + r")\s+(?=\S)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# Words before the day that say nothing about when ('am Freitag', 'el viernes', 'в пятницу'),
# and before the time ('at 18:00', 'um 18 Uhr', 'a las 18:00', 'às 18:00', 'в 18:00').
_BEFORE_DAY = frozenset(
    fold(word)
    for word in ("on", "the", "am", "el", "la", "o", "a", "в", "во", "у", "на")  # noqa: RUF001
)
_BEFORE_TIME = frozenset(
    fold(word)
    for word in ("at", "um", "a", "las", "la", "às", "в", "во", "о", "об")  # noqa: RUF001
)


def _when_words(when: str) -> list[str]:
    """The words of a due time, folded, without the words before its day."""
    return _past(_BEFORE_DAY, fold(when).split())


def _past(skipped: frozenset[str], words: list[str]) -> list[str]:
    """``words`` from the first one that is not ``skipped``."""
    while words and words[0] in skipped:
        words = words[1:]
    return words


def _reads_as_when(when: str) -> bool:
    """Whether text after "by" starts like a time or a day, in any of Mend's languages."""
    words = _past(_BEFORE_TIME, _when_words(when))  # 'hasta las 18:00', 'bis um 18 Uhr'
    if not words:
        return False
    first = words[0]
    return (
        first[0].isdigit()
        or relative_day(words) is not None
        or weekday(first) is not None
        or _ISO_DATE.fullmatch(first) is not None
    )


def split_promise(text: str) -> tuple[str, str | None]:
    """'call if late by 18:00' -> ('call if late', '18:00'). The last ' by ' starts the due
    time only if what follows reads as a time or a day ('stand by you' stays whole). "by" may be
    in any of Mend's languages ('Müll rausbringen bis Freitag')."""
    matches = list(_BY.finditer(text))
    if not matches:
        return text.strip(), None
    last = matches[-1]
    when = text[last.end() :].strip()
    if _reads_as_when(when):
        return text[: last.start()].strip(), when
    return text.strip(), None


def parse_due(when: str, now: datetime, tz: ZoneInfo) -> datetime:
    """When a promise is due: '18:00' (today, or tomorrow if past), 'fri', 'fri 18:00',
    'tomorrow', 'today 9pm', '2026-12-01'; or the same in any of Mend's languages ('Freitag
    18:00', 'mañana a las 9', 'amanhã', 'в пятницу', 'сьогодні 21:00'). A day without a
    time means its evening (20:00)."""
    words = _when_words(when)
    today = now.astimezone(tz).date()
    day: date | None = None
    rest = words
    named_weekday = False
    if (relative := relative_day(words)) is not None:
        ahead, used = relative
        day, rest = today + timedelta(days=ahead), words[used:]
    elif words and (number := weekday(words[0])) is not None:
        ahead = (number - today.weekday()) % 7
        day, rest = today + timedelta(days=ahead), words[1:]
        named_weekday = True
    elif words and _ISO_DATE.fullmatch(words[0]):
        try:
            day = date.fromisoformat("-".join(f"{int(p):02d}" for p in words[0].split("-")))
        except ValueError:
            raise InvalidInput(
                views.PROMISE_BAD_WHEN.format(given=texts.escape(when[:40]))
            ) from None
        rest = words[1:]
    rest = _past(_BEFORE_TIME, rest)
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
        if due <= now and day == today and named_weekday:
            due = local_instant(day + timedelta(days=7), hour, minute, tz)
    if due <= now:
        raise InvalidInput(views.PROMISE_PAST)
    if due > now + timedelta(days=MAX_PROMISE_DAYS):
        raise InvalidInput(views.too_far(MAX_PROMISE_DAYS))
    return due
