"""What a review found: the period it covers and what happened in it, as counts."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.features.review.chart import DayScores

REMINDER_KIND = "review"  # the reminder kind (``/remind review sun 19:00``)


class MessageKind(StrEnum):
    """The outbox kinds of a scheduled review."""

    CHART = "weekly-review-chart"
    TEXT = "weekly-review"


@dataclass(frozen=True, slots=True)
class Period:
    """The local days a review covers, and the instants that bound them."""

    first_day: date
    last_day: date
    since: datetime
    until: datetime


@dataclass(frozen=True, slots=True)
class Shared:
    """Something both partners can do, counted for each: the reader's, then the partner's."""

    mine: int
    theirs: int


@dataclass(frozen=True, slots=True)
class Review:
    """A look back at ``weeks`` weeks for one partner (the reader) of a couple."""

    period: Period
    weeks: int
    my_name: str
    partner_name: str
    days_both: int  # days both checked in, in the period
    streak: int  # days in a row both checked in, up to now
    gratitude: Shared  # appreciations sent: by the reader, to the reader
    disclosures: Shared | None  # None: none shared in the period
    promises_kept: Shared | None  # None: none kept in the period
    wins: int
    scores: tuple[DayScores, ...]  # days both answered a 1-10 check-in

    @property
    def empty(self) -> bool:
        """Nothing at all happened in the period."""
        return not (
            self.days_both
            or self.streak
            or self.gratitude.mine
            or self.gratitude.theirs
            or self.disclosures
            or self.promises_kept
            or self.wins
        )
