"""The buttons under every prompt."""

from dataclasses import dataclass

from bot.kernel.buttons import CallbackData


@dataclass(frozen=True)
class Snooze(CallbackData, prefix="sz"):
    """Remind me in 1 h."""

    ask_id: int


@dataclass(frozen=True)
class Skip(CallbackData, prefix="sk"):
    """Skip today."""

    ask_id: int
