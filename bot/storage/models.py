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
class Invite:
    id: int
    inviter_id: int
    expires_at: datetime
    used_by: int | None
    closed_at: datetime | None


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


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic of a couple's disclosure agreement, from its proposal to its end."""

    id: int
    couple_id: int
    library_id: str | None
    title: str
    proposed_by: int
    period_days: int
    status: str
    replaces: int | None
    proposed_at: datetime | None
    accepted_at: datetime | None
    started_at: datetime | None
    review_at: datetime | None
    review_asked_at: datetime | None
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class Disclosure:
    """Something shared under the agreement (or "nothing to share today"), and its answer."""

    id: int
    couple_id: int
    author_id: int
    topic_id: int | None
    kind: str
    status: str
    body: str | None
    voice: str | None
    created_at: datetime
    written_at: datetime | None
    deliver_at: datetime | None
    outbox_id: int | None
    ack: str | None
    ack_note: str | None
    acked_at: datetime | None
    ack_sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class Promise:
    id: int
    couple_id: int
    author_id: int
    body: str
    due_at: datetime | None
    status: str
    author_says: str | None
    partner_says: str | None
    created_at: datetime
    settled_at: datetime | None


@dataclass(frozen=True, slots=True)
class Win:
    id: int
    couple_id: int
    author_id: int
    body: str
    status: str
    created_at: datetime
    shared_at: datetime | None


@dataclass(frozen=True, slots=True)
class Timeout:
    id: int
    couple_id: int
    asker_id: int
    ends_at: datetime
    status: str


@dataclass(frozen=True, slots=True)
class RepairChange:
    id: int
    couple_id: int
    author_id: int
    action: str
    position: int | None
    body: str | None
    status: str
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    body: str
    created_at: datetime
