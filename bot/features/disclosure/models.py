"""What the disclosure feature keeps: a disclosure (or "nothing to share today") and its answer."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.features.agreement import Topic
from bot.storage.models import User


class Kind(StrEnum):
    DISCLOSURE = "disclosure"
    NOTHING = "nothing"  # "nothing to share today"


class Status(StrEnum):
    WRITING = "writing"  # waiting for the words or the voice note
    DRAFT = "draft"  # shown back with Send / Edit / Cancel
    SENT = "sent"  # in the outbox, delivered after the undo window
    CANCELLED = "cancelled"


class Ack(StrEnum):
    """The answers a partner can give a disclosure, by their code in callback data."""

    THANKS = "thanks"
    TALK = "talk"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class Disclosure:
    """Something shared under the agreement (or "nothing to share today"), and its answer."""

    id: int
    couple_id: int
    author_id: int
    topic_id: int | None
    kind: Kind
    status: Status
    body: str | None
    voice: str | None
    created_at: datetime
    written_at: datetime | None
    deliver_at: datetime | None
    outbox_id: int | None
    ack: Ack | None
    ack_note: str | None
    acked_at: datetime | None
    ack_sent_at: datetime | None


# --- What the service decided, for the views to show ------------------------------------------


@dataclass(frozen=True, slots=True)
class Preview:
    """A draft shown back with Send / Edit / Cancel (``undone``: after an Undo)."""

    disclosure: Disclosure
    topic: Topic
    partner: User
    undone: bool = False


@dataclass(frozen=True, slots=True)
class Sending:
    """Sent: on its way to the partner once the undo window has passed."""

    disclosure: Disclosure
    topic: Topic
    partner: User
    waits_until: datetime | None = None  # later, for the partner's quiet hours
    me: User | None = None


@dataclass(frozen=True, slots=True)
class AckChosen:
    """An answer was chosen; a note may follow."""

    disclosure_id: int
    ack: Ack
    partner: User


@dataclass(frozen=True, slots=True)
class AckSent:
    """The answer (and the note, if any) went back to the author."""

    ack: Ack
    partner: User


@dataclass(frozen=True, slots=True)
class NothingNoted:
    """Nothing to share today; ``told``: the partner was told so."""

    partner: User
    told: bool
    seen: bool = False  # not told, but their /ask heard that its question was seen


@dataclass(frozen=True, slots=True)
class Asked:
    """/ask went to the partner; the asker may ask again at ``again_at``."""

    me: User
    partner: User
    again_at: datetime


@dataclass(frozen=True, slots=True)
class LogEntry:
    disclosure: Disclosure
    by_me: bool
    title: str  # the topic's title ("" if it is gone)
    undelivered: bool  # the delivery was blocked, failed or cancelled


@dataclass(frozen=True, slots=True)
class SharedLog:
    """A page of the couple's shared log, newest first (``total`` 0: nothing yet)."""

    me: User
    partner: User
    offset: int
    total: int
    entries: tuple[LogEntry, ...]
