"""The disclosure feature's buttons: today's prefixes and packed strings, typed."""

from dataclasses import dataclass
from typing import Annotated

from bot.features.disclosure.models import Ack
from bot.kernel.buttons import CallbackData, Digits


@dataclass(frozen=True)
class PickTopic(CallbackData, prefix="dt"):
    """A topic in force, to disclose on: ``dt:<topic>``."""

    topic_id: int


@dataclass(frozen=True)
class Send(CallbackData, prefix="ds"):
    """Send the draft to the partner: ``ds:<disclosure>``."""

    disclosure_id: int


@dataclass(frozen=True)
class Edit(CallbackData, prefix="de"):
    """Write the draft again: ``de:<disclosure>``."""

    disclosure_id: int


@dataclass(frozen=True)
class Cancel(CallbackData, prefix="dc"):
    """Cancel the draft, erasing it: ``dc:<disclosure>``."""

    disclosure_id: int


@dataclass(frozen=True)
class Undo(CallbackData, prefix="du"):
    """Undo a Send within its window: ``du:<disclosure>``."""

    disclosure_id: int


@dataclass(frozen=True)
class Acknowledge(CallbackData, prefix="ak"):
    """The partner's answer to a disclosure: ``ak:<disclosure>:<thanks|talk|time>``."""

    disclosure_id: int
    ack: Ack


@dataclass(frozen=True)
class NoNote(CallbackData, prefix="ax"):
    """Send the answer without a note: ``ax:<disclosure>``."""

    disclosure_id: int


@dataclass(frozen=True)
class ShareSomething(CallbackData, prefix="xs"):
    """On the "anything to share?" check: pick a topic."""


@dataclass(frozen=True)
class NothingToday(CallbackData, prefix="xn"):
    """On the "anything to share?" check: nothing to share today."""


@dataclass(frozen=True)
class LogPage(CallbackData, prefix="dl"):
    """A page of the shared log: ``dl:<offset>``."""

    offset: Annotated[int, Digits(6)]
