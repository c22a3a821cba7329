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
    since_pairing: bool = False  # the weeks asked for began before the couple paired


@dataclass(frozen=True, slots=True)
class Review:
    """A look back at ``weeks`` weeks for one partner (the reader) of a couple."""

    period: Period
    weeks: int
    partner_name: str
    names: tuple[str, str]  # the inviter's, then the joiner's (the chart's order for both)
    reader_first: bool  # the reader is the inviter
    days_both: int  # days both checked in, in the period
    streak: int  # days in a row both checked in, up to now
    # What the couple did, counted together: never one partner against the other.
    gratitude: int  # appreciations sent between them
    disclosures: int  # shared under their agreement
    promises_kept: int  # promises both called kept
    wins: int
    scores: tuple[DayScores, ...]  # days both answered a 1-10 check-in, inviter first

    @property
    def empty(self) -> bool:
        """Nothing at all happened in the period."""
        return not (
            self.days_both
            or self.streak
            or self.gratitude
            or self.disclosures
            or self.promises_kept
            or self.wins
        )
