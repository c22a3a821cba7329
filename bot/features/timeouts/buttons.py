"""The buttons at a timeout's end."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from bot.kernel.buttons import CallbackData, Digits


class Choice(StrEnum):
    READY = "ready"
    MORE = "more"  # 10 more minutes


@dataclass(frozen=True)
class ComeBack(CallbackData, prefix="to"):
    """I'm ready / 10 more minutes, to the one who asked for the timeout."""

    timeout_id: int
    choice: Choice


@dataclass(frozen=True)
class Begin(CallbackData, prefix="tb"):
    """Start a timeout of this many minutes (the offer the "timeout" screen shows)."""

    minutes: Annotated[int, Digits(3)]
