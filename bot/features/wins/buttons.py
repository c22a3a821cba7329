"""The buttons of wins: send or drop a draft, page through /wins, show a past one."""

from dataclasses import dataclass
from typing import Annotated

from bot.kernel.buttons import CallbackData, Digits


@dataclass(frozen=True)
class Send(CallbackData, prefix="ws"):
    """Send to <partner>, under a new win."""

    win_id: int


@dataclass(frozen=True)
class Drop(CallbackData, prefix="wx"):
    """Don't send, under a new win."""

    win_id: int


@dataclass(frozen=True)
class Page(CallbackData, prefix="wl"):
    """« Newer / Older » in /wins."""

    offset: Annotated[int, Digits(6)]


@dataclass(frozen=True)
class ShowOne(CallbackData, prefix="wr"):
    """Show me one, on the offer after a hard check-in."""
