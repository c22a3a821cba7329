"""The free-text router: a typed answer to a prompt of any kind, or the words a button asked
for (a disclosure, a note on an acknowledgement, a topic in one's own words), which it hands
to the registered feature that declared that text input."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from bot import texts
from bot.domain.agreement import WRITING_WINDOW
from bot.domain.prompting import GRATITUDE_ANSWER_WINDOW
from bot.domain.text import is_blank
from bot.features.prompts import store, views
from bot.features.prompts.kind import kind_of
from bot.features.prompts.models import AskStatus
from bot.features.prompts.service import is_current
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.feature import TextInput
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_user
from bot.storage import users
from bot.storage.models import User


async def answer(mend: Mend, user_id: int, text: str, reply_to: int | None) -> Outgoing:
    """A text message: the answer to the prompt it replies to, or else to whichever is newer
    of the open prompt and the words a button asked for."""
    now = mend.clock.now()
    text = text.strip()
    async with _forgetting_closed(mend, user_id), mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        ask = await store.by_message(tx, user_id, reply_to) if reply_to is not None else None
        if ask is None:
            ask = await store.latest_waiting_for_text(tx, user_id, now - GRATITUDE_ANSWER_WINDOW)
            awaited = await _awaited(tx, user_id, now)
            if awaited is not None and (ask is None or ask.created_at <= awaited[1]):
                return await _take(mend, tx, user, awaited[0], text, None)
            if ask is None or not is_current(ask, user, now):
                raise NotAllowed(views.NOTHING_OPEN)
        elif not is_current(ask, user, now):
            raise Stale(kind_of(ask.kind).expired)
        if is_blank(text):
            raise NotAllowed(texts.EMPTY_ANSWER)
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


async def voice(mend: Mend, user_id: int, file_id: str) -> Outgoing:
    """A voice note: welcome only where the words a button asked for may be spoken."""
    async with _forgetting_closed(mend, user_id), mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        awaited = await _awaited(tx, user_id, mend.clock.now())
        expected = _input(mend, awaited[0]) if awaited is not None else None
        if awaited is None or expected is None or not expected.voice:
            raise NotAllowed(texts.UNSUPPORTED_CONTENT)
        return await _take(mend, tx, user, awaited[0], None, file_id)


def _input(mend: Mend, what: str) -> TextInput | None:
    """The registered feature input that ``kind:ident`` is for."""
    kind = what.partition(":")[0]
    for feature in mend.features:
        if kind in feature.text_inputs:
            return feature.text_inputs[kind]
    return None


async def _awaited(tx: Tx, user_id: int, now: datetime) -> tuple[str, datetime] | None:
    """What a button asked the user to write, if it asked within the writing window."""
    awaited = await users.awaiting(tx, user_id)
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
