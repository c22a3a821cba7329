"""The buttons of the journal's list."""

from dataclasses import dataclass
from typing import Annotated

from bot.kernel.buttons import CallbackData, Digits


@dataclass(frozen=True)
class Delete(CallbackData, prefix="jd"):
    """Delete <n>, under the page of the list it was shown on."""

    entry_id: int
    offset: Annotated[int, Digits(6)]


@dataclass(frozen=True)
class Page(CallbackData, prefix="jl"):
    """« Newer / Older » in /journal list."""

    offset: Annotated[int, Digits(6)]
