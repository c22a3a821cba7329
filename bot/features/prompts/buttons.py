"""The buttons under every prompt, and under an unexpected message."""

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


@dataclass(frozen=True)
class KeepWords(CallbackData, prefix="kw"):
    """Keep it in my journal: the words held under ``held_id`` (never the words themselves)."""

    held_id: int
