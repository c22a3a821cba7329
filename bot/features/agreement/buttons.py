"""The agreement's buttons: one class per kind, with today's prefixes and limits."""

from dataclasses import dataclass
from typing import Annotated

from bot.features.agreement.models import CheckAnswer, ReviewChoice
from bot.kernel.buttons import CallbackData, Chars, Digits


@dataclass(frozen=True)
class Propose(CallbackData, prefix="ap"):
    """Propose a topic (from /agreement)."""


@dataclass(frozen=True)
class Suggestion(CallbackData, prefix="at"):
    """A suggested topic from the library, by its id."""

    library_id: Annotated[str, Chars(61)]


@dataclass(frozen=True)
class WriteOwn(CallbackData, prefix="ao"):
    """Write my own topic."""


@dataclass(frozen=True)
class Period(CallbackData, prefix="tp"):
    """How long a drafted topic is proposed for, in days."""

    topic_id: int
    days: Annotated[int, Digits(3)]


@dataclass(frozen=True)
class ViewProposal(CallbackData, prefix="tv"):
    """Answer: <topic>, from /agreement."""

    topic_id: int


@dataclass(frozen=True)
class Accept(CallbackData, prefix="ta"):
    topic_id: int


@dataclass(frozen=True)
class Decline(CallbackData, prefix="td"):
    topic_id: int


@dataclass(frozen=True)
class SuggestChange(CallbackData, prefix="tc"):
    topic_id: int


@dataclass(frozen=True)
class Check(CallbackData, prefix="fc"):
    """An answer to the private freely-agreeing check."""

    couple_id: int
    answer: CheckAnswer


@dataclass(frozen=True)
class CheckAgain(CallbackData, prefix="fa"):
    """Answer the private question again."""


@dataclass(frozen=True)
class WithdrawPick(CallbackData, prefix="aw"):
    """Withdraw a topic: which one?"""


@dataclass(frozen=True)
class Withdraw(CallbackData, prefix="tw"):
    topic_id: int


@dataclass(frozen=True)
class HistoryButton(CallbackData, prefix="ah"):
    """The agreement's history."""


@dataclass(frozen=True)
class ToggleNothing(CallbackData, prefix="an"):
    """Tell (or stop telling) the partner when there's nothing to share."""


@dataclass(frozen=True)
class Review(CallbackData, prefix="tr"):
    """Renew a topic at its review, or let it end."""

    topic_id: int
    choice: ReviewChoice
