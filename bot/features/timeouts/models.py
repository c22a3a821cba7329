"""A timeout, its statuses, and what the service decides about timeouts."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Status(StrEnum):
    RUNNING = "running"
    ENDED = "ended"  # the asker was reminded; waiting for I'm ready / 10 more minutes
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Timeout:
    id: int
    couple_id: int
    asker_id: int
    ends_at: datetime
    status: Status


@dataclass(frozen=True, slots=True)
class Paused:
    """A timeout runs until ``ends_at``; the partner has been told."""

    ends_at: datetime
    extended: bool  # an already running timeout was extended
    me: User
    partner: User


@dataclass(frozen=True, slots=True)
class Ready:
    """I'm ready: the partner has been told."""

    partner: User
