"""What the check-in service decides, for its views to show."""

from dataclasses import dataclass
from enum import StrEnum

from bot.features.prompts import Ask


@dataclass(frozen=True, slots=True)
class NoteStillOpen:
    """/checkin while today's score waits for its optional note."""

    ask: Ask


class Saved(StrEnum):
    """What became of an answer once it was final."""

    SOLO = "solo"  # not paired: it stays with the user
    WAITING = "waiting"  # the partner hasn't answered today yet
    REVEALING = "revealing"  # both answered: the reveal is on its way to both


@dataclass(frozen=True, slots=True)
class Completed:
    """An answer made final."""

    ask: Ask
    saved: Saved
    partner_name: str | None = None
    hard_day: bool = False  # a very low score: say, to its author only, where support is
