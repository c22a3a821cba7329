"""The /help buttons: one topic at a time, edited in place."""

from dataclasses import dataclass
from enum import StrEnum

from bot.kernel.buttons import CallbackData


class Topic(StrEnum):
    STARTING = "start"
    PAIRING = "pair"
    CHECKINS = "checkin"
    TOGETHER = "together"
    PRIVACY = "privacy"


@dataclass(frozen=True)
class ShowTopic(CallbackData, prefix="hl"):
    """One help topic, in place of the message: ``hl:<topic>``."""

    topic: Topic
