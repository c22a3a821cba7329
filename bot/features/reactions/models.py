"""Answers to what a partner shared."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Subject(StrEnum):
    """What is being answered."""

    CHECKIN = "checkin"  # a check-in reveal
    MONTHLY = "monthly"  # a monthly reflection's reveal
    GRATITUDE = "gratitude"
    WIN = "win"


class Choice(StrEnum):
    """The answers, by their code in callback data."""

    THANKS = "thanks"
    TALK = "talk"
    HEART = "heart"


class Status(StrEnum):
    OFFERED = "offered"  # the buttons are there; nothing chosen
    CHOSEN = "chosen"  # an answer chosen; a note may follow
    DRAFT = "draft"  # with a note, shown back with Send / Cancel
    SENT = "sent"
    ENDED = "ended"  # the pairing ended first


@dataclass(frozen=True, slots=True)
class Reaction:
    id: int
    couple_id: int
    from_id: int
    to_id: int
    subject: Subject
    choice: Choice | None
    note: str | None
    status: Status
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class Answering:
    """A reaction on its way: chosen, noted, sent or put back; ``partner`` is its author."""

    reaction: Reaction
    partner: User
