"""Which prompt to ask, and what counts as the user's day."""

import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.prompts import Prompt

SNOOZE = timedelta(hours=1)
# A gratitude draft may be written and sent for this long after the prompt; a check-in only
# on its own day, so that reveals always compare the same day.
GRATITUDE_ANSWER_WINDOW = timedelta(hours=24)
LATE_LIMIT = timedelta(
    hours=2
)  # a reminder later than this (bot was down) waits for its next time
SCALE = range(1, 11)


def local_day(now: datetime, tz: ZoneInfo) -> str:
    """The user's calendar date at ``now``, as stored on their asks (YYYY-MM-DD)."""
    return now.astimezone(tz).date().isoformat()


def choose_prompt(
    eligible: Sequence[Prompt], usage: Mapping[str, int], rng: random.Random | None = None
) -> Prompt:
    """A least-used prompt, picked at random among equals.

    Taking the least-used one means no prompt repeats until every eligible prompt has been
    asked, and a prompt newly unlocked (deeper, or added to the library) comes up soon.
    """
    if not eligible:
        raise ValueError("no eligible prompts")
    fewest = min(usage.get(prompt.id, 0) for prompt in eligible)
    candidates = [prompt for prompt in eligible if usage.get(prompt.id, 0) == fewest]
    return (rng or random).choice(candidates)
