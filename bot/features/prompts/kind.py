"""The published interface a kind of prompt plugs into the shared prompt pipeline with.

A kind (check-in, gratitude, ...) is its own feature; it declares a :class:`PromptKind` and
registers it (``register_kind``) in its package. The pipeline chooses, records, renders,
snoozes and skips prompts of every kind the same way, and asks the kind only for what differs:
the lines under the question and its answer buttons, how long an ask stays answerable, and
what a typed answer does.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.features.prompts.models import Ask
from bot.kernel.db import Tx
from bot.kernel.i18n import Words
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing
from bot.prompts import Prompt
from bot.storage.models import Couple, User


@dataclass(frozen=True, slots=True)
class PromptFace:
    """What a kind shows of one of its prompts: a bold title above the question, an italic
    footer below it, and answer buttons (Remind me / Skip today are added under them)."""

    title: str
    footer: str
    rows: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class PromptKind:
    """One kind of prompt, as the pipeline needs to know it."""

    name: str
    """The ask kind stored, the reminder kind that fires it, and its set in the library."""
    shared_by_couple: bool
    """Partners are given the same prompt on the same day (so answers compare like with like)."""
    face: Callable[[Ask, Prompt | None, str | None], PromptFace]
    """``(ask, its prompt or None if gone, the partner's first name or None) -> face``."""
    is_current: Callable[[Ask, User, datetime], bool]
    """Can this ask still be answered now?"""
    expired: Words
    """Told when a reply or a button comes for an ask no longer current."""
    take_text: Callable[[Tx, Mend, User, Ask, str], Awaitable[Outgoing]]
    """A typed answer (non-blank, stripped) for an ask waiting for words, in the router's
    transaction; returns the reply."""
    answered: Callable[[Mend, Ask], Outgoing] | None = None
    """What the question's message becomes once answered by words (the ask as answered); by
    default it keeps its words and only loses its buttons."""
    take_choice: Callable[[Tx, Mend, User, Ask, int], Awaitable[Outgoing]] | None = None
    """A typed answer to an open ask of buttons (a scale or choices), read as what its button
    would give: the number, or the choice's index; in the router's transaction. None: the
    kind's buttons must be tapped."""
    period: Callable[[User, Couple | None, datetime], str | None] | None = None
    """What the kind is given once per, stored as the ask's ``day``: by default the user's
    local day. A kind given less often names its period (the monthly reflection: which month
    together), or None when none is open now (then nothing is given)."""


_KINDS: dict[str, PromptKind] = {}


def register_kind(kind: PromptKind) -> PromptKind:
    """Plug a kind into the pipeline (once, from the kind's package)."""
    if kind.name in _KINDS and _KINDS[kind.name] is not kind:
        raise ValueError(f"prompt kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind
    return kind


def kind_of(name: str) -> PromptKind:
    """The registered kind of that name."""
    return _KINDS[name]


def is_known(name: str) -> bool:
    return name in _KINDS
