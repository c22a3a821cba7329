"""The free-text router: a typed answer to a prompt of any kind, or the words a button asked
for (a disclosure, a note on an acknowledgement, a topic in one's own words), which it hands
to the registered feature that declared that text input; and, when nothing is open, a warm
answer that offers what the person may want to do with their words."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from bot import texts
from bot.domain.agreement import WRITING_WINDOW
from bot.domain.prompting import GRATITUDE_ANSWER_WINDOW
from bot.domain.text import is_blank
from bot.features.journal import MAX_JOURNAL_CHARS, keep_words
from bot.features.prompts import store, views
from bot.features.prompts.kind import kind_of
from bot.features.prompts.models import Ask, AskStatus, FreeText
from bot.features.prompts.service import is_current
from bot.features.prompts.typed import choice_index, scale_value
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.feature import TextInput, awaited_words, text_input
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_user
from bot.storage import couples, users
from bot.storage.models import User

# How long words Mend did not expect are held for "Keep it in my journal".
HOLD_WINDOW = timedelta(hours=1)


# The ask whose question the reply to a typed answer now carries (a typed 7: "Your answer: 7"
# with No note), for its handler to link that reply to the ask; None: the reply carries none.
REPLY_CARRIES: ContextVar[int | None] = ContextVar("reply_carries", default=None)


async def answer(mend: Mend, user_id: int, text: str, reply_to: int | None) -> Outgoing:
    """A text message: the answer to the prompt it replies to, or else to whichever is newest
    of the open prompt and the words a button asked for; else a warm answer with choices."""
    now = mend.clock.now()
    text = text.strip()
    REPLY_CARRIES.set(None)
    async with _forgetting_closed(mend, user_id), mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        ask = await store.by_message(tx, user_id, reply_to) if reply_to is not None else None
        if ask is None:
            since = now - GRATITUDE_ANSWER_WINDOW
            ask = await store.latest_waiting_for_text(tx, user_id, since)
            typed = await _typed_choice(mend, tx, user, since, text, now)
            if typed is not None and (ask is None or typed[0].id > ask.id):
                ask = typed[0]
            awaited = await _awaited(tx, mend, user, now)
            if awaited is not None and (ask is None or ask.created_at <= awaited[1]):
                return await _take(mend, tx, user, awaited[0], text, None)
            if ask is None or not is_current(ask, user, now):
                return await _unexpected(mend, tx, user, text, now)
            if typed is not None and ask is typed[0]:
                return await _choose(tx, mend, user, ask, typed[1])
        elif not is_current(ask, user, now):
            raise Stale(kind_of(ask.kind).expired)
        if is_blank(text):
            raise NotAllowed(texts.EMPTY_ANSWER)
        if ask.status == AskStatus.OPEN and ask.answer != "text":
            value = _typed_value(mend, ask, text)
            if value is None or kind_of(ask.kind).take_choice is None:
                raise Stale(views.USE_BUTTONS)
            return await _choose(tx, mend, user, ask, value)
        waiting = ask.status == AskStatus.NOTING or (
            ask.status == AskStatus.OPEN and ask.answer == "text"
        )
        if not waiting:
            raise Stale(views.why_not_waiting(ask))
        kind = kind_of(ask.kind)
        answered = await kind.take_text(tx, mend, user, ask, text)
        if ask.message_id is not None:  # answered by words: the question's buttons go
            done = await store.get(tx, ask.id) if kind.answered else None
            shown = kind.answered(mend, done) if kind.answered and done else outbox.NO_BUTTONS
            await outbox.edit(tx, user_id, ask.message_id, now, shown)
        return answered


def _typed_value(mend: Mend, ask: Ask, text: str) -> int | None:
    """What a typed answer gives an ask of buttons: its number, or its choice's index."""
    if ask.answer == "scale":
        return scale_value(text)
    prompt = mend.prompts.get(ask.prompt_id)
    if ask.answer == "choice" and prompt is not None:
        return choice_index(text, prompt.choices)
    return None


async def _typed_choice(
    mend: Mend, tx: Tx, user: User, since: datetime, text: str, now: datetime
) -> tuple[Ask, int] | None:
    """The newest open ask of buttons that this text answers (a number, a choice's words)."""
    ask = await store.latest_open_choice(tx, user.id, since)
    if ask is None or kind_of(ask.kind).take_choice is None or not is_current(ask, user, now):
        return None
    value = _typed_value(mend, ask, text)
    return None if value is None else (ask, value)


async def _choose(tx: Tx, mend: Mend, user: User, ask: Ask, value: int) -> Outgoing:
    take = kind_of(ask.kind).take_choice
    assert take is not None
    chosen = await take(tx, mend, user, ask, value)
    REPLY_CARRIES.set(ask.id)  # the reply (with No note) becomes the question's message
    return chosen


async def _unexpected(mend: Mend, tx: Tx, user: User, text: str, now: datetime) -> Outgoing:
    """Words with nothing open: still a person talking. Held, encrypted and briefly, so a tap
    can keep exactly them in the journal; offered with a check-in, a timeout and support."""
    if is_blank(text):
        raise NotAllowed(texts.EMPTY_ANSWER)
    held = None
    if len(text) <= MAX_JOURNAL_CHARS:
        held = await store.hold_words(tx, user.id, text, now)
    paired = await couples.active_for(tx, user.id) is not None
    return views.unexpected(FreeText(held, paired))


async def keep_held(mend: Mend, user_id: int, held_id: int) -> None:
    """Keep it in my journal: the held words become a journal entry, and are let go here."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        text = await store.held_words(tx, user.id, held_id, now - HOLD_WINDOW)
        if text is None:
            raise Stale(views.HELD_GONE)
        await keep_words(tx, mend, user, text)
        await store.forget_words(tx, held_id)


async def forget_held(mend: Mend) -> int:
    """Run by the tick: words held longer than the window are forgotten (writes nothing when
    none are due)."""
    before = mend.clock.now() - HOLD_WINDOW
    async with mend.db.read() as tx:
        if not await store.any_held_before(tx, before):
            return 0
    async with mend.db.transaction() as tx:
        await store.forget_words_before(tx, before)
    return 0


async def voice(mend: Mend, user_id: int, file_id: str) -> Outgoing:
    """A voice note: welcome only where the words a button asked for may be spoken."""
    async with _forgetting_closed(mend, user_id), mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        awaited = await _awaited(tx, mend, user, mend.clock.now())
        expected = _input(mend, awaited[0]) if awaited is not None else None
        if awaited is None or expected is None or not expected.voice:
            raise NotAllowed(texts.UNSUPPORTED_CONTENT)
        return await _take(mend, tx, user, awaited[0], None, file_id)


def _input(mend: Mend, what: str) -> TextInput | None:
    """The registered feature input that ``kind:ident`` is for."""
    return text_input(mend.features, what)


async def _awaited(tx: Tx, mend: Mend, user: User, now: datetime) -> tuple[str, datetime] | None:
    """What a button asked the user to write, if it asked within the writing window and the
    feature still wants it."""
    awaited = await awaited_words(tx, mend.features, user, now)
    if awaited is None or now - awaited[1] > WRITING_WINDOW:
        return None
    return awaited


async def _take(
    mend: Mend, tx: Tx, user: User, what: str, text: str | None, file_id: str | None
) -> Outgoing:
    """Hand the words to the feature that asked for them (``kind:ident``, as it set them).

    If that turned out to be closed meanwhile (the proposal was answered, the topic
    withdrawn, the pairing ended), the user is told, and is no longer expected to write it:
    later messages go to prompts.
    """
    try:
        return await _hand_over(tx, mend, user, what, text, file_id)
    except (Stale, NotAllowed) as error:
        raise _ClosedMeanwhile(error.message) from error


class _ClosedMeanwhile(Stale):
    """What the user was writing for closed meanwhile; see :func:`_forgetting_closed`."""


@asynccontextmanager
async def _forgetting_closed(mend: Mend, user_id: int) -> AsyncIterator[None]:
    """After a :class:`_ClosedMeanwhile` (its transaction rolled back), stop expecting the
    words, so the user's later messages go to their prompts again."""
    try:
        yield
    except _ClosedMeanwhile:
        async with mend.db.transaction() as tx:
            await users.set_awaiting(tx, user_id, None, mend.clock.now())
        raise


async def _hand_over(
    tx: Tx, mend: Mend, user: User, what: str, text: str | None, file_id: str | None
) -> Outgoing:
    expected = _input(mend, what)
    if expected is None:
        raise Stale(texts.STALE_BUTTON)
    return await expected.take(tx, mend, user, what.partition(":")[2], text, file_id)
