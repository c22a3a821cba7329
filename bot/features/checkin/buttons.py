"""The check-in's buttons."""

from dataclasses import dataclass
from typing import Annotated

from bot.kernel.buttons import CallbackData, Digits


@dataclass(frozen=True)
class Choose(CallbackData, prefix="ck"):
    """A number on the 1-10 scale, or the index of one of a prompt's choices."""

    ask_id: int
    value: Annotated[int, Digits(2)]


@dataclass(frozen=True)
class NoNote(CallbackData, prefix="nn"):
    """No note: the answer stands as it is."""

    ask_id: int
