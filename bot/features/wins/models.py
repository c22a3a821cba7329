"""A win, its statuses, and what the service decides about wins."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Status(StrEnum):
    DRAFT = "draft"
    SHARED = "shared"
    DROPPED = "dropped"  # not sent after all; the words are erased


@dataclass(frozen=True, slots=True)
class Win:
    id: int
    couple_id: int
    author_id: int
    body: str
    status: Status
    created_at: datetime
    shared_at: datetime | None


@dataclass(frozen=True, slots=True)
class Drafted:
    """A new win, waiting for Send or Don't send."""

    win: Win
    partner: User


@dataclass(frozen=True, slots=True)
class Sent:
    win: Win
    partner: User


@dataclass(frozen=True, slots=True)
class Listing:
    """A page of the couple's shared wins (none when ``total`` is 0)."""

    me: User
    partner: User
    wins: list[Win]
    offset: int
    total: int
    threshold: int


@dataclass(frozen=True, slots=True)
class Revisit:
    """A past win, shown again."""

    win: Win
    me: User
    partner: User
