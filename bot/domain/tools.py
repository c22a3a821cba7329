"""Rules for promises, wins, timeouts, the repair plan and the journal: limits and parsing."""

import re

from bot import texts
from bot.kernel.errors import InvalidInput

MAX_JOURNAL_CHARS = 3000
MAX_STEP_CHARS = 300
MAX_STEPS = 20
TIMEOUT_DEFAULT = 20
TIMEOUT_RANGE = (5, 120)
TIMEOUT_MORE = 10


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
