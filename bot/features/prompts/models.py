"""An ask: a prompt given to one user, and the answer they gave to it."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AskStatus(StrEnum):
    """Where an ask stands (the values stored in ``asks.status``)."""

    OPEN = "open"  # given, not answered
    NOTING = "noting"  # a check-in score or choice given; a note may follow
    DONE = "done"  # a check-in answered
    SKIPPED = "skipped"  # Skip today
    DRAFT = "draft"  # an appreciation written, not yet sent or kept
    SENT = "sent"  # an appreciation sent to the partner
    KEPT = "kept"  # an appreciation kept private


@dataclass(frozen=True, slots=True)
class Ask:
    """A prompt given to one user, and their answer once they gave it."""

    id: int
    user_id: int
    couple_id: int | None
    kind: str  # the prompt kind (its name in the library, e.g. "checkin")
    prompt_id: str
    answer: str  # the prompt's answer type: scale, choice or text
    day: str  # the user's local date when it was given (YYYY-MM-DD)
    status: AskStatus
    value: int | None
    body: str | None
    message_id: int | None
    created_at: datetime
    answered_at: datetime | None
    revealed_at: datetime | None
    shared_at: datetime | None


@dataclass(frozen=True, slots=True)
class Given:
    """An ask given to a user, with what its message shows of the partner (their first name,
    or None if unpaired)."""

    ask: Ask
    partner_name: str | None


@dataclass(frozen=True, slots=True)
class Snoozed:
    """Remind me in 1 h: the prompt comes again at this local time."""

    hour: int
    minute: int


@dataclass(frozen=True, slots=True)
class FreeText:
    """Words with nothing open: ``held`` is the id they are held under for "Keep it in my
    journal" (None: too long for the journal); ``paired`` offers a timeout."""

    held: int | None
    paired: bool
