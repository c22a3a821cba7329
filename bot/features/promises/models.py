"""A promise, its statuses and answers, and what the service decides about them."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Status(StrEnum):
    OPEN = "open"
    ASKING = "asking"  # both were asked; waiting for both answers
    KEPT = "kept"  # both said Kept
    NOT_KEPT = "not_kept"  # neither said Kept
    DIFFER = "differ"  # one said Kept, the other not: no verdict either way
    CANCELLED = "cancelled"  # the pairing ended first


class Answer(StrEnum):
    KEPT = "kept"
    NOT = "not"  # the author's "Not this time"
    TALK = "talk"  # the partner's "Let's talk"


@dataclass(frozen=True, slots=True)
class Promise:
    id: int
    couple_id: int
    author_id: int
    body: str
    due_at: datetime | None
    status: Status
    author_says: Answer | None
    partner_says: Answer | None
    created_at: datetime
    settled_at: datetime | None


@dataclass(frozen=True, slots=True)
class Made:
    """A promise was made; the partner has been told."""

    promise: Promise
    me: User
    partner: User


@dataclass(frozen=True, slots=True)
class Answered:
    """One answer is in; the other's is awaited."""

    promise: Promise
    answer: Answer
    partner: User


@dataclass(frozen=True, slots=True)
class Settled:
    """Both answered: both answers are shown to both; ``status`` says whether they agree."""

    promise: Promise
    author: User
    other: User
    status: Status  # KEPT, NOT_KEPT or DIFFER
    reader: User  # who this result is shown to
    can_talk: bool  # "Let's talk" was answered and a "talk" screen exists to find a time

    @property
    def talk_wanted(self) -> bool:
        return self.promise.partner_says == Answer.TALK


@dataclass(frozen=True, slots=True)
class Overview:
    """/promises: the open ones, and how many the couple agreed were kept, together."""

    me: User
    partner: User
    open: list[Promise]
    kept_month: int  # promises both called kept, settled in the last 30 days
