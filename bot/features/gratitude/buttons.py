"""The buttons under a written appreciation."""

from dataclasses import dataclass

from bot.kernel.buttons import CallbackData


@dataclass(frozen=True)
class Send(CallbackData, prefix="gs"):
    """Send to <partner>."""

    ask_id: int


@dataclass(frozen=True)
class Keep(CallbackData, prefix="gk"):
    """Keep private."""

    ask_id: int
