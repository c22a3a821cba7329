"""The records the storage layer returns: frozen, typed, with user text already decrypted."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from bot.kernel.outgoing import Outgoing


@cache
def zone(name: str) -> ZoneInfo:
    """ZoneInfo keeps only 8 zones strongly cached; a tick meets many more, so keep them all."""
    return ZoneInfo(name)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    first_name: str
    timezone: str | None
    paused_until: datetime | None
    language: str = "en"  # one of bot.kernel.i18n.LANGUAGES

    @property
    def tz(self) -> ZoneInfo | None:
        return zone(self.timezone) if self.timezone else None


@dataclass(frozen=True, slots=True)
class Couple:
    id: int
    inviter_id: int
    joiner_id: int
    created_at: datetime

    def partner_of(self, user_id: int) -> int:
        return self.joiner_id if user_id == self.inviter_id else self.inviter_id


@dataclass(frozen=True, slots=True)
class Reminder:
    id: int
    user_id: int
    kind: str
    hour: int
    minute: int
    days: int
    next_due_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    chat_id: int
    kind: str
    message: Outgoing
    due_at: datetime
    attempts: int
    couple_id: int | None
    author_id: int | None
    ask_id: int | None
    silent: bool = False  # the partner's action, in the receiver's quiet hours
    edits: int | None = None  # an edit row: the Telegram message id it changes
    question: str | None = None  # its buttons answer this (see outbox.settle)
