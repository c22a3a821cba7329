"""What the pairing service decides, for the views to show."""

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, slots=True)
class InviteMade:
    """A fresh single-use invite code (only its hash is stored)."""

    code: str


@dataclass(frozen=True, slots=True)
class InvitePreview:
    """/start <code>: an invite this user may accept."""

    inviter_name: str
    code: str


@dataclass(frozen=True, slots=True)
class Joined:
    """The two are paired now."""

    partner_name: str


@dataclass(frozen=True, slots=True)
class UnpairQuestion:
    """/unpair: the couple to end once the user confirms."""

    couple_id: int
    partner_name: str


class HistoryOutcome(Enum):
    """Where the question "bring back your shared history?" stands after an answer."""

    WAITING = "waiting"  # yes, and the partner has not answered yet
    BROUGHT_BACK = "brought_back"  # yes from both: it is back
    FRESH = "fresh"  # a no from either: the two start fresh, the earlier history stays hidden


@dataclass(frozen=True, slots=True)
class HistoryAnswered:
    outcome: HistoryOutcome
    partner_name: str
