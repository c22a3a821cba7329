"""The pairing buttons: join or decline an invite, end the pairing or keep it."""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from bot.kernel.buttons import CallbackData, Chars

_INVITE_CODE = re.compile(r"[A-Za-z0-9_-]+")  # what a Telegram deep-link payload may hold


@dataclass(frozen=True)
class Join(CallbackData, prefix="pj"):
    """Pair with the inviter: ``pj:<invite code>``."""

    code: Annotated[str, Chars(64)]

    def is_invite_code(self) -> bool:
        """Only deep-link characters: a code Mend made never has '+' or '/'."""
        return _INVITE_CODE.fullmatch(self.code) is not None


@dataclass(frozen=True)
class Decline(CallbackData, prefix="pn"):
    """Not now: the invite stays as it is."""


@dataclass(frozen=True)
class ConfirmUnpair(CallbackData, prefix="uy"):
    """Yes, end the pairing: ``uy:<couple id>``."""

    couple_id: int


@dataclass(frozen=True)
class KeepPaired(CallbackData, prefix="un"):
    """No, keep the pairing."""


class HistoryAnswer(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class BringBack(CallbackData, prefix="rh"):
    """Bring back our shared history? ``rh:<new couple id>:<yes | no>``."""

    couple_id: int
    answer: HistoryAnswer
