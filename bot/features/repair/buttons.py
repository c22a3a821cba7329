"""The buttons on a proposed change to the repair plan."""

from dataclasses import dataclass
from enum import StrEnum

from bot.kernel.buttons import CallbackData


class Choice(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class Decide(CallbackData, prefix="rc"):
    """Approve / Decline, to the partner of the one who proposed the change."""

    change_id: int
    choice: Choice
