"""A promise, its statuses and answers, and what the service decides about them."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Status(StrEnum):
    OPEN = "open"
    ASKING = "asking"  # both were asked; waiting for both answers
    KEPT = "kept"
    NOT_KEPT = "not_kept"
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
    """Both answered: kept only if both said so."""

    promise: Promise
    author: User
    other: User
    kept: bool


@dataclass(frozen=True, slots=True)
class Record:
    """One partner's promises settled in the last 7 and 30 days, and how many were kept."""

    person: User
    week_kept: int
    week_total: int
    month_kept: int
    month_total: int


@dataclass(frozen=True, slots=True)
class Overview:
    me: User
    partner: User
    open: list[Promise]
    records: list[Record]
