"""Promises kept: made with /promise, asked about at their time, counted when both agree.

The author answers Kept / Not this time; the partner answers Kept / Let's talk. Each sees the
other's answer only once both answered (as with the check-in), and a promise counts as kept
only when both say so. When the two answers differ, Mend records no verdict either way: both
see both answers, and "Let's talk" offers a time to talk (the "talk" screen, when a feature
declares one) instead of counting against anyone. Nothing is ever counted per person.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot import texts
from bot.domain.text import words
from bot.features.promises import store, views
from bot.features.promises.models import (
    Answer,
    Answered,
    Made,
    Overview,
    Promise,
    Settled,
    Status,
)
from bot.features.promises.rules import (
    MAX_PROMISE_CHARS,
    UNDATED_WAIT,
    parse_due,
    split_promise,
)
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import paired
from bot.kernel.screens import find
from bot.storage import couples, users
from bot.storage.models import Reminder

BATCH = 200


async def make(mend: Mend, user_id: int, args: str) -> Made:
    """/promise <what> [by <when>]: the partner is told; asked about at its time."""
    if not args.strip():
        raise InvalidInput(views.PROMISE_USAGE)
    what, when = split_promise(args)
    what = words(what, MAX_PROMISE_CHARS) if what else ""
    if not what:
        raise InvalidInput(views.PROMISE_USAGE)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        due_at = None
        if when is not None:
            if me.tz is None:
                raise InvalidInput(texts.NEED_TIMEZONE)
            due_at = parse_due(when, now, me.tz)
        promise = await store.create(tx, couple.id, me.id, what, due_at, now)
        made = Made(promise, me, partner)
        await outbox.add(
            tx, partner.id, "promise", lambda: views.told(made), now, couple_id=couple.id
        )
    return made


async def _ask(tx: Tx, promise: Promise, now: datetime) -> bool:
    """Ask both partners how the promise went; False if the couple has ended."""
    couple = await couples.active(tx, promise.couple_id)
    if couple is None:
        await store.settle(tx, promise.id, Status.CANCELLED, now)
        return False
    author = await users.get(tx, promise.author_id)
    partner = await users.get(tx, couple.partner_of(promise.author_id))
    if author is None or partner is None:
        return False
    await store.mark_asking(tx, promise.id, now)
    await outbox.add(
        tx, author.id, "promise", lambda: views.ask_author(promise), now, couple_id=couple.id
    )
    await outbox.add(
        tx,
        partner.id,
        "promise",
        lambda: views.ask_partner(promise, author),
        now,
        couple_id=couple.id,
    )
    return True


async def ask_due(mend: Mend) -> int:
    """Run by the tick: ask about promises whose time has come."""
    now = mend.clock.now()
    asked = 0
    async with mend.db.transaction() as tx:
        for promise in await store.due(tx, now, BATCH):
            asked += await _ask(tx, promise, now)
    return asked


async def ask_undated(tx: Tx, author_ids: list[int], now: datetime) -> int:
    """At a check-in: ask about the authors' promises made without a time, once
    :data:`UNDATED_WAIT` has passed since each was made (the check-in a day or so later)."""
    asked = 0
    for promise in await store.undated(tx, author_ids, now - UNDATED_WAIT):
        asked += await _ask(tx, promise, now)
    return asked


async def at_checkin_reminders(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Run by the tick with the check-in reminders due: their promises without a time."""
    return await ask_undated(tx, [r.user_id for r in due], now)


async def answer(
    mend: Mend, user_id: int, promise_id: int, by_author: bool, value: Answer
) -> Answered | Settled:
    """Kept / Not this time (the author) or Kept / Let's talk (the partner)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        promise = await store.get(tx, promise_id)
        if (
            promise is None
            or promise.couple_id != couple.id
            or (promise.author_id == me.id) != by_author
        ):
            raise Stale(texts.STALE_BUTTON)
        mine = promise.author_says if by_author else promise.partner_says
        if promise.status != Status.ASKING or mine is not None:
            raise Stale(views.PROMISE_ANSWERED)
        promise = await store.answer(tx, promise.id, by_author, value)
        if promise.author_says is None or promise.partner_says is None:
            return Answered(promise, value, partner)
        status = _agreed(promise)
        await store.settle(tx, promise.id, status, now)
        author, other = (me, partner) if by_author else (partner, me)
        talk = promise.partner_says == Answer.TALK and find(mend.features, "talk") is not None
        told = Settled(promise, author, other, status, partner, talk)
        await outbox.add(
            tx, partner.id, "promise", lambda: views.outcome(told), now, couple_id=couple.id
        )
    return Settled(promise, author, other, status, me, talk)


def _agreed(promise: Promise) -> Status:
    """Kept only when both say so; not kept only when neither does; otherwise the two see it
    differently, and that is recorded as it is, with no verdict either way."""
    kept = [promise.author_says == Answer.KEPT, promise.partner_says == Answer.KEPT]
    if all(kept):
        return Status.KEPT
    return Status.DIFFER if any(kept) else Status.NOT_KEPT


async def overview(mend: Mend, user_id: int) -> Overview:
    """/promises: open promises, and the promises the two agreed were kept, counted together
    (never one partner against the other)."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        open_ = await store.of_couple(tx, couple.id, (Status.OPEN, Status.ASKING))
        month = await store.settled_since(tx, couple.id, now - timedelta(days=30))
    kept = sum(p.status == Status.KEPT for p in month)
    return Overview(me, partner, open_, kept_month=kept)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the promises the user made, and those made to them."""
    me, when = scope.me, scope.when
    promises = await store.in_couples(tx, scope.couple_ids)

    def entry(p: Promise) -> dict[str, Any]:
        return {
            "text": p.body,
            "due_at": when(p.due_at),
            "status": str(p.status),
            "made_at": when(p.created_at),
            "settled_at": when(p.settled_at),
        }

    return {
        "written_by_you": {"promises": [entry(p) for p in promises if p.author_id == me.id]},
        "shared_with_you": {"promises": [entry(p) for p in promises if p.author_id != me.id]},
    }
