"""Answering what a partner shared: a reveal, a gratitude, a win. The reader taps Thank you,
Let's talk about it or a heart, may add a short note (shown back before it goes), and Send
relays it to the author through the outbox, in the same transaction."""

from datetime import datetime
from typing import Any

from bot import texts
from bot.domain.text import words
from bot.features.reactions import store, views
from bot.features.reactions.models import Answering, Choice, Reaction, Status, Subject
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import Stale
from bot.kernel.feature import ExportScope
from bot.kernel.i18n import speaking
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button
from bot.kernel.people import paired
from bot.storage import users
from bot.storage.models import User

MAX_NOTE_CHARS = 300
INPUT = "react"  # the words a button asks for next: "react:<id>"
RELAY = "reaction"


async def offer(
    tx: Tx, couple_id: int, author_id: int, reader_id: int, subject: Subject, now: datetime
) -> tuple[tuple[Button, ...], ...]:
    """The answer buttons for ``reader_id`` under something ``author_id`` shared, in the
    caller's transaction (the one that queues it); labelled in the reader's language."""
    reaction_id = await store.create(tx, couple_id, reader_id, author_id, subject, now)
    reader = await users.get(tx, reader_id)
    with speaking(reader.language if reader is not None else None):
        return views.choices(reaction_id)


async def _own(tx: Tx, user_id: int, reaction_id: int, *statuses: Status) -> Answering:
    """The user's own answer to give, in their current couple, in one of these states."""
    reaction = await store.get(tx, reaction_id)
    if reaction is None or reaction.from_id != user_id:
        raise Stale(texts.STALE_BUTTON)
    couple, _, partner = await paired(tx, user_id, views.PAIRING_ENDED)
    if reaction.couple_id != couple.id or reaction.status == Status.ENDED:
        raise Stale(views.PAIRING_ENDED)
    if reaction.status == Status.SENT:
        raise Stale(views.ALREADY)
    if reaction.status not in statuses:
        raise Stale(texts.STALE_BUTTON)
    return Answering(reaction, partner)


async def choose(mend: Mend, user_id: int, reaction_id: int, choice: Choice) -> Answering:
    """An answer tapped: a note may follow (the next words), or it goes as it is."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        own = await _own(tx, user_id, reaction_id, Status.OFFERED, Status.CHOSEN, Status.DRAFT)
        await store.choose(tx, reaction_id, choice)
        await users.set_awaiting(tx, user_id, f"{INPUT}:{reaction_id}", now)
        fresh = await store.get(tx, reaction_id)
    assert fresh is not None
    return Answering(fresh, own.partner)


async def write(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Answering:
    """The note: shown back with Send / Cancel before anything goes."""
    if not ident.isdigit():
        raise Stale(texts.STALE_BUTTON)
    own = await _own(tx, user.id, int(ident), Status.CHOSEN)
    await store.note(tx, own.reaction.id, words(text, MAX_NOTE_CHARS))
    await users.set_awaiting(tx, user.id, None, mend.clock.now())
    fresh = await store.get(tx, own.reaction.id)
    assert fresh is not None
    return Answering(fresh, own.partner)


async def send(mend: Mend, user_id: int, reaction_id: int) -> Answering:
    """Send: the answer (and its note) reaches the author."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        own = await _own(tx, user_id, reaction_id, Status.CHOSEN, Status.DRAFT)
        me = await users.get(tx, user_id)
        assert me is not None
        reaction = own.reaction
        await outbox.add(
            tx,
            reaction.to_id,
            RELAY,
            lambda: views.relay(reaction, me),
            now,
            couple_id=reaction.couple_id,
            author_id=user_id,
        )
        await store.mark_sent(tx, reaction.id, now)
        await users.set_awaiting(tx, user_id, None, now)
    return own


async def cancel(mend: Mend, user_id: int, reaction_id: int) -> Answering:
    """Don't send: nothing goes, and the answer buttons come back."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        own = await _own(tx, user_id, reaction_id, Status.CHOSEN, Status.DRAFT)
        await store.put_back(tx, reaction_id)
        await users.set_awaiting(tx, user_id, None, now)
    return own


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the answers the user sent (their notes are their words)."""

    def entry(r: Reaction) -> dict[str, Any]:
        return {
            "to": scope.partner_name(r.couple_id),
            "about": r.subject.value,
            "answer": str(views.LABELS[r.choice]) if r.choice else None,
            "note": r.note,
            "sent_at": scope.when(r.sent_at),
        }

    return {
        "written_by_you": {"answers": [entry(r) for r in await store.sent_by(tx, scope.me.id)]}
    }
