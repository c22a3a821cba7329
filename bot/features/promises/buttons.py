"""The buttons on a promise's question: the author's and the partner's answers."""

from dataclasses import dataclass
from enum import StrEnum

from bot.kernel.buttons import CallbackData


class AuthorAnswer(StrEnum):
    KEPT = "kept"
    NOT = "not"


class PartnerAnswer(StrEnum):
    KEPT = "kept"
    TALK = "talk"


@dataclass(frozen=True)
class AuthorSays(CallbackData, prefix="pa"):
    """Kept / Not this time, on the question to the one who promised."""

    promise_id: int
    answer: AuthorAnswer


@dataclass(frozen=True)
class PartnerSays(CallbackData, prefix="pp"):
    """Kept / Let's talk, on the question to their partner."""

    promise_id: int
    answer: PartnerAnswer
