"""Finding a time to talk: propose a time (tonight, tomorrow, this weekend, or in one's own
words), the partner accepts or asks for another time, and both hear what was agreed.

Every proposal and answer reaches the other as an outbox row written in the same transaction.
"""

from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from bot import texts
from bot.domain.schedule import local_instant
from bot.domain.text import words
from bot.features.talk import store, views
from bot.features.talk.models import (
    Offer,
    Proposal,
    Reminding,
    Slot,
    Status,
    Talk,
    Writing,
)
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import paired, require_timezone
from bot.storage import couples, users
from bot.storage.models import User

TALK_AT = time(20, 0)  # "tonight" and "tomorrow": this hour, the proposer's own time
TONIGHT_UNTIL = timedelta(minutes=30)  # "tonight" is offered until this long before it
MAX_WORDS = 100
INPUT = "talk"  # the words a button asks for next: "talk:<id>"
REMIND_BEFORE = timedelta(hours=1)
BATCH = 200


def _remindable(talk: Talk, now: datetime) -> bool:
    return talk.at is not None and talk.at - REMIND_BEFORE > now


class Relay:
    PROPOSAL = "talk"
    ANSWER = "talk_answer"
    REMINDER = "talk_reminder"


def _tonight(me: User, now: datetime) -> datetime:
    assert me.tz is not None
    day = now.astimezone(me.tz).date()
    return local_instant(day, TALK_AT.hour, TALK_AT.minute, me.tz)


async def offer(mend: Mend, user_id: int) -> Offer:
    """The screen "talk": the times to pick from."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        _, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    require_timezone(me)
    return Offer(partner, now <= _tonight(me, now) - TONIGHT_UNTIL)


async def pick(mend: Mend, user_id: int, slot: Slot) -> Proposal | Writing:
    """A time tapped: proposed to the partner at once; "another time" asks for the words."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        require_timezone(me)
        if slot == Slot.TYPED:
            talk = await store.create(tx, couple.id, me.id, slot, None, Status.WRITING, now)
            await users.set_awaiting(tx, me.id, f"{INPUT}:{talk.id}", now)
            return Writing()
        at: datetime | None = None
        if slot == Slot.TONIGHT:
            at = _tonight(me, now)
            if now > at - TONIGHT_UNTIL:
                raise NotAllowed(views.TONIGHT_PASSED)
        elif slot == Slot.TOMORROW:
            assert me.tz is not None
            day = now.astimezone(me.tz).date() + timedelta(days=1)
            at = local_instant(day, TALK_AT.hour, TALK_AT.minute, me.tz)
        talk = await store.create(tx, couple.id, me.id, slot, at, Status.PROPOSED, now)
        await _propose(tx, talk, me, partner, now)
    return Proposal(talk, me, partner)


async def _propose(tx: Tx, talk: Talk, me: User, partner: User, now: datetime) -> None:
    proposal = Proposal(talk, partner, me)
    await outbox.add(
        tx,
        partner.id,
        Relay.PROPOSAL,
        lambda: views.proposal(proposal),
        now,
        couple_id=talk.couple_id,
        author_id=me.id,
    )


async def _own(tx: Tx, user_id: int, talk_id: int, *statuses: Status) -> tuple[Talk, User, User]:
    """The user's own proposal in one of these states, in their current couple."""
    couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    talk = await store.get(tx, talk_id)
    if talk is None or talk.proposer_id != me.id or talk.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if talk.status not in statuses:
        raise Stale(views.CLOSED)
    return talk, me, partner


async def write(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Proposal:
    """The time in the proposer's own words: shown back with Send / Cancel."""
    if not ident.isdigit():
        raise Stale(texts.STALE_BUTTON)
    talk, me, partner = await _own(tx, user.id, int(ident), Status.WRITING)
    await store.set_words(tx, talk.id, words(text, MAX_WORDS))
    await users.set_awaiting(tx, me.id, None, mend.clock.now())
    fresh = await store.get(tx, talk.id)
    assert fresh is not None
    return Proposal(fresh, me, partner)


async def send_words(mend: Mend, user_id: int, talk_id: int) -> Proposal:
    """Send: the time in one's own words goes to the partner."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        talk, me, partner = await _own(tx, user_id, talk_id, Status.DRAFT)
        await store.set_status(tx, talk.id, Status.PROPOSED)
        await _propose(tx, talk, me, partner, now)
    return Proposal(talk, me, partner)


async def cancel(mend: Mend, user_id: int, talk_id: int) -> None:
    """Cancel a time being written: nothing is sent."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        talk, me, _ = await _own(tx, user_id, talk_id, Status.WRITING, Status.DRAFT)
        await store.set_status(tx, talk.id, Status.CANCELLED, now)
        await users.set_awaiting(tx, me.id, None, now)


async def _received(tx: Tx, user_id: int, talk_id: int) -> tuple[Talk, User, User]:
    """A proposal the user received, in their current couple, still open."""
    couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    talk = await store.get(tx, talk_id)
    if talk is None or talk.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if talk.proposer_id == me.id:
        raise NotAllowed(views.not_yours(partner))
    if talk.status != Status.PROPOSED:
        raise Stale(views.CLOSED)
    return talk, me, partner


async def accept(mend: Mend, user_id: int, talk_id: int) -> Proposal:
    """Accept: both know the time; the proposer hears it through the outbox."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        talk, me, partner = await _received(tx, user_id, talk_id)
        await store.set_status(tx, talk.id, Status.ACCEPTED, now)
        remindable = _remindable(talk, now)
        told = Proposal(talk, partner, me, remindable)
        await outbox.add(
            tx,
            partner.id,
            Relay.ANSWER,
            lambda: views.accepted_told(told),
            now,
            couple_id=talk.couple_id,
            author_id=me.id,
        )
    return Proposal(talk, me, partner, remindable)


async def remind_me(mend: Mend, user_id: int, talk_id: int) -> Reminding:
    """Remind me an hour before an agreed talk (either of the two)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, _ = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        talk = await store.get(tx, talk_id)
        if talk is None or talk.couple_id != couple.id or talk.status != Status.ACCEPTED:
            raise Stale(texts.STALE_BUTTON)
        if talk.at is None or not _remindable(talk, now):
            raise NotAllowed(views.TOO_CLOSE)
        due_at = talk.at - REMIND_BEFORE
        await store.add_reminder(tx, talk.id, me.id, due_at)
    return Reminding(me, due_at)


async def remind_due(mend: Mend) -> int:
    """Run by the tick: the reminders of agreed talks that are due (a read when none are)."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        if not await store.any_reminder_due(tx, now):
            return 0
    queued = 0
    async with mend.db.transaction() as tx:
        for talk_id, user_id in await store.due_reminders(tx, now, BATCH):
            await store.mark_reminded(tx, talk_id, user_id, now)
            talk = await store.get(tx, talk_id)
            couple = await couples.active_for(tx, user_id)
            if talk is None or talk.status != Status.ACCEPTED or couple is None:
                continue
            if couple.id != talk.couple_id:
                continue
            me = await users.get(tx, user_id)
            partner = await users.get(tx, couple.partner_of(user_id))
            if me is None or partner is None:
                continue
            due = Proposal(talk, me, partner)
            await outbox.add(
                tx, me.id, Relay.REMINDER, partial(views.reminder, due), now, couple_id=couple.id
            )
            queued += 1
    return queued


async def another(mend: Mend, user_id: int, talk_id: int) -> Offer:
    """Another time: the proposer is told; the one who asked may propose their own."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        talk, me, partner = await _received(tx, user_id, talk_id)
        await store.set_status(tx, talk.id, Status.ANOTHER, now)
        await outbox.add(
            tx,
            partner.id,
            Relay.ANSWER,
            lambda: views.another_told(me),
            now,
            couple_id=talk.couple_id,
            author_id=me.id,
        )
    require_timezone(me)
    return Offer(partner, now <= _tonight(me, now) - TONIGHT_UNTIL)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the times the user proposed to talk."""
    return {
        "written_by_you": {
            "times_to_talk": [
                {
                    "proposed_at": scope.when(t.created_at),
                    "time": scope.when(t.at) if t.at else t.slot.value,
                    "in_your_words": t.words,
                    "status": t.status.value,
                    "to": scope.partner_name(t.couple_id),
                }
                for t in await store.proposed_by(tx, scope.me.id)
            ]
        }
    }
