"""Promises kept: made with /promise, asked about at their time, counted when both agree.

The author answers Kept / Not this time; the partner answers Kept / Let's talk. Each sees the
other's answer only once both answered (as with the check-in), and a promise counts as kept
only when both say so.
"""

from datetime import datetime, timedelta

from bot import texts
from bot.domain import schedule
from bot.domain.text import words
from bot.domain.tools import MAX_PROMISE_CHARS, parse_due, split_promise
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import paired
from bot.storage import couples, promises, users
from bot.storage.models import Promise, User

BATCH = 200


def _when(promise: Promise, reader: User) -> str:
    if promise.due_at is None:
        return texts.PROMISE_NO_TIME
    return texts.PROMISE_BY.format(when=schedule.format_moment(promise.due_at, reader.tz))


async def make(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/promise <what> [by <when>]: the partner is told; asked about at its time."""
    if not args.strip():
        raise InvalidInput(texts.PROMISE_USAGE)
    what, when = split_promise(args)
    what = words(what, MAX_PROMISE_CHARS) if what else ""
    if not what:
        raise InvalidInput(texts.PROMISE_USAGE)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        due_at = None
        if when is not None:
            if me.tz is None:
                raise InvalidInput(texts.NEED_TIMEZONE)
            due_at = parse_due(when, now, me.tz)
        promise = await promises.create(tx, couple.id, me.id, what, due_at, now)
        told = texts.PROMISE_TOLD.format(
            name=texts.escape(me.first_name),
            what=texts.escape(what),
            when=_when(promise, partner),
        )
        await outbox.add(tx, partner.id, "promise", Outgoing(told), now, couple_id=couple.id)
    return Outgoing(
        texts.PROMISE_MADE.format(
            what=texts.escape(what),
            when=_when(promise, me),
            name=texts.escape(partner.first_name),
        )
    )


async def _ask(tx: Tx, promise: Promise, now: datetime) -> bool:
    """Ask both partners how the promise went; False if the couple has ended."""
    couple = await couples.active(tx, promise.couple_id)
    if couple is None:
        await promises.settle(tx, promise.id, "cancelled", now)
        return False
    author = await users.get(tx, promise.author_id)
    partner = await users.get(tx, couple.partner_of(promise.author_id))
    if author is None or partner is None:
        return False
    await promises.mark_asking(tx, promise.id, now)
    what = texts.escape(promise.body)
    mine = Outgoing(
        texts.PROMISE_ASK_AUTHOR.format(what=what),
        buttons(
            [
                (texts.BUTTON_KEPT, f"pa:{promise.id}:kept"),
                (texts.BUTTON_NOT_THIS_TIME, f"pa:{promise.id}:not"),
            ]
        ),
    )
    theirs = Outgoing(
        texts.PROMISE_ASK_PARTNER.format(name=texts.escape(author.first_name), what=what),
        buttons(
            [
                (texts.BUTTON_KEPT, f"pp:{promise.id}:kept"),
                (texts.BUTTON_LETS_TALK, f"pp:{promise.id}:talk"),
            ]
        ),
    )
    await outbox.add(tx, author.id, "promise", mine, now, couple_id=couple.id)
    await outbox.add(tx, partner.id, "promise", theirs, now, couple_id=couple.id)
    return True


async def ask_due(mend: Mend) -> int:
    """Run by the tick: ask about promises whose time has come."""
    now = mend.clock.now()
    asked = 0
    async with mend.db.transaction() as tx:
        for promise in await promises.due(tx, now, BATCH):
            asked += await _ask(tx, promise, now)
    return asked


async def ask_undated(tx: Tx, author_ids: list[int], now: datetime) -> int:
    """At a check-in: ask about the authors' promises made without a time."""
    asked = 0
    for promise in await promises.undated(tx, author_ids, now - timedelta(minutes=1)):
        asked += await _ask(tx, promise, now)
    return asked


async def answer(mend: Mend, user_id: int, promise_id: int, side: str, value: str) -> Outgoing:
    """Kept / Not this time (author, side "a") or Kept / Let's talk (partner, side "p")."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        promise = await promises.get(tx, promise_id)
        is_author = side == "a"
        if (
            promise is None
            or promise.couple_id != couple.id
            or (promise.author_id == me.id) != is_author
        ):
            raise Stale(texts.STALE_BUTTON)
        mine = promise.author_says if is_author else promise.partner_says
        if promise.status != "asking" or mine is not None:
            raise Stale(texts.PROMISE_ANSWERED)
        column = "author_says" if is_author else "partner_says"
        promise = await promises.answer(tx, promise.id, column, value)
        label = texts.PROMISE_ANSWERS[value]
        if promise.author_says is None or promise.partner_says is None:
            return Outgoing(
                texts.PROMISE_NOTED.format(
                    what=texts.escape(promise.body),
                    answer=label,
                    name=texts.escape(partner.first_name),
                )
            )
        kept = promise.author_says == "kept" and promise.partner_says == "kept"
        await promises.settle(tx, promise.id, "kept" if kept else "not_kept", now)
        author, other = (me, partner) if is_author else (partner, me)
        outcome = _outcome(promise, author, other, kept)
        await outbox.add(tx, partner.id, "promise", Outgoing(outcome), now, couple_id=couple.id)
    return Outgoing(outcome)


def _outcome(promise: Promise, author: User, other: User, kept: bool) -> str:
    assert promise.author_says is not None and promise.partner_says is not None
    return texts.PROMISE_OUTCOME.format(
        what=texts.escape(promise.body),
        author=texts.escape(author.first_name),
        author_says=texts.PROMISE_ANSWERS[promise.author_says],
        other=texts.escape(other.first_name),
        other_says=texts.PROMISE_ANSWERS[promise.partner_says],
        verdict=texts.PROMISE_KEPT if kept else texts.PROMISE_NOT_KEPT,
    )


async def overview(mend: Mend, user_id: int) -> Outgoing:
    """/promises: open promises and the track record, the same view for both partners."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        open_ = await promises.of_couple(tx, couple.id, ("open", "asking"))
        month = await promises.settled_since(tx, couple.id, now - timedelta(days=30))
    people = {me.id: me, partner.id: partner}
    lines = [texts.PROMISES_TITLE]
    if open_:
        lines.append(texts.PROMISES_OPEN)
        for promise in open_:
            who = people[promise.author_id]
            state = texts.PROMISE_WAITING if promise.status == "asking" else _when(promise, me)
            lines.append(
                texts.PROMISE_LINE.format(
                    who=texts.escape(who.first_name), what=texts.escape(promise.body), state=state
                )
            )
    else:
        lines.append(texts.PROMISES_NONE_OPEN)
    lines.append(texts.PROMISES_RECORD)
    week = [p for p in month if p.settled_at and p.settled_at >= now - timedelta(days=7)]
    for person in (me, partner):
        record = {}
        for label, span in (("7", week), ("30", month)):
            theirs = [p for p in span if p.author_id == person.id]
            record[label] = texts.PROMISES_COUNT.format(
                kept=sum(p.status == "kept" for p in theirs), total=len(theirs)
            )
        lines.append(
            texts.PROMISES_RECORD_LINE.format(
                who=texts.escape(person.first_name), week=record["7"], month=record["30"]
            )
        )
    return Outgoing("\n".join(lines))
