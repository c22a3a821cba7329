"""The repair plan's steps and changes, and what the service decides about them."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.models import User


class Action(StrEnum):
    ADD = "add"
    EDIT = "edit"
    REMOVE = "remove"
    RESET = "reset"  # back to the template


class ChangeStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class RepairChange:
    id: int
    couple_id: int
    author_id: int
    action: Action
    position: int | None
    body: str | None
    status: ChangeStatus
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class RepairStep:
    couple_id: int
    position: int
    body: str
    author_id: int | None


@dataclass(frozen=True, slots=True)
class Plan:
    """/repair: the steps, and the changes waiting for approval."""

    title: str
    steps: list[str]
    waiting: list[RepairChange]
    me: User
    partner: User


@dataclass(frozen=True, slots=True)
class Proposed:
    change: RepairChange
    partner: User


@dataclass(frozen=True, slots=True)
class Decided:
    change: RepairChange
    approved: bool
