"""What the monthly reflection decides, for its views to show."""

from dataclasses import dataclass
from enum import StrEnum

from bot.features.prompts import Ask

KIND = "monthly"  # the ask kind, and its prompt file (prompts/monthly.yaml)


class Saved(StrEnum):
    """Where an answered reflection stands."""

    SOLO = "solo"  # no partner (any more): it stays with the author
    WAITING = "waiting"  # the partner has not answered this month's yet
    REVEALING = "revealing"  # both answered: each is shown the other's now


@dataclass(frozen=True, slots=True)
class Answered:
    ask: Ask
    saved: Saved
    partner_name: str | None = None


class Switched(StrEnum):
    """/remind monthly on|off."""

    ON = "on"
    OFF = "off"
