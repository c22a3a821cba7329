"""The buttons at a timeout's end."""

from dataclasses import dataclass
from enum import StrEnum

from bot.kernel.buttons import CallbackData


class Choice(StrEnum):
    READY = "ready"
    MORE = "more"  # 10 more minutes


@dataclass(frozen=True)
class ComeBack(CallbackData, prefix="to"):
    """I'm ready / 10 more minutes, to the one who asked for the timeout."""

    timeout_id: int
    choice: Choice
