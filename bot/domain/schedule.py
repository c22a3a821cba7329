"""Pure time rules: reading times, days and pauses, and when a reminder fires next."""

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import get_day_names

from bot import texts
from bot.domain import daywords
from bot.domain.daywords import day_suffixes, fold
from bot.kernel.errors import InvalidInput
from bot.kernel.i18n import N_, current

__all__ = [
    "ALL_DAYS",
    "MAX_PAUSE_DAYS",
    "WEEKDAYS",
    "WEEKENDS",
    "describe_days",
    "next_due",
    "parse_days",
    "parse_pause",
    "parse_time",
]

ALL_DAYS = 0b1111111  # weekday bitmask, Monday = bit 0 ... Sunday = bit 6
WEEKDAYS = 0b0011111
WEEKENDS = 0b1100000
MAX_PAUSE_DAYS = 90

EVERY_DAY = N_("every day")
ON_WEEKDAYS = N_("weekdays")
ON_WEEKENDS = N_("weekends")
_EN_DASH = "\u2013"
# The longest stretch of local time any zone has skipped is one day (Pacific/Apia, 2011); two
# days of minutes bounds the gap walk without ever cutting a real gap short.
_MAX_GAP_MINUTES = 2 * 24 * 60
_MINUTE = timedelta(minutes=1)
# Echoing a whole pasted paragraph back inside an error would only bury the hint.
_MAX_ECHO = 40


def _echo(text: str) -> str:
    """User text made safe and short enough to quote back in an error message."""
    given = text.strip()
    if len(given) > _MAX_ECHO:
        given = given[: _MAX_ECHO - 1] + "…"
    return texts.escape(given)


# --- Times --------------------------------------------------------------------------------

# [0-9] rather than \d: \d also accepts other scripts' digits, which int() would then read.
_TIME_24H = re.compile(r"(?P<h>[0-9]{1,2})[:.]?(?P<m>[0-9]{2})")
_TIME_12H = re.compile(r"(?P<h>[0-9]{1,2})(?:[:.]?(?P<m>[0-9]{2}))?\s*(?P<half>[ap])\.?m\.?")
# How a 24-hour time is also written: '21h', '21h30' (Portuguese, Spanish), '21 Uhr', '21.30 Uhr'.
_TIME_WORD = re.compile(
    r"(?P<h>[0-9]{1,2})(?:\s*h\s*(?P<hm>[0-9]{2})?|(?:[:.](?P<m>[0-9]{2}))?\s*uhr)"
)
_NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}


def parse_time(text: str) -> tuple[int, int]:
    """Read a clock time like '21:00', '2100', '9pm', '21h30', '21 Uhr' or 'noon' as (hour,
    minute)."""
    cleaned = text.strip().lower()
    if cleaned in _NAMED_TIMES:
        return _NAMED_TIMES[cleaned]
    if match := _TIME_24H.fullmatch(cleaned):
        hour, minute = int(match["h"]), int(match["m"])
        if hour < 24 and minute < 60:
            return hour, minute
    elif match := _TIME_WORD.fullmatch(cleaned):
        hour, minute = int(match["h"]), int(match["hm"] or match["m"] or 0)
        if hour < 24 and minute < 60:
            return hour, minute
    elif match := _TIME_12H.fullmatch(cleaned):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if 1 <= hour <= 12 and minute < 60:
            return hour % 12 + (12 if match["half"] == "p" else 0), minute
    raise InvalidInput(texts.BAD_TIME.format(given=_echo(text)))


def _check_time(hour: int, minute: int) -> None:
    """Reject an hour or minute outside the clock; that is a bug, not user input."""
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"not a time of day: {hour}:{minute}")


# --- Days ---------------------------------------------------------------------------------

# Weekday names in every language come from CLDR (bot.domain.daywords); the words around
# them are Mend's own, written naturally here and compared folded (no case, no accents).
_DAY_KEYWORDS_BY_MASK = {
    ALL_DAYS: (
        *("daily", "everyday", "every day", "all"),
        *("täglich", "jeden Tag", "alle Tage"),
        *("diario", "diariamente", "todos los días", "cada día"),
        *("todos os dias", "todo dia"),
        *("ежедневно", "каждый день", "все дни"),
        *("щодня", "щоденно", "кожен день", "кожного дня", "усі дні"),  # noqa: RUF001
    ),
    WEEKDAYS: (
        *("weekdays", "weekday", "workdays"),
        *("werktags", "werktage", "wochentags", "wochentage"),
        *("laborables", "días laborables", "entre semana"),
        *("dias úteis", "úteis"),
        *("будни", "будням", "будние дни", "рабочие дни"),
        *("будні", "будніми", "робочі дні"),
    ),
    WEEKENDS: (
        *("weekends", "weekend"),
        *("Wochenende", "Wochenenden"),
        *("fin de semana", "fines de semana", "finde"),
        *("fim de semana", "fins de semana"),
        *("выходные", "выходным"),
        *("вихідні", "вихідних", "вихідними"),
    ),
}
# Words that stand between days and mean nothing for which ('every', 'am', 'el', 'в', 'по').
_DAY_FILLER = frozenset(
    fold(word)
    for word in (
        *("and", "every", "on"),
        *("und", "jeden", "jede", "am", "an"),
        *("y", "e", "de", "del", "el", "la", "los", "las", "cada", "todos", "todas"),
        *("o", "os", "as", "a", "às", "toda", "todo"),
        # Russian and Ukrainian: letters that look Latin are Cyrillic here.
        *("и", "в", "во", "по", "с", "со", "каждый", "каждую", "каждое"),  # noqa: RUF001
        *("і", "й", "та", "у", "з", "із", "зі", "кожен", "кожну", "кожного"),  # noqa: RUF001
    )
)
# Words that make a range: 'mon to fri', 'Mo bis Fr', 'lun a vie', 'seg até sex', 'пн по пт'.
_RANGE = ("to", "through", "thru", "till", "until", "bis", "a", "al", "hasta", "até", "по", "до")


def _phrase_key(words: str) -> str:
    return fold(words).replace(" ", "_")


_DAY_KEYWORDS = {
    _phrase_key(word): mask for mask, words in _DAY_KEYWORDS_BY_MASK.items() for word in words
}
_DAY_PHRASES = re.compile(
    "|".join(
        rf"\b{re.escape(fold(word))}\b"
        for word in sorted(
            (word for words in _DAY_KEYWORDS_BY_MASK.values() for word in words),
            key=len,
            reverse=True,
        )
        if " " in word
    )
)
_RANGE_WORDS = re.compile(
    r"\s*(?:[-\u2013\u2014]|\s(?:" + "|".join(fold(word) for word in _RANGE) + r")\s)\s*"
)
_DAY_SEPARATORS = re.compile(r"[\s,;/&+]+")


def _without_day_suffixes(text: str) -> str:
    """'segunda-feira a sexta-feira' as 'segunda a sexta'."""
    suffixes = "|".join(sorted(day_suffixes(), key=len, reverse=True))
    return re.sub(rf"[-\s](?:{suffixes})\b", "", text) if suffixes else text


def weekday(word: str) -> int | None:
    """The weekday a word names in any of Mend's languages ('fri', 'Friday', 'tues',
    'Freitag', 'vie', 'sex', 'пт', 'пятницу'), Monday = 0; None if none."""
    return daywords.weekday(word)


def local_instant(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    """The UTC instant of hour:minute on ``day`` in ``tz`` (the next real minute if skipped)."""
    return _first_instant_from(datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz))


def parse_days(text: str) -> int:
    """Read which weekdays a reminder is for as a bitmask: 'daily', 'mon-fri', 'mon,wed,fri',
    or the same in any of Mend's languages ('Mo-Fr', 'lun-vie', 'seg-sex', 'пн-пт', 'sábado',
    'täglich', 'будни')."""
    cleaned = fold(" ".join(text.split()))
    cleaned = _DAY_PHRASES.sub(lambda found: found[0].replace(" ", "_"), cleaned)
    cleaned = _without_day_suffixes(cleaned)
    if not cleaned:
        return ALL_DAYS
    mask = 0
    for token in _DAY_SEPARATORS.split(_RANGE_WORDS.sub("-", cleaned)):
        token = token.strip(".")
        if not token or token in _DAY_FILLER:
            continue
        bits = _DAY_KEYWORDS.get(token) or _day_range_bits(token)
        if bits is None:
            raise InvalidInput(texts.BAD_DAYS.format(given=_echo(text)))
        mask |= bits
    if not mask:
        raise InvalidInput(texts.BAD_DAYS.format(given=_echo(text)))
    return mask


def _day_range_bits(token: str) -> int | None:
    """Bits for one day ('wed') or a range that may wrap past Sunday ('fri-mon')."""
    ends: list[int] = []
    for part in token.split("-"):
        number = daywords.weekday(part) if part.strip(".") else None
        if number is None:
            return None
        ends.append(number)
    if len(ends) > 2:
        return None
    first, last = ends[0], ends[-1]
    bits = 0
    day = first
    while True:
        bits |= 1 << day
        if day == last:
            return bits
        day = (day + 1) % 7


def describe_days(mask: int) -> str:
    """Say which days a mask covers: 'every day', 'weekdays', 'Mon, Wed, Fri', runs en-dashed."""
    _check_days(mask)
    named = {ALL_DAYS: EVERY_DAY, WEEKDAYS: ON_WEEKDAYS, WEEKENDS: ON_WEEKENDS}
    if mask in named:
        return str(named[mask])
    # Babel's short day names in the language being spoken (Monday = 0), as CLDR writes them.
    names = get_day_names("abbreviated", context="stand-alone", locale=current())
    days = [day for day in range(7) if mask >> day & 1]
    # A run that goes over Sunday into Monday (Fri to Mon) reads as one run, listed last.
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 6:
        runs[-1].extend(runs.pop(0))
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}{_EN_DASH}{names[run[-1]]}")
        else:
            parts.extend(names[day] for day in run)
    return ", ".join(parts)


def _check_days(mask: int) -> None:
    """Reject an empty or oversized mask; that is a bug, not user input."""
    if not 0 < mask <= ALL_DAYS:
        raise ValueError(f"not a weekday mask: {mask!r}")


# --- When a reminder fires ----------------------------------------------------------------


def _wall_exists(wall: datetime, utc: datetime) -> bool:
    """Whether local `wall` really occurs, given `utc`, its fold=0 reading."""
    # zoneinfo reads a skipped wall time with the offset from before the gap, so the round
    # trip lands on a different wall time exactly when the time does not exist.
    back = utc.astimezone(wall.tzinfo)
    return (
        back.minute == wall.minute
        and back.hour == wall.hour
        and back.day == wall.day
        and back.second == wall.second
    )


def _first_instant_from(wall: datetime) -> datetime:
    """The UTC instant of local `wall`, or of the next real minute if `wall` was skipped."""
    # fold=0 also makes a repeated wall time mean its first occurrence.
    utc = wall.replace(fold=0).astimezone(UTC)
    probe = wall.replace(fold=0)
    for _ in range(_MAX_GAP_MINUTES):
        if _wall_exists(probe, utc):
            return utc
        # Adding to an aware datetime moves its wall clock, which is the walk wanted here.
        probe += _MINUTE
        utc = probe.astimezone(UTC)
    raise ValueError(f"no local time in {wall.tzinfo} for two days after {wall}")


def next_due(after: datetime, tz: ZoneInfo, hour: int, minute: int, days: int) -> datetime:
    """The first UTC instant strictly after `after` at which local hour:minute on `days` fires."""
    if after.utcoffset() is None:
        raise ValueError("`after` must be timezone-aware")
    _check_time(hour, minute)
    _check_days(days)
    after_utc = after.astimezone(UTC)
    start = after_utc.astimezone(tz).date()
    # Eight dates always contain the next matching weekday after today's slot has passed.
    for offset in range(8):
        day = start + timedelta(days=offset)
        if not days >> day.weekday() & 1:
            continue
        wall = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
        utc = wall.astimezone(UTC)
        if _wall_exists(wall, utc):
            if utc > after_utc:
                return utc
            continue
        shifted = _first_instant_from(wall)
        if shifted > after_utc:
            return shifted
    raise AssertionError(f"no firing within eight days of {after}")  # pragma: no cover


# --- Pauses -------------------------------------------------------------------------------

_UNIT_MINUTES = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 60),
}
_UNIT_DAYS = {
    **dict.fromkeys(("d", "day", "days"), 1),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), 7),
}
# 'a'/'an' count as one ('an hour'), but only as whole words so 'and' is never 'an d'.
_DURATION_PART = re.compile(r"(?P<n>[0-9]+|\ban?(?=\s))\s*(?P<unit>[a-z]+)")
_DURATION_JOINER = re.compile(r"\s*(?:,|and)?\s*")
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {
    form: number for number, name in enumerate(_MONTH_NAMES, start=1) for form in (name, name[:3])
} | {"sept": 9}
_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_DAY_OF_MONTH = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<y>[0-9]{4}))?"
_MONTH_DAY = re.compile(rf"(?P<mon>[a-z]+)\.?\s*{_DAY_OF_MONTH}{_YEAR}")
_DAY_MONTH = re.compile(rf"{_DAY_OF_MONTH}\s*(?:of\s+)?(?P<mon>[a-z]+)\.?{_YEAR}")
_UNTIL = re.compile(r"(?:until|till|til|to)\s+")


def parse_pause(text: str, now: datetime, tz: ZoneInfo) -> datetime:
    """Read '3d', '1w', '12h' or 'until 2026-12-01' as the UTC instant reminders resume."""
    if now.utcoffset() is None:
        raise ValueError("`now` must be timezone-aware")
    cleaned = " ".join(text.strip().lower().split()).removeprefix("for ")
    if match := _UNTIL.match(cleaned):
        return _pause_until(_read_date(cleaned[match.end() :], now, tz, text), now, tz)
    duration = _read_duration(cleaned)
    if duration is None:
        return _pause_until(_read_date(cleaned, now, tz, text), now, tz)
    calendar_days, minutes = duration
    if calendar_days == 0 and minutes == 0:
        raise _bad_pause(text)
    # The limit is on what was asked for, so '90d' is allowed even when DST makes it 90d+1h.
    if calendar_days * 24 * 60 + minutes > MAX_PAUSE_DAYS * 24 * 60:
        raise _too_long()
    # '3d' from 21:00 should resume at 21:00 local, whatever DST does in between.
    resume = _first_instant_from(now.astimezone(tz) + timedelta(days=calendar_days))
    return resume + timedelta(minutes=minutes)


def _bad_pause(text: str) -> InvalidInput:
    """The error for a pause that could not be read."""
    return InvalidInput(texts.BAD_PAUSE.format(given=_echo(text)))


def _too_long() -> InvalidInput:
    """The error for a pause past the limit."""
    return InvalidInput(texts.PAUSE_TOO_LONG.format(max_days=MAX_PAUSE_DAYS))


def _read_duration(cleaned: str) -> tuple[int, int] | None:
    """(calendar days, minutes) in '1w 2d', '12h', 'an hour'; None if it is no duration."""
    calendar_days = 0
    minutes = 0
    position = 0
    for part in _DURATION_PART.finditer(cleaned):
        if not _DURATION_JOINER.fullmatch(cleaned, position, part.start()):
            return None
        if position == 0 and part.start() != 0:
            return None
        position = part.end()
        amount_text, unit = part["n"], part["unit"]
        if unit not in _UNIT_DAYS and unit not in _UNIT_MINUTES:
            return None  # '1 dec' is a date, not a duration
        if len(amount_text) > 6:
            raise _too_long()  # even a million minutes is past the limit
        amount = 1 if amount_text in ("a", "an") else int(amount_text)
        if unit in _UNIT_DAYS:
            calendar_days += amount * _UNIT_DAYS[unit]
        else:
            minutes += amount * _UNIT_MINUTES[unit]
    if position == 0 or position != len(cleaned):
        return None
    return calendar_days, minutes


def _read_date(cleaned: str, now: datetime, tz: ZoneInfo, text: str) -> date:
    """Read '2026-12-01', 'dec 1', '1st december 2026'; a date without a year is the next one."""
    if match := _ISO_DATE.fullmatch(cleaned):
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            raise _bad_pause(text) from None
    match = _MONTH_DAY.fullmatch(cleaned) or _DAY_MONTH.fullmatch(cleaned)
    if match is None or match["mon"] not in _MONTHS:
        raise _bad_pause(text)
    month, day = _MONTHS[match["mon"]], int(match["d"])
    today = now.astimezone(tz).date()
    years = [int(match["y"])] if match["y"] else [today.year, today.year + 1]
    valid: list[date] = []
    for year in years:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue  # 'feb 29' is only a date in leap years
    if not valid:
        raise _bad_pause(text)
    # Without a year the user means the coming one: 'jan 3' typed in late December.
    upcoming = [candidate for candidate in valid if candidate > today]
    return upcoming[0] if upcoming else valid[0]


def _pause_until(resume_date: date, now: datetime, tz: ZoneInfo) -> datetime:
    """Resume at the start of `resume_date` in `tz`, if that is in the future and in range."""
    today = now.astimezone(tz).date()
    if resume_date <= today:
        example = (today + timedelta(days=7)).isoformat()
        raise InvalidInput(texts.PAUSE_IN_PAST.format(example=example))
    if resume_date > today + timedelta(days=MAX_PAUSE_DAYS):
        raise _too_long()
    # Some zones start DST at midnight, so the day can begin at 01:00.
    start = datetime(resume_date.year, resume_date.month, resume_date.day, tzinfo=tz)
    return _first_instant_from(start)
