"""A journal entry, and a page of them."""

from dataclasses import dataclass
from datetime import datetime

from bot.storage.models import User


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Listing:
    """A page of the user's entries, newest first (none when ``total`` is 0)."""

    user: User
    entries: list[JournalEntry]
    offset: int
    total: int
