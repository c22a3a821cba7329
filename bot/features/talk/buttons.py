"""The buttons of finding a time to talk."""

from dataclasses import dataclass

from bot.features.talk.models import Slot
from bot.kernel.buttons import CallbackData


@dataclass(frozen=True)
class Pick(CallbackData, prefix="lk"):
    """A time to propose: ``lk:<slot>``."""

    slot: Slot


@dataclass(frozen=True)
class SendWords(CallbackData, prefix="lq"):
    """Send the time written in one's own words: ``lq:<talk>``."""

    talk_id: int


@dataclass(frozen=True)
class Cancel(CallbackData, prefix="lx"):
    """Cancel a time being written: ``lx:<talk>``."""

    talk_id: int


@dataclass(frozen=True)
class Accept(CallbackData, prefix="ly"):
    """The partner accepts the proposed time: ``ly:<talk>``."""

    talk_id: int


@dataclass(frozen=True)
class RemindMe(CallbackData, prefix="lr"):
    """Remind me an hour before the agreed talk: ``lr:<talk>``."""

    talk_id: int


@dataclass(frozen=True)
class Another(CallbackData, prefix="ln"):
    """The partner would like another time: ``ln:<talk>``."""

    talk_id: int
