"""Forgiving typed answers: a number for an open scale ("7", "7/10", "seven"), the words of a
choice for an open choice (any case, spacing or punctuation; an unambiguous beginning)."""

import re
from collections.abc import Sequence

from bot.domain.prompting import SCALE

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_SCALE = re.compile(r"(\d{1,2}|[a-z]+)(?:\s*(?:/|out of|of)\s*10)?")
MIN_PREFIX = 3  # letters of a choice's beginning that may stand for it


def _plain(text: str) -> str:
    """Lower case, letters and digits only, single spaces."""
    kept = "".join(ch if ch.isalnum() else " " for ch in text.casefold())
    return " ".join(kept.split())


def scale_value(text: str) -> int | None:
    """The 1-10 number a typed answer gives, or None if it isn't one."""
    plain = text.strip().casefold().rstrip(".!")
    match = _SCALE.fullmatch(plain.strip())
    if match is None:
        return None
    word = match[1]
    value = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    return value if value in SCALE else None


def choice_index(text: str, choices: Sequence[str]) -> int | None:
    """The choice a typed answer names (its words, or an unambiguous beginning), or None."""
    typed = _plain(text)
    if not typed:
        return None
    plain = [_plain(choice) for choice in choices]
    if typed in plain:
        return plain.index(typed)
    if len(typed.replace(" ", "")) < MIN_PREFIX:
        return None
    starting = [i for i, choice in enumerate(plain) if choice.startswith(typed)]
    return starting[0] if len(starting) == 1 else None
