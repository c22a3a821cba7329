"""The feature protocol: how a feature declares itself to the kernel, once.

Each package under ``bot/features/`` exports one ``FEATURE``. The app registers its handlers,
the tick runs its scheduled work, the free-text router hands it the words it asked for, and
/export and /delete ask it for its part: none of them names a feature.
"""

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import texts
from bot.domain.daywords import fold
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed
from bot.kernel.i18n import LANGUAGES, Words, current, say, speaking
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage import users
from bot.storage.models import Couple, Reminder, User

Handler = BaseHandler[Update, Any, Any]

ReminderJob = Callable[[Tx, Mend, Sequence[Reminder], datetime], Awaitable[int]]
"""Due reminders of the feature's kinds, in the tick's transaction (which then advances
them); returns how many messages it queued."""

Job = Callable[[Mend], Awaitable[int]]
"""Work the tick runs each time, in its own transactions: select what is due (an indexed
query that writes nothing when nothing is due) and queue it; returns how many it queued."""

TakeWords = Callable[[Tx, Mend, User, str, str | None, str | None], Awaitable[Outgoing]]
"""``(tx, mend, user, ident, text, voice file id) -> reply``: one of the two is set. Raise
``Stale`` or ``NotAllowed`` if what asked for the words has closed meanwhile."""


@dataclass(frozen=True, slots=True)
class TextInput:
    """Words a button asked the user to write next (kept as ``kind:ident`` on the user)."""

    take: TakeWords
    voice: bool = False  # a voice note is welcome too (else it gets "text only, please")
    # Whether the words are still wanted (``(tx, user, ident)``): when not (the question was
    # answered another way meanwhile), the message goes where it would with nothing awaited.
    wanted: Callable[[Tx, User, str], Awaitable[bool]] | None = None


TakeText = Callable[[Tx, Mend, User, str, str], Awaitable[Outgoing]]
"""``(tx, mend, user, ident, text) -> reply``: words that can only be typed."""


def words_only(
    take: TakeText, *, wanted: Callable[[Tx, User, str], Awaitable[bool]] | None = None
) -> TextInput:
    """A text input for typed words alone: a voice note never reaches ``take`` (the router
    answers it with "text only, please"), so the check is here, once, not in each feature."""

    async def typed(
        tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
    ) -> Outgoing:
        if text is None:
            raise NotAllowed(texts.UNSUPPORTED_CONTENT)
        return await take(tx, mend, user, ident, text)

    return TextInput(typed, wanted=wanted)


@dataclass(frozen=True, slots=True)
class ExportScope:
    """What an exporter knows about the person asking for their data."""

    me: User
    now: datetime
    couples: tuple[tuple[Couple, datetime | None], ...]  # every pairing, and when it ended
    names: Mapping[int, str]  # user id -> first name, for the partners they had
    when: Callable[[datetime | None], str | None]  # an instant in their own timezone, ISO

    @property
    def couple_ids(self) -> list[int]:
        return [couple.id for couple, _ in self.couples]

    def partner_name(self, couple_id: int | None) -> str:
        """The partner's first name in that couple ("" if unknown)."""
        for couple, _ in self.couples:
            if couple.id == couple_id:
                return self.names.get(couple.partner_of(self.me.id), "")
        return ""


Exporter = Callable[[Tx, Mend, ExportScope], Awaitable[Mapping[str, Any]]]
"""The feature's part of /export, merged into the file's sections ("you", "written_by_you",
"shared_with_you"): what the user wrote, and what a partner chose to share with them; never a
partner's private things."""


@dataclass(frozen=True, slots=True)
class Switch:
    """Something ``/remind <name> on|off`` turns on or off that has no time of its own (the
    monthly reflection follows the check-in time); ``/reminders`` shows where it stands."""

    turn: Callable[[Mend, int, bool], Awaitable[Outgoing]]  # (mend, user id, on) -> reply
    is_on: Callable[[Tx, int], Awaitable[bool]]
    usage: Words  # the answer to anything but on or off
    status_on: Words  # its line in /reminders
    status_off: Words
    label: Words = ""  # its name on a /settings button ("Monthly reflection")


Waiting = Callable[[Tx, Mend, User, datetime], Awaitable[Sequence[str]]]
"""``(tx, mend, user, now) -> lines``: what waits for the user in this feature (an open
check-in, a proposal to answer), one short line each, for the home screen's status."""

Screen = Callable[[Mend, int], Awaitable[Outgoing]]
"""``(mend, user id) -> message``: a place in Mend a button can open (the settings, the
support message, a feature's overview), by name, through :class:`bot.kernel.screens.Open`.
It opens its own transactions."""

CoupleEnd = Callable[[Tx, int, datetime], Awaitable[None]]
"""A couple ended (unpaired, or one of them deleted their data): ``(tx, couple id, now)``;
close what was open between them. Pending relays are cancelled by the kernel."""

BringBack = Callable[[Tx, int, int], Awaitable[None]]
"""The same two people paired again and both said yes to having their shared history back:
``(tx, old couple id, new couple id)``; move the feature's shared rows of the old couple to the
new one (called once per earlier couple of the two, oldest first)."""

Eraser = Callable[[Tx, int, datetime], Awaitable[None]]
"""Erase or blank every row of the feature holding the user's words, in /delete's
transaction; the partner's own words stay."""


@dataclass(frozen=True)
class Feature:
    """One feature's declaration. Every part is optional."""

    name: str
    handlers: Sequence[Handler] = ()
    reminder_kinds: Mapping[str, ReminderJob] = field(default_factory=dict)
    jobs: Sequence[Job] = ()
    text_inputs: Mapping[str, TextInput] = field(default_factory=dict)
    switches: Mapping[str, Switch] = field(default_factory=dict)
    screens: Mapping[str, Screen] = field(default_factory=dict)
    # Each command as typed in the reader's language ("help": N_("/help"), German /hilfe).
    command_words: Mapping[str, Words] = field(default_factory=dict)
    waiting: Waiting | None = None
    on_couple_end: CoupleEnd | None = None
    bring_back: BringBack | None = None
    export: Exporter | None = None
    erase: Eraser | None = None


def commands_of(features: Sequence[Feature]) -> frozenset[str]:
    """Every command the features handle (the menu and /help list only these)."""
    return frozenset(
        command
        for feature in features
        for handler in feature.handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    )


# Command words are written in a-z (Telegram's rule); German writes an umlaut as two letters.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _folded(word: str) -> str:
    """A command word as compared: /löschen is /loeschen, /ayúda is /ayuda."""
    return fold(word.lower().translate(_UMLAUTS))


def command_for(features: Sequence[Feature], typed: str) -> str | None:
    """The command ``typed`` ("/hilfe", "/помощь", without or with its "/") is in any language
    Mend speaks, by the features' ``command_words``; the reader's own language first. Case,
    accents and apostrophes aside: /ayúda, /ДОГОВОРЁННОСТЬ and /договоренность are one."""
    word = _folded(typed.removeprefix("/").partition("@")[0])
    spoken = current()
    for language in sorted(LANGUAGES, key=lambda language: language != spoken):
        with speaking(language):
            for feature in features:
                for command, words in feature.command_words.items():
                    if _folded(say(words).removeprefix("/")) == word:
                        return command
    return None


def text_input(features: Sequence[Feature], what: str) -> TextInput | None:
    """The registered input that awaited words ``kind:ident`` are for."""
    kind = what.partition(":")[0]
    for feature in features:
        if kind in feature.text_inputs:
            return feature.text_inputs[kind]
    return None


async def awaited_words(
    tx: Tx, features: Sequence[Feature], user: User, now: datetime
) -> tuple[str, datetime] | None:
    """What a button asked the user to write (``kind:ident``) and since when, if the feature
    still wants it; words no longer wanted (the question was answered another way, by a
    command) are forgotten here."""
    awaited = await users.awaiting(tx, user.id)
    if awaited is None:
        return None
    expected = text_input(features, awaited[0])
    ident = awaited[0].partition(":")[2]
    if expected is not None and expected.wanted and not await expected.wanted(tx, user, ident):
        await users.set_awaiting(tx, user.id, None, now)
        return None
    return awaited
