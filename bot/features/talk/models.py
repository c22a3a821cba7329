"""Finding a time to talk: a proposal, and what the service decided about it."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Slot(StrEnum):
    """The times one can propose, by their code in callback data."""

    TONIGHT = "tonight"  # 20:00 today, the proposer's time
    TOMORROW = "tomorrow"  # 20:00 tomorrow, the proposer's time
    WEEKEND = "weekend"  # this weekend, no hour
    TYPED = "typed"  # in the proposer's own words


class Status(StrEnum):
    WRITING = "writing"  # waiting for the proposer's words
    DRAFT = "draft"  # the words shown back with Send / Cancel
    PROPOSED = "proposed"  # with the partner, to accept or ask for another time
    ACCEPTED = "accepted"
    ANOTHER = "another"  # the partner asked for another time
    CANCELLED = "cancelled"
    ENDED = "ended"  # the pairing ended first


@dataclass(frozen=True, slots=True)
class Talk:
    """A proposed time to talk."""

    id: int
    couple_id: int
    proposer_id: int
    slot: Slot
    at: datetime | None
    words: str | None
    status: Status
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Offer:
    """The times to pick from; ``tonight``: 20:00 today has not passed for the proposer."""

    partner: User
    tonight: bool


@dataclass(frozen=True, slots=True)
class Writing:
    """Another time: the proposer's words come next."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A talk as one of the two sees it: ``me`` is the reader."""

    talk: Talk
    me: User
    partner: User
    remindable: bool = False  # accepted, and more than an hour ahead: "Remind me" is offered


@dataclass(frozen=True, slots=True)
class Reminding:
    """Remind me: the reminder comes at ``due_at``."""

    me: User
    due_at: datetime
