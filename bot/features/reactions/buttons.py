"""The buttons under what a partner shared, and under an answer being written."""

from dataclasses import dataclass

from bot.features.reactions.models import Choice
from bot.kernel.buttons import CallbackData


@dataclass(frozen=True)
class React(CallbackData, prefix="rx"):
    """Thank you / Let's talk about it / a heart: ``rx:<reaction>:<choice>``."""

    reaction_id: int
    choice: Choice


@dataclass(frozen=True)
class SendReaction(CallbackData, prefix="rs"):
    """Send the answer (with its note, if any): ``rs:<reaction>``."""

    reaction_id: int


@dataclass(frozen=True)
class CancelReaction(CallbackData, prefix="rn"):
    """Don't send it: the answer buttons come back: ``rn:<reaction>``."""

    reaction_id: int
